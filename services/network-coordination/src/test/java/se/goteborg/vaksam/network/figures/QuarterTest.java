package se.goteborg.vaksam.network.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class QuarterTest {

    @Test
    void aQuarterIsReadFromItsCodeAndComparedWithTheOneBeforeAndTheYearBefore() {
        Quarter quarter = Quarter.parse("2026-Q1").orElseThrow();

        assertThat(quarter.period().from()).isEqualTo(LocalDate.parse("2026-01-01"));
        assertThat(quarter.period().to()).isEqualTo(LocalDate.parse("2026-04-01"));
        assertThat(quarter.previous().code()).isEqualTo("2025-Q4");
        assertThat(quarter.yearBefore().code()).isEqualTo("2025-Q1");
        assertThat(Quarter.of(LocalDate.parse("2026-12-31"))).isEqualTo(new Quarter(2026, 4));
        assertThat(quarter.isAfter(quarter.previous())).isTrue();
        assertThat(quarter.isAfter(quarter)).isFalse();
    }

    @Test
    void anythingElseIsNoQuarter() {
        assertThat(Quarter.parse("2026-Q5")).isEmpty();
        assertThat(Quarter.parse("2026-q1")).isEmpty();
        assertThat(Quarter.parse("26-Q1")).isEmpty();
        assertThat(Quarter.parse(null)).isEmpty();
    }
}
