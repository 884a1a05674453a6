package se.goteborg.vaksam.web.page;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Times and days as staff read them in the templates ({@code ${dates.time(...)}}): Swedish time, ISO order, the
 * same in both languages.
 */
public final class PageDates {

	/** The city's time zone: every time a page shows is in it. */
	public static final ZoneId CITY_TIME = ZoneId.of("Europe/Stockholm");

	public static final PageDates INSTANCE = new PageDates();

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private PageDates() {
	}

	/** {@code 2026-11-27 21:00}; empty for none. */
	public String time(Instant instant) {
		return (instant == null) ? "" : TIME.format(instant.atZone(CITY_TIME));
	}

	/** The instant for a {@code <time datetime>} attribute; empty for none. */
	public String iso(Instant instant) {
		return (instant == null) ? "" : instant.toString();
	}

	/** The day in Swedish time, {@code 2026-11-27}; empty for none. */
	public String day(Instant instant) {
		return (instant == null) ? "" : instant.atZone(CITY_TIME).toLocalDate().toString();
	}

	public String day(LocalDate day) {
		return (day == null) ? "" : day.toString();
	}

}
