package de.ringportal.core.format;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Numbers as German users write and read them: "1.234,5". Parsing is strict: thousands separators only in groups of
 * three, no exponents, no NaN or infinity, no stray characters, and a bounded magnitude. Formatting never fails.
 */
public final class GermanNumbers {

    /** Larger magnitudes are typing errors for every figure of the catalogue (and overflow nothing). */
    public static final double LIMIT = 1e12;

    private static final Pattern SHAPE = Pattern.compile("-?(\\d{1,3}(\\.\\d{3})+|\\d+)(,\\d+)?");

    private GermanNumbers() {
    }

    /** A parsed number or the German reason why the text is none. */
    public record Parsed(Double value, String error) {

        public boolean ok() {
            return error == null;
        }

        static Parsed of(double value) {
            return new Parsed(value, null);
        }

        static Parsed fail(String error) {
            return new Parsed(null, error);
        }
    }

    /** Parses "1.234,5", "-3,25", "12"; empty text gives an error too (callers decide whether empty is allowed). */
    public static Parsed parse(String text) {
        String clean = text == null ? "" : text.strip().replace('\u2212', '-');
        if (clean.isEmpty()) {
            return Parsed.fail("Bitte geben Sie eine Zahl ein.");
        }
        if (clean.length() > 30) {
            return Parsed.fail("Die Zahl ist zu lang.");
        }
        if (!SHAPE.matcher(clean).matches()) {
            return Parsed.fail("„" + clean + "“ ist keine Zahl im deutschen Format (zum Beispiel 1.234,5).");
        }
        ParsePosition position = new ParsePosition(0);
        Number number = NumberFormat.getInstance(Locale.GERMANY).parse(clean, position);
        if (number == null || position.getIndex() != clean.length()) {
            return Parsed.fail("„" + clean + "“ ist keine Zahl im deutschen Format (zum Beispiel 1.234,5).");
        }
        double value = number.doubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value) || Math.abs(value) > LIMIT) {
            return Parsed.fail("Die Zahl ist zu groß (höchstens 1.000.000.000.000).");
        }
        return Parsed.of(value == 0 ? 0.0 : value);
    }

    /** "1.234,5" with at most {@code decimals} decimals. */
    public static String format(double value, int decimals) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.GERMANY));
        format.setMaximumFractionDigits(decimals);
        format.setMinimumFractionDigits(0);
        String text = format.format(value);
        return "-0".equals(text) ? "0" : text;
    }

    /** A value as the tables show it: two decimals at most. */
    public static String format(double value) {
        return format(value, 2);
    }

    /** A whole number with thousands separators: "1.234.567". */
    public static String integer(long value) {
        return String.format(Locale.GERMANY, "%,d", value);
    }

    /** A value as the input fields show it again: enough decimals not to lose what was typed. */
    public static String input(Double value) {
        return value == null ? "" : format(value, 6);
    }
}
