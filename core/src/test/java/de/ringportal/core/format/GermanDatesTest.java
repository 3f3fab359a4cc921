package de.ringportal.core.format;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.Test;

public class GermanDatesTest {

    private static final Instant WINTER = Instant.parse("2026-11-24T13:05:09Z");
    private static final Instant SUMMER = Instant.parse("2026-07-03T12:05:00Z");

    @Test
    public void winterIsOneHourAheadOfUtc() {
        assertEquals("24.11.2026, 14:05 Uhr", GermanDates.dateTime(WINTER));
        assertEquals("24.11.2026", GermanDates.date(WINTER));
        assertEquals("24. November 2026", GermanDates.longDate(WINTER));
        assertEquals("24. November 2026, 14:05 Uhr", GermanDates.longDateTime(WINTER));
    }

    @Test
    public void summerIsTwoHoursAheadOfUtc() {
        assertEquals("03.07.2026, 14:05 Uhr", GermanDates.dateTime(SUMMER));
        assertEquals("3. Juli 2026, 14:05 Uhr", GermanDates.longDateTime(SUMMER));
    }

    @Test
    public void daylightSavingTimeStartsAtTwoInTheNightOfTheLastSundayInMarch() {
        assertEquals("29.03.2026, 01:59 Uhr", GermanDates.dateTime(Instant.parse("2026-03-29T00:59:00Z")));
        assertEquals("29.03.2026, 03:00 Uhr", GermanDates.dateTime(Instant.parse("2026-03-29T01:00:00Z")));
        assertEquals("25.10.2026, 02:30 Uhr", GermanDates.dateTime(Instant.parse("2026-10-25T00:30:00Z")));
        assertEquals("25.10.2026, 02:30 Uhr", GermanDates.dateTime(Instant.parse("2026-10-25T01:30:00Z")));
    }

    @Test
    public void midnightInBerlinIsAlreadyTheNextDay() {
        Instant lateUtc = Instant.parse("2026-12-31T23:30:00Z");
        assertEquals("01.01.2027", GermanDates.date(lateUtc));
        assertEquals("01.01.2027, 00:30 Uhr", GermanDates.dateTime(lateUtc));
        assertEquals("1. Januar 2027", GermanDates.longDate(lateUtc));
    }

    @Test
    public void calendarDaysHaveTwoDigitDayAndMonth() {
        assertEquals("05.01.2026", GermanDates.date(LocalDate.of(2026, 1, 5)));
        assertEquals("24.11.2026", GermanDates.date(LocalDate.of(2026, 11, 24)));
    }

    @Test
    public void berlinIsTheEuropeBerlinZone() {
        assertEquals("Europe/Berlin", GermanDates.BERLIN.getId());
    }
}
