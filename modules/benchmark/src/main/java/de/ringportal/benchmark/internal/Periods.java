package de.ringportal.benchmark.internal;

import java.util.regex.Pattern;

/** Period keys: "2024" for a year, "2024-03" for a month. */
public final class Periods {

    public static final int FIRST_YEAR = 2005;
    public static final int LAST_YEAR = 2100;
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    private Periods() {
    }

    /** Is the text a period key fitting the figure's periodicity (and a plausible year)? */
    public static boolean valid(String period, Figure figure) {
        if (period == null) {
            return false;
        }
        boolean shape = figure.monthly() ? MONTH.matcher(period).matches() : YEAR.matcher(period).matches();
        return shape && yearOf(period) >= FIRST_YEAR && yearOf(period) <= LAST_YEAR;
    }

    public static int yearOf(String period) {
        return Integer.parseInt(period.substring(0, 4));
    }

    /** The period before: the previous year, or the previous month. */
    public static String previous(String period) {
        if (period.length() == 4) {
            return Integer.toString(yearOf(period) - 1);
        }
        int year = yearOf(period);
        int month = Integer.parseInt(period.substring(5));
        return month == 1 ? (year - 1) + "-12" : String.format("%d-%02d", year, month - 1);
    }

    /** "2024" or "Dezember 2024". */
    public static String label(String period) {
        if (period.length() == 4) {
            return period;
        }
        return monthName(Integer.parseInt(period.substring(5))) + " " + period.substring(0, 4);
    }

    /** "Januar" for 1. */
    public static String monthName(int month) {
        return MONTHS[month - 1];
    }

    private static final String[] MONTHS = {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
        "September", "Oktober", "November", "Dezember"};

    /** A year from a request parameter, or the fallback when missing or implausible. */
    public static int year(String text, int fallback) {
        if (text != null && YEAR.matcher(text.strip()).matches()) {
            int year = Integer.parseInt(text.strip());
            if (year >= FIRST_YEAR && year <= LAST_YEAR) {
                return year;
            }
        }
        return fallback;
    }
}
