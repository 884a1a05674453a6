package se.goteborg.vaksam.network.member;

import java.time.LocalDate;
import java.util.Objects;

import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.network.district.District;

/**
 * What a coordinator records about a member organisation: its kind, name, organisation number, address, the district
 * the figures count it in, the person the network contacts (bulletins go to this address), and when it joined. The
 * contact is a work contact of the organisation; it never leaves this service (the member topic carries neither the
 * contact nor the address).
 */
record MemberProfile(MemberType type, String name, String orgNumber, Address address, District district,
                     Contact contact, LocalDate joinedOn) {

    MemberProfile {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }

    record Address(String streetAddress, String postalCode, String city) {
    }

    record Contact(String name, String email, String phone) {
    }
}
