package de.ringportal.benchmark.internal;

import de.ringportal.core.format.GermanNumbers;
import java.util.ArrayList;
import java.util.List;

/** A ring comparison prepared for templates: formatted numbers, and the statistics as label/value pairs. */
public final class TableRows {

    private TableRows() {
    }

    /** A row of the ring table, numbers formatted. */
    public record Row(String name, String ags, String value, String rank, String distance, boolean own,
            boolean best) {
        public boolean missing() {
            return value == null;
        }
    }

    /** A statistic of the ring: label and value. */
    public record Fact(String label, String value) {
    }

    public static List<Row> of(RingComparison comparison, Figure figure) {
        List<Row> rows = new ArrayList<>();
        for (RingComparison.Row row : comparison.rows()) {
            rows.add(new Row(row.name(), row.ags(),
                    row.value() == null ? null : GermanNumbers.format(row.value()),
                    row.rank() == null ? "–" : row.rank() + ".",
                    row.distance() == null ? "–" : GermanNumbers.format(row.distance()),
                    row.own(), row.best()));
        }
        return rows;
    }

    public static List<Fact> stats(RingComparison comparison, Figure figure) {
        if (comparison.reported() == 0) {
            return List.of();
        }
        String unit = " " + figure.unit();
        List<Fact> facts = new ArrayList<>(List.of(
                new Fact("Werte freigegeben", comparison.reported() + " von " + comparison.rows().size()),
                new Fact("Mittelwert", GermanNumbers.format(comparison.mean()) + unit),
                new Fact("Median", GermanNumbers.format(comparison.median()) + unit),
                new Fact("Minimum", GermanNumbers.format(comparison.min()) + unit),
                new Fact("Maximum", GermanNumbers.format(comparison.max()) + unit)));
        if (comparison.best() != null) {
            facts.add(new Fact("Bester Wert (Lernen von den Besten)", GermanNumbers.format(comparison.best()) + unit
                    + ": " + String.join(", ", comparison.bestNames())));
        } else {
            facts.add(new Fact("Bester Wert", "keiner: die Kennzahl beschreibt eine Rahmenbedingung ohne Wertung"));
        }
        return facts;
    }
}
