package se.goteborg.vaksam.intake.bulletin;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import se.goteborg.vaksam.events.bulletin.BulletinChanged;
import se.goteborg.vaksam.events.bulletin.BulletinStatus;
import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.intake.IntakeTestSupport;
import se.goteborg.vaksam.platform.events.Topics;

/** Bulletins as network-coordination announces them on the bulletin topic. */
final class BulletinEvents {

    private BulletinEvents() {
    }

    static BulletinChanged.Builder bulletin(String bulletinId, List<MemberType> memberTypes, List<String> districts,
                                            Instant publishAt, Instant expiresAt) {
        return BulletinChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setBulletinId(bulletinId)
                .setStatus(BulletinStatus.PUBLISHED)
                .setTitleSv("Rubrik " + bulletinId)
                .setTitleEn("Title " + bulletinId)
                .setBodySv("Första stycket.\n\nAndra stycket.")
                .setBodyEn("First paragraph.\n\nSecond paragraph.")
                .setMemberTypes(memberTypes)
                .setDistricts(districts)
                .setPublishAt(publishAt.truncatedTo(ChronoUnit.MILLIS))
                .setExpiresAt(expiresAt.truncatedTo(ChronoUnit.MILLIS))
                .setChangedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** Publishes on the bulletin topic on the real broker and waits until the broker has it. */
    static void publish(BulletinChanged event) {
        IntakeTestSupport.send(Topics.BULLETIN_CHANGED.name(), event.getBulletinId(), event);
    }
}
