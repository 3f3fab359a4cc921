package de.ringportal.benchmark.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The ring table of one figure and period: every member with its released value (or none), rank, distance to the
 * best, and the ring's mean, median, minimum and maximum. Built from released values only; the caller decides who may
 * see it.
 */
public record RingComparison(Figure figure, String period, List<Row> rows, int reported, Double mean, Double median,
        Double min, Double max, Double best, List<String> bestNames, boolean synthetic) {

    /** One member of the ring; {@code value} is null when it has not released a value. */
    public record Row(String ags, String name, Double value, Integer rank, Double distance, boolean own,
            boolean best) {
    }

    /**
     * @param members  the ring's members (AGS) in that year
     * @param released their released values, by AGS
     * @param names    display names by AGS
     * @param ownAgs   the viewer's municipality, highlighted; may be null
     */
    public static RingComparison of(Figure figure, String period, List<String> members,
            Map<String, StoredValue> released, Function<String, String> names, String ownAgs) {
        Map<String, Double> values = new LinkedHashMap<>();
        boolean synthetic = false;
        for (String ags : members) {
            StoredValue value = released.get(ags);
            if (value != null) {
                values.put(ags, value.value());
                synthetic |= value.synthetic();
            }
        }
        Map<String, Integer> ranks = Stats.ranks(values, figure.better());
        double[] numbers = values.values().stream().mapToDouble(Double::doubleValue).toArray();
        Double best = null;
        if (numbers.length > 0) {
            OptionalDouble bestValue = Stats.best(numbers, figure.better());
            best = bestValue.isPresent() ? bestValue.getAsDouble() : null;
        }
        List<Row> rows = new ArrayList<>();
        List<String> bestNames = new ArrayList<>();
        for (String ags : members) {
            Double value = values.get(ags);
            boolean isBest = value != null && best != null && Double.compare(value, best) == 0;
            String name = names.apply(ags);
            if (isBest) {
                bestNames.add(name);
            }
            rows.add(new Row(ags, name, value, ranks.get(ags),
                    value == null || best == null ? null : Stats.distanceToBest(value, best),
                    ags.equals(ownAgs), isBest));
        }
        rows.sort((a, b) -> {
            if (a.rank() == null || b.rank() == null) {
                return a.rank() == null ? (b.rank() == null ? a.name().compareTo(b.name()) : 1) : -1;
            }
            int byRank = Integer.compare(a.rank(), b.rank());
            return byRank != 0 ? byRank : a.name().compareTo(b.name());
        });
        if (numbers.length == 0) {
            return new RingComparison(figure, period, rows, 0, null, null, null, null, null, bestNames, false);
        }
        return new RingComparison(figure, period, rows, numbers.length, Stats.mean(numbers), Stats.median(numbers),
                Stats.min(numbers), Stats.max(numbers), best, bestNames, synthetic);
    }
}
