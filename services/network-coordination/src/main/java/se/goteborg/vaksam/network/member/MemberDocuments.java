package se.goteborg.vaksam.network.member;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;

import se.goteborg.vaksam.events.member.MemberChanged;
import se.goteborg.vaksam.events.member.MemberStatus;
import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.network.district.District;
import se.goteborg.vaksam.network.member.MemberProfile.Address;
import se.goteborg.vaksam.network.member.MemberProfile.Contact;

/** Maps members to their Mongo documents and to the MemberChanged event. */
final class MemberDocuments {

    static final String ID = "_id";
    static final String VERSION = "version";
    private static final ZoneId CITY_TIME = ZoneId.of("Europe/Stockholm");

    private MemberDocuments() {
    }

    /** Every field but the id and the outbox: what a change sets. */
    static Document state(Member member) {
        MemberProfile profile = member.profile();
        return new Document("type", profile.type().name())
                .append("name", profile.name())
                .append("orgNumber", profile.orgNumber())
                .append("address", address(profile.address()))
                .append("district", member.district())
                .append("contact", contact(profile.contact()))
                .append("joinedOn", profile.joinedOn() == null ? null : profile.joinedOn().toString())
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
        Date createdAt = document.getDate("createdAt");
        String joinedOn = document.getString("joinedOn");
        MemberProfile profile = new MemberProfile(
                MemberType.valueOf(document.getString("type")),
                document.getString("name"),
                document.getString("orgNumber"),
                address(document.get("address", Document.class)),
                District.ofCode(document.getString("district")).orElse(null),
                contact(document.get("contact", Document.class)),
                // Members enrolled before the joined date was kept joined when they were enrolled.
                joinedOn != null ? LocalDate.parse(joinedOn) : LocalDate.ofInstant(createdAt.toInstant(), CITY_TIME));
        return new Member(
                document.getString(ID),
                profile,
                MemberStatus.valueOf(document.getString("status")),
                document.getList("intakeKeyHashes", String.class),
                createdAt.toInstant(),
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

    private static Document address(Address address) {
        return address == null ? null : new Document("streetAddress", address.streetAddress())
                .append("postalCode", address.postalCode())
                .append("city", address.city());
    }

    private static Address address(Document document) {
        return document == null ? null : new Address(document.getString("streetAddress"),
                document.getString("postalCode"), document.getString("city"));
    }

    private static Document contact(Contact contact) {
        return contact == null ? null : new Document("name", contact.name())
                .append("email", contact.email())
                .append("phone", contact.phone());
    }

    private static Contact contact(Document document) {
        return document == null ? null : new Contact(document.getString("name"), document.getString("email"),
                document.getString("phone"));
    }
}
