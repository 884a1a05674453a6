package se.goteborg.vaksam.routing.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import se.goteborg.vaksam.events.common.Priority;
import se.goteborg.vaksam.events.common.Recipient;

class AcknowledgementPeriodTest {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    @Test
    void countsEveryHourForDurations() {
        Instant routed = Instant.parse("2026-12-25T23:50:00Z");

        assertThat(AcknowledgementPeriod.parse("15m").dueAfter(routed, STOCKHOLM))
                .isEqualTo(Instant.parse("2026-12-26T00:05:00Z"));
        assertThat(AcknowledgementPeriod.parse("4h").dueAfter(routed, STOCKHOLM))
                .isEqualTo(Instant.parse("2026-12-26T03:50:00Z"));
        assertThat(AcknowledgementPeriod.parse("PT2H").duration()).isEqualTo(Duration.ofHours(2));
    }

    @ParameterizedTest(name = "{0}: routed {1}, due {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                                         | routed (Swedish time) | due (Swedish time)
            a Tuesday morning                              | 2026-12-01T09:30      | 2026-12-04T09:30
            Friday afternoon: due Wednesday afternoon      | 2026-12-18T15:00      | 2026-12-23T15:00
            Saturday: the count starts on Monday           | 2026-12-05T10:00      | 2026-12-10T00:00
            Christmas and Boxing Day on weekdays           | 2026-12-23T10:00      | 2026-12-30T10:00
            New Year's Eve and Day, Epiphany               | 2026-12-30T16:00      | 2027-01-07T16:00
            Easter 2027: Good Friday and Easter Monday     | 2027-03-25T08:00      | 2027-04-01T08:00
            Ascension Day 2026 (Thursday 14 May)           | 2026-05-13T12:00      | 2026-05-19T12:00
            Midsummer Eve 2026 (Friday 19 June)            | 2026-06-18T12:00      | 2026-06-24T12:00
            across the change to summer time (29 March)    | 2026-03-26T12:00      | 2026-03-31T12:00
            late at night on a working day                 | 2026-12-01T23:59      | 2026-12-04T23:59
            """)
    void countsSwedishWorkingDaysEndingAtTheTimeOfDayTheAlertCame(String name, LocalDateTime routed,
                                                                  LocalDateTime due) {
        AcknowledgementPeriod threeDays = AcknowledgementPeriod.parse("3 working days");

        assertThat(threeDays.dueAfter(routed.atZone(STOCKHOLM).toInstant(), STOCKHOLM))
                .isEqualTo(due.atZone(STOCKHOLM).toInstant());
    }

    @Test
    void knowsTheSwedishHolidays() {
        assertThat(SwedishWorkingDays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(SwedishWorkingDays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(SwedishWorkingDays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(SwedishWorkingDays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(SwedishWorkingDays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
        assertThat(SwedishWorkingDays.midsummerEve(2026)).isEqualTo(LocalDate.of(2026, 6, 19));
        assertThat(SwedishWorkingDays.midsummerEve(2027)).isEqualTo(LocalDate.of(2027, 6, 25));
        assertThat(SwedishWorkingDays.isWorkingDay(LocalDate.of(2026, 6, 8))).isTrue();
        assertThat(SwedishWorkingDays.isWorkingDay(LocalDate.of(2027, 6, 7))).isTrue();
        for (String closed : new String[] {"2026-01-01", "2026-01-06", "2026-04-03", "2026-04-06", "2026-05-01",
                "2026-05-14", "2026-06-19", "2026-12-24", "2026-12-25", "2026-12-31"}) {
            assertThat(SwedishWorkingDays.isWorkingDay(LocalDate.parse(closed))).as(closed).isFalse();
        }
        assertThat(SwedishWorkingDays.nextWorkingDay(LocalDate.of(2026, 12, 23))).isEqualTo(LocalDate.of(2026, 12, 28));
    }

    @Test
    void refusesWhatIsNeitherADurationNorWorkingDays() {
        assertThatThrownBy(() -> AcknowledgementPeriod.parse("three days")).hasMessageContaining("working days");
        assertThatThrownBy(() -> AcknowledgementPeriod.parse("0 working days")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> AcknowledgementPeriod.parse("0s")).hasMessageContaining("longer than zero");
        assertThat(AcknowledgementPeriod.parse("1 working day").workingDays()).isEqualTo(1);
    }

    @Test
    void settingsNeedAPeriodForEveryPriorityAndADutyContactForEveryRecipient() {
        assertThatThrownBy(() -> new EscalationProperties(Map.of(Priority.IMMEDIATE, "15m", Priority.HIGH, "soon"),
                Map.of(Recipient.POLICE, "RLC"), STOCKHOLM, Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("acknowledge-within.HIGH: 'soon' is neither")
                .hasMessageContaining("acknowledge-within.NORMAL is required")
                .hasMessageContaining("duty-contacts.MIKAMOTTAGNINGEN is required")
                .hasMessageContaining("duty-contacts.LETTINGS_GROUP is required")
                .hasMessageNotContaining("duty-contacts.POLICE");
    }
}
