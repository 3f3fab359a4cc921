package de.ringportal.benchmark.internal;

import java.util.ArrayList;
import java.util.List;

import de.ringportal.rings.api.Ring;

/**
 * The ring report of a year, assembled from released values: per figure the ring table, its chart, the best value
 * and the members' comments. The HTML page and the PDF render the same object.
 */
public record RingReport(Ring ring, int year, List<Section> sections, boolean synthetic) {

    /** One figure of the report. */
    public record Section(Figure figure, String period, RingComparison comparison, List<TableRows.Row> rows,
            List<TableRows.Fact> stats, String chart, List<String> notes) {
        public boolean hasValues() {
            return comparison.reported() > 0;
        }

        public boolean hasNotes() {
            return !notes.isEmpty();
        }
    }

    public static RingReport build(Ring ring, int year, KeyFigureStore store, Directory directory, String ownAgs) {
        List<String> members = directory.members(ring.id(), year);
        List<Section> sections = new ArrayList<>();
        boolean synthetic = false;
        for (Figure figure : store.figures()) {
            String period = figure.periodOf(year);
            var released = store.released(figure.code(), period, members);
            RingComparison comparison = RingComparison.of(figure, period, members, released, directory::name, ownAgs);
            synthetic |= comparison.synthetic();
            List<Charts.Bar> bars = new ArrayList<>();
            for (RingComparison.Row row : comparison.rows()) {
                if (row.value() != null) {
                    bars.add(new Charts.Bar(row.name(), row.value(), row.own(), row.best()));
                }
            }
            String chart = bars.isEmpty() ? null : Charts.bars("bericht-" + figure.code(), figure.code() + " "
                    + figure.name() + ", " + Periods.label(period), "Balkendiagramm der freigegebenen Werte je "
                    + "Kommune; dieselben Zahlen stehen in der Tabelle.", bars, figure.unit(), comparison.median());
            List<String> notes = new ArrayList<>();
            for (String ags : members) {
                StoredValue value = released.get(ags);
                if (value != null && value.note() != null && !value.note().isBlank() && !value.synthetic()) {
                    notes.add(directory.name(ags) + ": " + value.note());
                }
            }
            sections.add(new Section(figure, Periods.label(period), comparison, TableRows.of(comparison, figure),
                    TableRows.stats(comparison, figure), chart, notes));
        }
        return new RingReport(ring, year, sections, synthetic);
    }
}
