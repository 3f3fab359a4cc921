package de.ringportal.benchmark.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import de.ringportal.benchmark.internal.Figure.Better;

/** The statistics of a comparison: ranks with ties, mean, median, quartiles, extremes, and the best value. */
public final class Stats {

    private Stats() {
    }

    /**
     * Competition ranks ("1, 2, 2, 4") of the values, best first in the figure's direction; for neutral figures the
     * highest value ranks first, as a plain order without judgement.
     */
    public static <K> Map<K, Integer> ranks(Map<K, Double> values, Better better) {
        List<Map.Entry<K, Double>> sorted = new ArrayList<>(values.entrySet());
        sorted.sort((a, b) -> better == Better.LOWER ? Double.compare(a.getValue(), b.getValue())
                : Double.compare(b.getValue(), a.getValue()));
        Map<K, Integer> ranks = new LinkedHashMap<>();
        int rank = 0;
        Double previous = null;
        for (int i = 0; i < sorted.size(); i++) {
            double value = sorted.get(i).getValue();
            if (previous == null || Double.compare(previous, value) != 0) {
                rank = i + 1;
                previous = value;
            }
            ranks.put(sorted.get(i).getKey(), rank);
        }
        return ranks;
    }

    public static double mean(double[] values) {
        requireValues(values);
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /** The middle value; for an even count the mean of the two middle values. */
    public static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /**
     * The quantile by linear interpolation between closest ranks (R-7, the default of R and spreadsheets), so the
     * median is the middle value or the mean of the two middle values.
     */
    public static double quantile(double[] values, double p) {
        requireValues(values);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * p;
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }

    public static double min(double[] values) {
        requireValues(values);
        return Arrays.stream(values).min().getAsDouble();
    }

    public static double max(double[] values) {
        requireValues(values);
        return Arrays.stream(values).max().getAsDouble();
    }

    /** The best value in the figure's direction; empty for neutral figures, which have no best. */
    public static OptionalDouble best(double[] values, Better better) {
        requireValues(values);
        return switch (better) {
            case HIGHER -> OptionalDouble.of(max(values));
            case LOWER -> OptionalDouble.of(min(values));
            case NEUTRAL -> OptionalDouble.empty();
        };
    }

    /** How far a value is from the best, always zero or positive (the best itself is 0). */
    public static double distanceToBest(double value, double best) {
        return Math.abs(best - value);
    }

    /** May aggregates of a group of this size be shown publicly? */
    public static boolean publishable(int groupSize, int minimum) {
        return groupSize >= Math.max(minimum, PublicRules.MIN_GROUP);
    }

    private static void requireValues(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
    }

    /** The fixed floor of the public view. */
    public static final class PublicRules {
        /** Aggregates of fewer municipalities could be traced back to single ones. */
        public static final int MIN_GROUP = 5;

        private PublicRules() {
        }
    }
}
