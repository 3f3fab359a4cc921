package de.ringportal.benchmark.internal;

import de.ringportal.core.format.GermanNumbers;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checks a value passes before it is saved, the same for the form and the import: numbers in German format,
 * counts not negative, denominator not zero, the value inside the figure's range, and a comment for a jump of more
 * than the configured percentage against the previous period.
 */
public final class Plausibility {

    public static final int NOTE_MAX = 1000;

    private Plausibility() {
    }

    /** What the person typed for one figure. */
    public record Input(String numerator, String denominator, String value, String note) {

        boolean empty() {
            return blank(numerator) && blank(denominator) && blank(value);
        }
    }

    /**
     * The outcome: {@code value} when the input is valid (null when the input was empty, which saves nothing), the
     * numerator and denominator when given, or the German messages per field ("zaehler", "nenner", "wert",
     * "kommentar").
     */
    public record Result(Double value, Double numerator, Double denominator, String note, Map<String, String> errors) {

        public boolean ok() {
            return errors.isEmpty();
        }

        public boolean empty() {
            return ok() && value == null;
        }
    }

    /**
     * Checks one input. {@code previous} is the value of the previous period (null when there is none);
     * {@code jumpPercent} the change above which a comment is required.
     */
    public static Result check(Figure figure, Input input, Double previous, double jumpPercent) {
        Map<String, String> errors = new LinkedHashMap<>();
        String note = input.note() == null ? "" : input.note().strip();
        if (note.length() > NOTE_MAX) {
            errors.put("kommentar", "Der Kommentar hat höchstens " + NOTE_MAX + " Zeichen.");
        }
        if (input.empty()) {
            return new Result(null, null, null, note, errors);
        }
        Double numerator = null;
        Double denominator = null;
        Double value = null;
        boolean hasNumerator = !blank(input.numerator());
        boolean hasDenominator = !blank(input.denominator());
        if (hasNumerator != hasDenominator) {
            errors.put(hasNumerator ? "nenner" : "zaehler",
                    "Bitte geben Sie Zähler und Nenner an, oder nur den Wert der Kennzahl.");
        } else if (hasNumerator) {
            numerator = count(input.numerator(), "zaehler", "Der Zähler", errors);
            denominator = count(input.denominator(), "nenner", "Der Nenner", errors);
            if (denominator != null && denominator == 0) {
                errors.put("nenner", "Der Nenner darf nicht 0 sein.");
            }
            if (numerator != null && denominator != null && denominator != 0) {
                value = figure.compute(numerator, denominator);
                if (!blank(input.value())) {
                    GermanNumbers.Parsed typed = GermanNumbers.parse(input.value());
                    if (!typed.ok()) {
                        errors.put("wert", typed.error());
                    } else if (Math.abs(typed.value() - value) > 0.005 + Math.abs(value) * 1e-6) {
                        errors.put("wert", "Der Wert passt nicht zu Zähler und Nenner (berechnet: "
                                + GermanNumbers.format(value) + "). Lassen Sie das Feld leer, dann wird er berechnet.");
                    }
                }
            }
        } else {
            GermanNumbers.Parsed typed = GermanNumbers.parse(input.value());
            if (typed.ok()) {
                value = typed.value();
            } else {
                errors.put("wert", typed.error());
            }
        }
        if (value != null && !errors.containsKey("wert")) {
            if (value < figure.min() || value > figure.max()) {
                errors.put("wert", "Der Wert " + GermanNumbers.format(value) + " liegt außerhalb des plausiblen Bereichs "
                        + GermanNumbers.format(figure.min()) + " bis " + GermanNumbers.format(figure.max()) + " "
                        + figure.unit() + ".");
            } else if (previous != null && previous != 0 && note.isEmpty()) {
                double jump = Math.abs(value - previous) / Math.abs(previous) * 100;
                if (jump > jumpPercent) {
                    errors.put("kommentar", "Der Wert weicht um " + GermanNumbers.format(jump, 1)
                            + " % vom vorigen Zeitraum (" + GermanNumbers.format(previous)
                            + ") ab, mehr als " + GermanNumbers.format(jumpPercent, 1)
                            + " %: Bitte begründen Sie die Abweichung im Kommentar.");
                }
            }
        }
        return errors.isEmpty() ? new Result(value, numerator, denominator, note, errors)
                : new Result(null, null, null, note, errors);
    }

    /** Numerators and denominators are counts or sums: numbers, not negative. */
    private static Double count(String text, String field, String what, Map<String, String> errors) {
        GermanNumbers.Parsed parsed = GermanNumbers.parse(text);
        if (!parsed.ok()) {
            errors.put(field, parsed.error());
            return null;
        }
        if (parsed.value() < 0) {
            errors.put(field, what + " ist eine Anzahl oder Summe und darf nicht negativ sein.");
            return null;
        }
        return parsed.value();
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
