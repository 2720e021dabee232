package org.zhsz.archive;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * 公示 windows count working days: weekends and configured holidays are skipped, and configured make-up working
 * days (调休, a Saturday or Sunday worked instead) count. Pure; unit-tested.
 */
final class PublicityCalendar {

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkdays;

    PublicityCalendar(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {
        this.holidays = Set.copyOf(holidays);
        this.makeUpWorkdays = Set.copyOf(makeUpWorkdays);
    }

    boolean isWorkingDay(LocalDate d) {
        if (makeUpWorkdays.contains(d)) {
            return true;
        }
        if (holidays.contains(d)) {
            return false;
        }
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The first working day on or after {@code d}. */
    LocalDate firstWorkingDay(LocalDate d) {
        LocalDate x = d;
        while (!isWorkingDay(x)) {
            x = x.plusDays(1);
        }
        return x;
    }

    /** The last day of a window of {@code workingDays} working days starting on the first working day ≥ start. */
    LocalDate end(LocalDate start, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("at least one working day");
        }
        LocalDate d = firstWorkingDay(start);
        int counted = 1;
        while (counted < workingDays) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }
}
