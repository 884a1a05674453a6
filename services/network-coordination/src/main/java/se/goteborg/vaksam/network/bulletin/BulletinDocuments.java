package se.goteborg.vaksam.network.bulletin;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;

import se.goteborg.vaksam.events.bulletin.BulletinChanged;
import se.goteborg.vaksam.events.bulletin.BulletinStatus;
import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.network.district.District;

/** Maps bulletins to their Mongo documents and to the BulletinChanged event. */
final class BulletinDocuments {

    static final String ID = "_id";
    static final String STATE = "state";
    static final String PUBLISH_AT = "publishAt";
    static final String VERSION = "version";
    static final String CREATED_AT = "createdAt";
    /**
     * Present while the bulletin may have e-mails to send: set when it is published and when failed deliveries are
     * queued again, each time to a fresh value, so a pass that found nothing to send clears only the value it read.
     */
    static final String DELIVERIES_OPEN = "deliveriesOpen";

    private BulletinDocuments() {
    }

    /** Every field but the id, the outbox and the deliveries' marker: what a change sets. */
    static Document state(Bulletin bulletin) {
        BulletinText text = bulletin.text();
        return new Document("titleSv", text.titleSv())
                .append("titleEn", text.titleEn())
                .append("bodySv", text.bodySv())
                .append("bodyEn", text.bodyEn())
                .append("memberTypes", bulletin.targets().memberTypes().stream().map(Enum::name).toList())
                .append("districts", bulletin.targets().districts().stream().map(Enum::name).toList())
                .append(PUBLISH_AT, Date.from(bulletin.publishAt()))
                .append("expiresAt", Date.from(bulletin.expiresAt()))
                .append(STATE, bulletin.state().name())
                .append("recipients", bulletin.recipients())
                .append(CREATED_AT, Date.from(bulletin.createdAt()))
                .append("changedAt", Date.from(bulletin.changedAt()))
                .append("publishedAt", date(bulletin.publishedAt()))
                .append("withdrawnAt", date(bulletin.withdrawnAt()))
                .append("cancelledAt", date(bulletin.cancelledAt()))
                .append(VERSION, bulletin.version());
    }

    static Document document(Bulletin bulletin) {
        Document document = new Document(ID, bulletin.bulletinId());
        document.putAll(state(bulletin));
        return document;
    }

    static Bulletin bulletin(Document document) {
        BulletinText text = new BulletinText(document.getString("titleSv"), document.getString("titleEn"),
                document.getString("bodySv"), document.getString("bodyEn"));
        Targets targets = new Targets(
                Set.copyOf(document.getList("memberTypes", String.class, List.of()).stream().map(MemberType::valueOf)
                        .toList()),
                Set.copyOf(document.getList("districts", String.class, List.of()).stream().map(District::valueOf)
                        .toList()));
        return new Bulletin(document.getString(ID), text, targets, instant(document.getDate(PUBLISH_AT)),
                instant(document.getDate("expiresAt")), BulletinState.valueOf(document.getString(STATE)),
                document.getList("recipients", String.class, List.of()), instant(document.getDate(CREATED_AT)),
                instant(document.getDate("changedAt")), instant(document.getDate("publishedAt")),
                instant(document.getDate("withdrawnAt")), instant(document.getDate("cancelledAt")),
                document.get(VERSION, Number.class).longValue());
    }

    /** The event of a published or withdrawn bulletin: everything a member's page needs to show it, or not. */
    static BulletinChanged event(Bulletin bulletin) {
        BulletinText text = bulletin.text();
        return BulletinChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setBulletinId(bulletin.bulletinId())
                .setStatus(bulletin.state() == BulletinState.PUBLISHED ? BulletinStatus.PUBLISHED
                        : BulletinStatus.WITHDRAWN)
                .setTitleSv(text.titleSv())
                .setTitleEn(text.titleEn())
                .setBodySv(text.bodySv())
                .setBodyEn(text.bodyEn())
                .setMemberTypes(List.copyOf(bulletin.targets().memberTypes()))
                .setDistricts(bulletin.targets().districts().stream().map(Enum::name).toList())
                .setPublishAt(bulletin.publishAt())
                .setExpiresAt(bulletin.expiresAt())
                .setChangedAt(bulletin.changedAt())
                .build();
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
