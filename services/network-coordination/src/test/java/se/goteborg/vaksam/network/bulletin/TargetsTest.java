package se.goteborg.vaksam.network.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import se.goteborg.vaksam.events.member.MemberType;
import se.goteborg.vaksam.network.district.District;

class TargetsTest {

    @Test
    void noTargetsReachEveryMemberWhereverItIs() {
        Targets everyone = Targets.everyone();
        for (MemberType type : MemberType.values()) {
            assertThat(everyone.matches(type, "CENTRUM")).isTrue();
            assertThat(everyone.matches(type, null)).isTrue();
        }
    }

    @Test
    void typesAndDistrictsBothNarrow() {
        Targets hotelsInCentrum = new Targets(Set.of(MemberType.HOTEL, MemberType.HOSTEL), Set.of(District.CENTRUM));
        assertThat(hotelsInCentrum.matches(MemberType.HOTEL, "CENTRUM")).isTrue();
        assertThat(hotelsInCentrum.matches(MemberType.HOSTEL, "centrum")).isTrue();
        assertThat(hotelsInCentrum.matches(MemberType.TAXI, "CENTRUM")).as("another type").isFalse();
        assertThat(hotelsInCentrum.matches(MemberType.HOTEL, "HISINGEN")).as("another district").isFalse();
        assertThat(hotelsInCentrum.matches(MemberType.HOTEL, null)).as("no district").isFalse();
    }

    @Test
    void onlyTypesReachThoseTypesInEveryDistrictAndAMemberWithoutADistrictIsInUnknown() {
        Targets taxis = new Targets(Set.of(MemberType.TAXI), Set.of());
        assertThat(taxis.matches(MemberType.TAXI, "OUTSIDE_CITY")).isTrue();
        assertThat(taxis.matches(MemberType.TAXI, null)).isTrue();
        assertThat(taxis.matches(MemberType.VENUE, "CENTRUM")).isFalse();

        Targets unknown = new Targets(Set.of(), Set.of(District.UNKNOWN));
        assertThat(unknown.matches(MemberType.OTHER, null)).isTrue();
        assertThat(unknown.matches(MemberType.OTHER, "not a district")).isTrue();
        assertThat(unknown.matches(MemberType.OTHER, "NORDOST")).isFalse();
    }

    @Test
    void theSetsKeepTheOrderTheCodesAreDeclaredIn() {
        Targets targets = new Targets(Set.of(MemberType.VENUE, MemberType.HOTEL, MemberType.TAXI),
                Set.of(District.UNKNOWN, District.CENTRUM));
        assertThat(targets.memberTypes()).containsExactly(MemberType.HOTEL, MemberType.TAXI, MemberType.VENUE);
        assertThat(targets.districts()).containsExactly(District.CENTRUM, District.UNKNOWN);
    }
}
