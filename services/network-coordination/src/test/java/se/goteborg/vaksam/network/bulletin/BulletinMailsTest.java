package se.goteborg.vaksam.network.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.network.district.District;

class BulletinMailsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T20:00:00Z");

    private final BulletinMails mails = new BulletinMails("https://vaksam.goteborg.example/");

    @Test
    void theMailIsSwedishThenEnglishEachWithWhyTheMemberGetsItAndUntilWhenItIsShown() {
        Bulletin bulletin = bulletin("Mässveckan", "Fair week", "Var uppmärksam.\n\nRing 112 vid fara.",
                "Keep your eyes open.\n\nCall 112 in an emergency.");

        BulletinMails.Mail mail = mails.compose(bulletin, "Hotell Kvarnen");

        assertThat(mail.subject()).isEqualTo("Vaksam: Mässveckan / Fair week");
        String text = mail.text();
        assertThat(text).startsWith("Mässveckan\n\nVar uppmärksam.\n\nRing 112 vid fara.\n\n");
        assertThat(text.indexOf("Var uppmärksam")).isLessThan(text.indexOf("-- In English --"));
        assertThat(text.indexOf("-- In English --")).isLessThan(text.indexOf("Keep your eyes open"));
        assertThat(text).contains("Du får det här e-postmeddelandet eftersom Hotell Kvarnen är med i Göteborgs "
                + "nätverk mot prostitution och människohandel");
        assertThat(text).contains("You receive this e-mail because Hotell Kvarnen is a member of Göteborg's network");
        assertThat(text).as("in Swedish time, the link without a double slash")
                .contains("till 2026-12-05 23:59 (svensk tid): https://vaksam.goteborg.example/intake")
                .contains("until 2026-12-05 23:59 (Swedish time): https://vaksam.goteborg.example/intake");
    }

    @Test
    void oneTitleForBothLanguagesIsNotRepeatedInTheSubject() {
        assertThat(mails.compose(bulletin("Vaksam", "Vaksam", "Text", "Text"), "Taxi").subject())
                .isEqualTo("Vaksam: Vaksam");
    }

    private static Bulletin bulletin(String titleSv, String titleEn, String bodySv, String bodyEn) {
        return Bulletin.scheduled("b-1", new BulletinDraft(new BulletinText(titleSv, titleEn, bodySv, bodyEn),
                new Targets(Set.of(MemberType.HOTEL), Set.of(District.CENTRUM)), NOW,
                Instant.parse("2026-12-05T22:59:00Z")), NOW);
    }
}
