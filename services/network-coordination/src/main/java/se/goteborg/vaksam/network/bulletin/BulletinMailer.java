package se.goteborg.vaksam.network.bulletin;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends one e-mail through the SMTP server ({@code spring.mail.*}). JavaMail blocks, so it runs on the bounded
 * elastic scheduler, and for at most the send time-out; every way it can end is an outcome, never an error.
 */
@Component
class BulletinMailer {

    private final JavaMailSender sender;
    private final BulletinProperties properties;

    BulletinMailer(JavaMailSender sender, BulletinProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    Mono<SendOutcome> send(BulletinMails.Mail mail, String to) {
        return Mono.fromCallable(() -> {
                    sender.send(message(mail, to));
                    return SendOutcome.SENT;
                })
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(properties.sendTimeout())
                .onErrorResume(e -> Mono.just(SendOutcome.failed(e)));
    }

    private MimeMessage message(BulletinMails.Mail mail, String to) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.fromAddress());
        if (properties.replyToAddress() != null) {
            helper.setReplyTo(properties.replyToAddress());
        }
        helper.setTo(to);
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), false);
        // Keeps out-of-office replies and other automatic answers from coming back to the sender.
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }
}
