package de.ringportal.core.format;

import static org.junit.Assert.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;

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

    @Test
    public void secondsAndLocalTimes() {
        assertEquals("24.11.2026, 14:05:09 Uhr", GermanDates.dateTimeSeconds(WINTER));
        assertEquals("24. November 2026, 09:30 Uhr", GermanDates.longDateTime(LocalDateTime.of(2026, 11, 24, 9, 30)));
        assertEquals("Dienstag, 24. November 2026, 09:30 Uhr",
                GermanDates.weekdayDateTime(LocalDateTime.of(2026, 11, 24, 9, 30)));
        assertEquals("09:05 Uhr", GermanDates.time(LocalTime.of(9, 5)));
    }

    /** Typed days: German with or without leading zeros, or ISO from a date input; strict, never an exception. */
    @Test
    public void parsesGermanAndIsoDaysStrictly() {
        assertEquals(Optional.of(LocalDate.of(2026, 11, 24)), GermanDates.parse("24.11.2026"));
        assertEquals(Optional.of(LocalDate.of(2026, 2, 1)), GermanDates.parse(" 1.2.2026 "));
        assertEquals(Optional.of(LocalDate.of(2026, 11, 24)), GermanDates.parse("2026-11-24"));
        for (String bad : new String[] {null, "", "  ", "31.2.2026", "29.2.2027", "2026-02-30", "24.11.26",
            "24/11/2026", "morgen", "2026-1-5", "+2026-11-24", "24.11.2026x"}) {
            assertEquals(String.valueOf(bad), Optional.empty(), GermanDates.parse(bad));
        }
    }

    /** Today is Berlin's day, and a day starts at Berlin's midnight in winter and in summer. */
    @Test
    public void todayAndStartOfDayAreBerlins() {
        Clock lateUtc = Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneOffset.UTC);
        assertEquals(LocalDate.of(2027, 1, 1), GermanDates.today(lateUtc));
        assertEquals(Instant.parse("2026-11-23T23:00:00Z"), GermanDates.startOf(LocalDate.of(2026, 11, 24)));
        assertEquals(Instant.parse("2026-07-02T22:00:00Z"), GermanDates.startOf(LocalDate.of(2026, 7, 3)));
    }
}
