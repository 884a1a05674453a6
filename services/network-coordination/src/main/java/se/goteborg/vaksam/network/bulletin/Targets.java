package se.goteborg.vaksam.network.bulletin;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.network.district.District;

/**
 * Whom a bulletin is for: members of these types in these districts. An empty set does not narrow: no types chosen
 * means every type, no districts every district. A member without a district counts as {@link District#UNKNOWN}.
 * Both sets keep the order the enums declare, as the pages list them.
 */
record Targets(Set<MemberType> memberTypes, Set<District> districts) {

    Targets {
        memberTypes = ordered(memberTypes, MemberType.class);
        districts = ordered(districts, District.class);
    }

    static Targets everyone() {
        return new Targets(Set.of(), Set.of());
    }

    boolean matches(MemberType type, String district) {
        boolean typeMatches = memberTypes.isEmpty() || memberTypes.contains(type);
        boolean districtMatches = districts.isEmpty()
                || districts.contains(District.ofCode(district).orElse(District.UNKNOWN));
        return typeMatches && districtMatches;
    }

    private static <E extends Enum<E>> Set<E> ordered(Collection<E> values, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        set.addAll(values);
        return Collections.unmodifiableSet(set);
    }
}
