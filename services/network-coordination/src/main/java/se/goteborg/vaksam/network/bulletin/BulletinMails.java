package se.goteborg.vaksam.network.bulletin;

import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import se.goteborg.vaksam.web.page.PageDates;

/**
 * The e-mail of a bulletin: plain text, Swedish first and English after it, each closed by the line that says why
 * the member gets it and where else the bulletin is shown.
 */
@Component
class BulletinMails {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final String formsUrl;

    BulletinMails(@Value("${vaksam.network.public-base-url}") String publicBaseUrl) {
        this.formsUrl = publicBaseUrl.replaceAll("/+$", "") + "/intake";
    }

    /** A subject and a body; no address, no member id, so nothing in them needs hiding from a log. */
    record Mail(String subject, String text) {
    }

    Mail compose(Bulletin bulletin, String memberName) {
        BulletinText text = bulletin.text();
        String subject = "Vaksam: " + (text.titleSv().equals(text.titleEn()) ? text.titleSv()
                : text.titleSv() + " / " + text.titleEn());
        String until = TIME.format(bulletin.expiresAt().atZone(PageDates.CITY_TIME));
        String body = text.titleSv() + "\n\n" + text.bodySv() + "\n\n"
                + "Meddelandet visas också på era tipsformulär i Vaksam till " + until + " (svensk tid): " + formsUrl
                + "\n\n"
                + "Du får det här e-postmeddelandet eftersom " + memberName + " är med i Göteborgs nätverk mot "
                + "prostitution och människohandel, som Göteborg & Co samordnar, och har den här adressen som "
                + "kontaktadress.\n\n"
                + "-- In English --\n\n"
                + text.titleEn() + "\n\n" + text.bodyEn() + "\n\n"
                + "This message is also shown on your tip forms in Vaksam until " + until + " (Swedish time): "
                + formsUrl + "\n\n"
                + "You receive this e-mail because " + memberName + " is a member of Göteborg's network against "
                + "prostitution and human trafficking, coordinated by Göteborg & Co, with this address as its "
                + "contact.\n";
        return new Mail(subject, body);
    }
}
