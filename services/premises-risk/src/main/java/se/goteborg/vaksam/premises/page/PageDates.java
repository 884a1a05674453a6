package se.goteborg.vaksam.premises.page;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import se.goteborg.vaksam.premises.notice.NoticeService;

/** Times and days as the lettings group reads them in the templates: Swedish time, ISO order. */
public final class PageDates {

    static final PageDates INSTANCE = new PageDates();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private PageDates() {
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(NoticeService.CITY_TIME));
    }

    public String day(Instant instant) {
        return instant == null ? "" : instant.atZone(NoticeService.CITY_TIME).toLocalDate().toString();
    }

    public String day(LocalDate day) {
        return day == null ? "" : day.toString();
    }
}
