package se.goteborg.vaksam.intake.bulletin;

import java.time.Instant;
import java.util.List;

import se.goteborg.vaksam.events.bulletin.BulletinChanged;
import se.goteborg.vaksam.events.bulletin.BulletinStatus;
import se.goteborg.vaksam.events.member.MemberType;

/**
 * The latest state of one bulletin as the bulletin topic announced it. Empty {@code memberTypes} or
 * {@code districts} do not narrow: the bulletin is for every type, or every district.
 */
record BoardEntry(String bulletinId, BulletinStatus status, String titleSv, String titleEn, String bodySv,
                  String bodyEn, List<String> memberTypes, List<String> districts, Instant publishAt,
                  Instant expiresAt, Instant changedAt) {

    /** A member without a district is in the district network-coordination calls UNKNOWN. */
    static final String NO_DISTRICT = "UNKNOWN";

    BoardEntry {
        memberTypes = List.copyOf(memberTypes);
        districts = List.copyOf(districts);
    }

    static BoardEntry of(BulletinChanged event) {
        return new BoardEntry(event.getBulletinId(), event.getStatus(), event.getTitleSv(), event.getTitleEn(),
                event.getBodySv(), event.getBodyEn(), event.getMemberTypes().stream().map(Enum::name).toList(),
                event.getDistricts(), event.getPublishAt(), event.getExpiresAt(), event.getChangedAt());
    }

    /** Whether a member of this type in this district sees it now: published, between its times, aimed at it. */
    boolean shownTo(MemberType type, String district, Instant now) {
        return status == BulletinStatus.PUBLISHED && !now.isBefore(publishAt) && now.isBefore(expiresAt)
                && (memberTypes.isEmpty() || memberTypes.contains(type.name()))
                && (districts.isEmpty() || districts.contains(district == null ? NO_DISTRICT : district));
    }

    boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
