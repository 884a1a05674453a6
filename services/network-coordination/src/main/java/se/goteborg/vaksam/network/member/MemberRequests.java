package se.goteborg.vaksam.network.member;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.network.district.District;
import se.goteborg.vaksam.network.district.Districts;
import se.goteborg.vaksam.network.member.MemberProfile.Address;
import se.goteborg.vaksam.network.member.MemberProfile.Contact;
import se.goteborg.vaksam.web.problem.FieldProblems;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

/** Request bodies of the member API (enrolment and edit share one) and their checks. */
final class MemberRequests {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_STREET_LENGTH = 200;
    static final int MAX_CITY_LENGTH = 100;
    static final int MAX_EMAIL_LENGTH = 254;
    private static final Pattern POSTAL_CODE = Pattern.compile("(?:SE-?)?\\s*([1-9]\\d{2})\\s?(\\d{2})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{5,19}");
    private static final String DISTRICT_CODES = Arrays.stream(District.values()).map(District::name)
            .collect(Collectors.joining(", "));

    private MemberRequests() {
    }

    record MemberRequest(MemberType type, String name, String orgNumber, AddressRequest address, String district,
                         ContactRequest contact, String joinedOn) {
    }

    record AddressRequest(String streetAddress, String postalCode, String city) {
    }

    record ContactRequest(String name, String email, String phone) {
    }

    /**
     * The request as a profile, or every offending field named. Without a district, the address's postal code gives
     * it; a district given names a code and wins (for postal areas that straddle two city areas). The joined date is
     * today unless given, and never later than today.
     */
    static Mono<MemberProfile> check(MemberRequest request, LocalDate today) {
        FieldProblems problems = new FieldProblems();
        problems.requirePresent("type", request.type());
        String name = text(request.name());
        if (problems.requireText("name", name)) {
            problems.requireMaxLength("name", name, MAX_NAME_LENGTH);
        }
        String orgNumber = null;
        if (problems.requireText("orgNumber", request.orgNumber())) {
            orgNumber = OrgNumbers.normalise(request.orgNumber()).orElse(null);
            problems.check(orgNumber != null, "orgNumber",
                    "must be a Swedish organisation number (NNNNNN-NNNN) with a valid check digit");
        }
        Address address = address(problems, request.address());
        District district = district(problems, text(request.district()), address);
        Contact contact = contact(problems, request.contact());
        LocalDate joinedOn = joinedOn(problems, text(request.joinedOn()), today);
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidFieldsException(problems.asList()));
        }
        return Mono.just(new MemberProfile(request.type(), name, orgNumber, address, district, contact, joinedOn));
    }

    private static Address address(FieldProblems problems, AddressRequest request) {
        if (request == null) {
            return null;
        }
        String street = text(request.streetAddress());
        String postalCode = text(request.postalCode());
        String city = text(request.city());
        if (street == null && postalCode == null && city == null) {
            return null;
        }
        problems.requireMaxLength("address.streetAddress", street, MAX_STREET_LENGTH);
        problems.requireMaxLength("address.city", city, MAX_CITY_LENGTH);
        String normalised = null;
        if (postalCode != null) {
            var matcher = POSTAL_CODE.matcher(postalCode);
            if (matcher.matches()) {
                normalised = matcher.group(1) + " " + matcher.group(2);
            } else {
                problems.add("address.postalCode", "must be a Swedish postal code such as 411 19");
            }
        }
        return new Address(street, normalised, city);
    }

    private static District district(FieldProblems problems, String code, Address address) {
        if (code != null) {
            District district = District.ofCode(code).orElse(null);
            problems.check(district != null, "district", "must be one of " + DISTRICT_CODES);
            return district;
        }
        if (address != null && address.postalCode() != null) {
            return Districts.standard().of(address.postalCode());
        }
        return null;
    }

    private static Contact contact(FieldProblems problems, ContactRequest request) {
        if (request == null) {
            return null;
        }
        String name = text(request.name());
        String email = text(request.email());
        String phone = text(request.phone());
        if (name == null && email == null && phone == null) {
            return null;
        }
        problems.requireMaxLength("contact.name", name, MAX_NAME_LENGTH);
        if (email != null && problems.requireMaxLength("contact.email", email, MAX_EMAIL_LENGTH)) {
            problems.check(EMAIL.matcher(email).matches(), "contact.email", "must be an e-mail address");
        }
        if (phone != null) {
            problems.check(PHONE.matcher(phone).matches(), "contact.phone",
                    "must be a phone number of digits, spaces, '+', '-' and brackets");
        }
        return new Contact(name, email, phone);
    }

    private static LocalDate joinedOn(FieldProblems problems, String value, LocalDate today) {
        if (value == null) {
            return today;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            problems.check(!date.isAfter(today), "joinedOn", "must not be later than today");
            return date;
        } catch (DateTimeParseException e) {
            problems.add("joinedOn", "must be a date such as 2026-12-01");
            return today;
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
