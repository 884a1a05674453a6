package se.goteborg.vaksam.intake.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import se.goteborg.vaksam.events.common.Channel;
import se.goteborg.vaksam.events.common.ExploitationType;
import se.goteborg.vaksam.events.common.SuspectedMinor;
import se.goteborg.vaksam.intake.intake.TipRequests.HotelTipRequest;
import se.goteborg.vaksam.intake.intake.TipRequests.PremisesRequest;
import se.goteborg.vaksam.intake.intake.TipRequests.StopRequest;
import se.goteborg.vaksam.intake.intake.TipRequests.TaxiTipRequest;
import se.goteborg.vaksam.intake.intake.TipRequests.TripRequest;
import se.goteborg.vaksam.web.problem.FieldProblem;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

class TipValidatorTest {

    private static final Instant NOW = Instant.parse("2026-07-01T12:00:00Z");
    private final TipValidator validator = new TipValidator(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aHotelTipIsNormalised() {
        Tip tip = validator.validate(hotel("2026-07-01T13:30", List.of("STREAM_OF_MEN", "PAID_CASH_OR_PREPAID",
                "STREAM_OF_MEN"), new PremisesRequest("  Hotell Väst ", "Södra vägen 1", "41254", "Göteborg", " ")));

        assertThat(tip.channel()).isEqualTo(Channel.HOTEL);
        // Swedish summer time is UTC+2.
        assertThat(tip.observedAt()).isEqualTo(Instant.parse("2026-07-01T11:30:00Z"));
        assertThat(tip.indicators()).containsExactly("STREAM_OF_MEN", "PAID_CASH_OR_PREPAID");
        assertThat(tip.premises()).isEqualTo(new Tip.Premises("Hotell Väst", "Södra vägen 1", "412 54", "Göteborg", null));
        assertThat(tip.suspectedMinor()).isEqualTo(SuspectedMinor.UNSURE);
        assertThat(tip.exploitationType()).isEqualTo(ExploitationType.SEXUAL);
        assertThat(tip.details().description()).isEqualTo("Two men\nat the door");
        assertThat(tip.details().reporterContact()).isNull();
    }

    @Test
    void offsetsAndZonesAreHonoured() {
        assertThat(validator.validate(hotel("2026-07-01T13:30:00+02:00", List.of("STREAM_OF_MEN"), premises()))
                .observedAt()).isEqualTo(Instant.parse("2026-07-01T11:30:00Z"));
        assertThat(validator.validate(hotel("2026-07-01T13:30:00+02:00[Europe/Stockholm]", List.of("STREAM_OF_MEN"),
                premises())).observedAt()).isEqualTo(Instant.parse("2026-07-01T11:30:00Z"));
        assertThat(validator.validate(hotel("2026-07-01T12:04:59Z", List.of("STREAM_OF_MEN"), premises()))
                .observedAt()).as("within the clock skew").isEqualTo(Instant.parse("2026-07-01T12:04:59Z"));
    }

    @Test
    void aWinterTimeIsUtcPlusOne() {
        TipValidator winter = new TipValidator(Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC));
        assertThat(winter.validate(hotel("2026-01-15T12:30", List.of("STREAM_OF_MEN"), premises())).observedAt())
                .isEqualTo(Instant.parse("2026-01-15T11:30:00Z"));
    }

    @Test
    void aTaxiTipNeedsOnlyTheAddressesOfItsTrip() {
        Tip tip = validator.validate(new TaxiTipRequest("2026-07-01T11:00:00Z", List.of("COMPANION_CONTROLS"), "NO",
                true, "LABOUR", null, " 070-123 45 67 ",
                new TripRequest(new StopRequest("Korsvägen", null), new StopRequest("Landvetter flygplats", null),
                        null, null)));

        assertThat(tip.trip()).isEqualTo(new Tip.Trip(new Tip.Stop("Korsvägen", null),
                new Tip.Stop("Landvetter flygplats", null), null, null));
        assertThat(tip.details().reporterContact()).isEqualTo("070-123 45 67");
        assertThat(tip.immediateDanger()).isTrue();
    }

    @Test
    void everyProblemOfATaxiTipIsNamed() {
        var request = new TaxiTipRequest(null, List.of("STREAM_OF_MEN", "NOPE"), "maybe", null, "", "d".repeat(4001),
                "c".repeat(201), new TripRequest(null, new StopRequest(" ", "2027-01-01T00:00:00Z"), 0,
                "V".repeat(21)));

        assertThatThrownBy(() -> validator.validate(request))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field)
                        .containsExactlyInAnyOrder("observedAt", "indicators[0]", "indicators[1]", "suspectedMinor",
                                "immediateDanger", "exploitationType", "description", "reporterContact",
                                "trip.pickup", "trip.dropoff.address", "trip.dropoff.time", "trip.passengers",
                                "trip.vehicleRef"));
    }

    @Test
    void problemMessagesNeverEchoTheInput() {
        var request = hotel("2026-07-01T11:00:00Z", List.of("secret-code-x"), new PremisesRequest("secret-name\u0007",
                "x", "secret", "y", null));

        assertThatThrownBy(() -> validator.validate(request))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::message)
                        .allSatisfy(message -> assertThat(message).doesNotContain("secret")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\ud800", "\udc00", "\u2028", "\u2029", "\u202e", "\u2066", "\u0085"})
    void aSingleLineFieldRefusesLoneSurrogatesLineSeparatorsAndDirectionOverrides(String character) {
        var request = hotel("2026-07-01T11:00:00Z", List.of("STREAM_OF_MEN"),
                new PremisesRequest("Hotell" + character + "Royal", "Gatan 1", "411 05", "Göteborg", "12"));

        assertThatThrownBy(() -> validator.validate(request))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("premises.name"));
    }

    @Test
    void aDescriptionKeepsUnicodeLineBreaksAndEmojiButNotLoneSurrogates() {
        var fine = new HotelTipRequest("2026-07-01T11:00:00Z", List.of(), "NO", false, "SEXUAL",
                "Line\u2028two 😀 \u200d", null, premises());
        assertThat(validator.validate(fine).details().description()).isEqualTo("Line\u2028two 😀 \u200d");

        var broken = new HotelTipRequest("2026-07-01T11:00:00Z", List.of(), "NO", false, "SEXUAL", "Half \ud83d",
                null, premises());
        assertThatThrownBy(() -> validator.validate(broken))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("description"));
    }

    private static HotelTipRequest hotel(String observedAt, List<String> indicators, PremisesRequest premises) {
        return new HotelTipRequest(observedAt, indicators, "UNSURE", false, "SEXUAL", "  Two men\nat the door ", "",
                premises);
    }

    private static PremisesRequest premises() {
        return new PremisesRequest("Hotell", "Gatan 1", "411 05", "Göteborg", "12");
    }
}
