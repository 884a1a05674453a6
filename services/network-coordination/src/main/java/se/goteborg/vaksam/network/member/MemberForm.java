package se.goteborg.vaksam.network.member;

import static se.goteborg.vaksam.network.page.FormFields.text;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.util.MultiValueMap;

import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.network.district.Districts;
import se.goteborg.vaksam.network.member.MemberProfile.Address;
import se.goteborg.vaksam.network.member.MemberProfile.Contact;
import se.goteborg.vaksam.network.member.MemberRequests.AddressRequest;
import se.goteborg.vaksam.network.member.MemberRequests.ContactRequest;
import se.goteborg.vaksam.network.member.MemberRequests.MemberRequest;
import se.goteborg.vaksam.network.page.FormFields;
import se.goteborg.vaksam.web.problem.FieldProblem;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

/**
 * The enrolment and edit form of the member pages, as typed: every field a string, so a refused form shows exactly
 * what was sent. The same checks as the API's ({@link MemberRequests}) apply. {@code submissionId} names an
 * enrolment (it becomes the member's id, so the form sent twice enrols once); {@code version} is the version an edit
 * was made on. An empty district means "from the postal code".
 */
record MemberForm(String type, String name, String orgNumber, String streetAddress, String postalCode, String city,
                  String district, String contactName, String contactEmail, String contactPhone, String joinedOn,
                  String submissionId, String version) {

    /** The API's field names, as {@link MemberRequests} reports them, by the form field that holds them. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("type", "type"), Map.entry("name", "name"), Map.entry("orgNumber", "orgNumber"),
            Map.entry("address.streetAddress", "streetAddress"), Map.entry("address.postalCode", "postalCode"),
            Map.entry("address.city", "city"), Map.entry("district", "district"),
            Map.entry("contact.name", "contactName"), Map.entry("contact.email", "contactEmail"),
            Map.entry("contact.phone", "contactPhone"), Map.entry("joinedOn", "joinedOn"));

    /** A new enrolment: joined today, and a fresh submission id. */
    static MemberForm blank(LocalDate today) {
        return new MemberForm("", "", "", "", "", "", "", "", "", "", today.toString(), FormFields.newSubmissionId(),
                "");
    }

    /**
     * The member as its edit form starts: a district that the postal code gives anyway shows as "from the postal
     * code", so that moving the member to another postal code moves its district too.
     */
    static MemberForm of(Member member) {
        MemberProfile profile = member.profile();
        Address address = profile.address() == null ? new Address(null, null, null) : profile.address();
        Contact contact = profile.contact() == null ? new Contact(null, null, null) : profile.contact();
        boolean derived = profile.district() == null || address.postalCode() != null
                && Districts.standard().of(address.postalCode()) == profile.district();
        return new MemberForm(profile.type().name(), profile.name(), orEmpty(profile.orgNumber()),
                orEmpty(address.streetAddress()), orEmpty(address.postalCode()), orEmpty(address.city()),
                derived ? "" : profile.district().name(), orEmpty(contact.name()), orEmpty(contact.email()),
                orEmpty(contact.phone()), profile.joinedOn() == null ? "" : profile.joinedOn().toString(), "",
                String.valueOf(member.version()));
    }

    static MemberForm typed(MultiValueMap<String, String> form) {
        return new MemberForm(text(form, "type"), text(form, "name"), text(form, "orgNumber"),
                text(form, "streetAddress"), text(form, "postalCode"), text(form, "city"), text(form, "district"),
                text(form, "contactName"), text(form, "contactEmail"), text(form, "contactPhone"),
                text(form, "joinedOn"), text(form, "submissionId"), text(form, "version"));
    }

    /** The form as the API's request, for the API's checks; a type that is no code is no type. */
    MemberRequest request() {
        MemberType memberType = Arrays.stream(MemberType.values()).filter(t -> t.name().equals(type)).findFirst()
                .orElse(null);
        return new MemberRequest(memberType, name, orgNumber, new AddressRequest(streetAddress, postalCode, city),
                district, new ContactRequest(contactName, contactEmail, contactPhone), joinedOn);
    }

    /** The id the enrolment is made under: the form's submission id. */
    String memberId() {
        return FormFields.submissionIdOrNew(submissionId);
    }

    /** The version the edit was made on; none when the form carries no version the page wrote. */
    Long expectedVersion() {
        return FormFields.version(version);
    }

    /** Each field at fault, by the id of its form field, with the message key of what to do. */
    static Map<String, String> errors(InvalidFieldsException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem problem : e.problems()) {
            String field = FIELDS.getOrDefault(problem.field(), "form");
            errors.putIfAbsent(field, "members.error." + field);
        }
        return errors;
    }

    @Override
    public String toString() {
        return "MemberForm[(typed fields)]";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
