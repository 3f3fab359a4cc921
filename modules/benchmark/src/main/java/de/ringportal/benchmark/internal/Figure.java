package de.ringportal.benchmark.internal;

/**
 * One key figure (Kennzahl) of the catalogue.
 *
 * @param code        stable key ("K2")
 * @param name        German name
 * @param goal        the goal it measures
 * @param numerator   definition of the numerator
 * @param denominator definition of the denominator
 * @param unit        unit shown with values ("%", "EUR")
 * @param better      which direction is better
 * @param period      entered per month or per year
 * @param source      where the definition comes from
 * @param kind        how the value follows from numerator and denominator
 * @param factor      multiplier of a ratio (100 for percentages)
 * @param min         smallest plausible value
 * @param max         largest plausible value
 * @param sortOrder   position in lists
 */
public record Figure(String code, String name, String goal, String numerator, String denominator, String unit,
        Better better, Periodicity period, String source, Kind kind, double factor, double min, double max,
        int sortOrder) {

    /** Which direction of a figure is better. */
    public enum Better {
        HIGHER("höher ist besser"), LOWER("niedriger ist besser"), NEUTRAL("keine Wertung (Rahmenbedingung)");

        private final String label;

        Better(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How often a figure is reported. */
    public enum Periodicity {
        MONTHLY("monatlich"), YEARLY("jährlich");

        private final String label;

        Periodicity(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How the value follows from numerator and denominator. */
    public enum Kind {
        /** Change against the denominator, in percent: (numerator / denominator - 1) * 100. */
        CHANGE,
        /** numerator / denominator * factor. */
        RATIO
    }

    /** The value computed from numerator and denominator; the denominator must not be zero. */
    public double compute(double numeratorValue, double denominatorValue) {
        double ratio = numeratorValue / denominatorValue;
        return kind == Kind.CHANGE ? (ratio - 1) * 100 : ratio * factor;
    }

    public boolean monthly() {
        return period == Periodicity.MONTHLY;
    }

    /** The period key of this figure in a year: the year itself, or its report month (December) for monthly figures. */
    public String periodOf(int year) {
        return monthly() ? year + "-12" : Integer.toString(year);
    }
}
