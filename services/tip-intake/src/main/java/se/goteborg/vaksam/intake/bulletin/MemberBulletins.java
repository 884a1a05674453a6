package se.goteborg.vaksam.intake.bulletin;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.intake.member.Enrolment.EnrolledMember;

/** What the intake pages show an enrolled member of the bulletins from Göteborg &amp; Co. */
@Service
public class MemberBulletins {

    private final BulletinBoard board;
    private final Clock clock;

    MemberBulletins(BulletinBoard board, Clock clock) {
        this.board = board;
        this.clock = clock;
    }

    /** A bulletin in the page's language: its title and its paragraphs, and until when it is shown. */
    public record ShownBulletin(String bulletinId, String title, List<String> paragraphs, Instant expiresAt) {
    }

    /**
     * The bulletins aimed at this member's type and district that are published and between their times now, newest
     * first, in English for {@code en} and otherwise in Swedish.
     */
    public Mono<List<ShownBulletin>> shownTo(EnrolledMember member, String language) {
        Instant now = clock.instant();
        boolean english = "en".equals(language);
        return board.read().map(current -> current.entries().stream()
                .filter(entry -> entry.shownTo(member.type(), member.district(), now))
                .sorted(Comparator.comparing(BoardEntry::publishAt).reversed())
                .map(entry -> new ShownBulletin(entry.bulletinId(), english ? entry.titleEn() : entry.titleSv(),
                        paragraphs(english ? entry.bodyEn() : entry.bodySv()), entry.expiresAt()))
                .toList());
    }

    private static List<String> paragraphs(String body) {
        return Arrays.stream(body.split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}
