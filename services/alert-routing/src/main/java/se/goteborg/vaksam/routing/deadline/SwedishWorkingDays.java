package se.goteborg.vaksam.routing.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;

/**
 * Which days Swedish public offices work: Monday to Friday except the public holidays of lagen (1989:253) om allmänna
 * helgdagar and the eves that are treated as holidays (midsummer, Christmas and New Year's Eve). Few enough rules to
 * keep here, where a calendar library would bring XML calendars of a hundred countries.
 */
final class SwedishWorkingDays {

    private static final Set<MonthDay> FIXED_CLOSED_DAYS = Set.of(
            MonthDay.of(1, 1),   // nyårsdagen
            MonthDay.of(1, 6),   // trettondedag jul
            MonthDay.of(5, 1),   // första maj
            MonthDay.of(6, 6),   // nationaldagen
            MonthDay.of(12, 24), // julafton
            MonthDay.of(12, 25), // juldagen
            MonthDay.of(12, 26), // annandag jul
            MonthDay.of(12, 31)  // nyårsafton
    );

    private SwedishWorkingDays() {
    }

    static boolean isWorkingDay(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        if (FIXED_CLOSED_DAYS.contains(MonthDay.from(day))) {
            return false;
        }
        LocalDate easter = easterSunday(day.getYear());
        // Långfredagen, annandag påsk, Kristi himmelsfärdsdag; the Sunday holidays fall on a weekend anyway.
        if (day.equals(easter.minusDays(2)) || day.equals(easter.plusDays(1)) || day.equals(easter.plusDays(39))) {
            return false;
        }
        return !day.equals(midsummerEve(day.getYear()));
    }

    /** The first working day after {@code day}. */
    static LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** Midsommarafton: the Friday from 19 to 25 June. */
    static LocalDate midsummerEve(int year) {
        return LocalDate.of(year, 6, 19).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
    }

    /** Gregorian Easter Sunday (the anonymous Gregorian algorithm of Meeus, Jones and Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int dayOfMonth = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, dayOfMonth);
    }
}
