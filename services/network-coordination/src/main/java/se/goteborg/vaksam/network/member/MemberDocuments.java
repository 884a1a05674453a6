package se.goteborg.vaksam.network.member;

import java.util.Date;
import java.util.UUID;

import org.bson.Document;

import se.goteborg.vaksam.events.member.MemberChanged;
import se.goteborg.vaksam.events.member.MemberStatus;
import se.goteborg.vaksam.events.member.MemberType;

/** Maps members to their Mongo documents and to the MemberChanged event. */
final class MemberDocuments {

    static final String ID = "_id";
    static final String VERSION = "version";

    private MemberDocuments() {
    }

    /** Every field but the id and the outbox: what a change sets. */
    static Document state(Member member) {
        return new Document("type", member.type().name())
                .append("name", member.name())
                .append("orgNumber", member.orgNumber())
                .append("district", member.district())
                .append("status", member.status().name())
                .append("intakeKeyHashes", member.intakeKeyHashes())
                .append("createdAt", Date.from(member.createdAt()))
                .append("changedAt", Date.from(member.changedAt()))
                .append(VERSION, member.version());
    }

    static Document document(Member member) {
        Document document = new Document(ID, member.memberId());
        document.putAll(state(member));
        return document;
    }

    static Member member(Document document) {
        return new Member(
                document.getString(ID),
                MemberType.valueOf(document.getString("type")),
                document.getString("name"),
                document.getString("orgNumber"),
                document.getString("district"),
                MemberStatus.valueOf(document.getString("status")),
                document.getList("intakeKeyHashes", String.class),
                document.getDate("createdAt").toInstant(),
                document.getDate("changedAt").toInstant(),
                document.get(VERSION, Number.class).longValue());
    }

    static MemberChanged event(Member member) {
        return MemberChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setMemberId(member.memberId())
                .setType(member.type())
                .setName(member.name())
                .setDistrict(member.district())
                .setStatus(member.status())
                .setIntakeKeyHashes(member.intakeKeyHashes())
                .setChangedAt(member.changedAt())
                .build();
    }
}
