package se.goteborg.vaksam.network.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

class SendOutcomeTest {

    private static final String ADDRESS = "reception@hotel.example";

    @Test
    void aServerThatCannotBeReachedIsNamedByTheInnermostErrorsClass() {
        MailSendException refused = new MailSendException("Mail server connection failed",
                new MailConnectException(new SocketConnectException("Couldn't connect", new ConnectException(),
                        "127.0.0.1", 25, 5000)));

        SendOutcome outcome = SendOutcome.failed(refused);

        assertThat(outcome.sent()).isFalse();
        assertThat(outcome.replyCode()).isNull();
        assertThat(outcome.error()).isEqualTo("ConnectException");
        assertThat(outcome.permanent()).isFalse();
        assertThat(outcome.describe()).isEqualTo("ConnectException");
    }

    @Test
    void aRefusedRecipientGivesTheServersReplyCodeAndNeverTheAddress() throws Exception {
        SMTPAddressFailedException rejected = new SMTPAddressFailedException(new InternetAddress(ADDRESS), "RCPT TO",
                550, "550 5.1.1 <" + ADDRESS + ">: Recipient address rejected");
        SendFailedException failed = new SendFailedException("Invalid Addresses", rejected);
        MailSendException exception = new MailSendException(Map.of(new Object(), failed));

        SendOutcome outcome = SendOutcome.failed(exception);

        assertThat(outcome.replyCode()).isEqualTo(550);
        assertThat(outcome.permanent()).isTrue();
        assertThat(outcome.describe()).isEqualTo("SMTP 550");
        assertThat(outcome.toString()).doesNotContain(ADDRESS);
    }

    @Test
    void aTemporaryRefusalIsRetried() throws Exception {
        SMTPSendFailedException busy = new SMTPSendFailedException("DATA", 451, "451 4.3.0 Try again later",
                new MessagingException("inner"), null, null, null);

        SendOutcome outcome = SendOutcome.failed(busy);

        assertThat(outcome.replyCode()).isEqualTo(451);
        assertThat(outcome.permanent()).isFalse();
    }

    @Test
    void aTimeOutIsNamedByItsClass() {
        assertThat(SendOutcome.failed(new TimeoutException("Did not observe any item")).error())
                .isEqualTo("TimeoutException");
        assertThat(SendOutcome.SENT.describe()).isEqualTo("sent");
    }
}
