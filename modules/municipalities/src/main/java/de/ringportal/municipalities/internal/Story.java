package de.ringportal.municipalities.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The computed story of the count, "69 → 67 → 108", with its table by date, as the list and the map show it.
 *
 * @param headline         the counts at each wave of admissions and today, joined by arrows
 * @param steps            one row per day the count changed
 * @param unrecordedNote   the note on admissions stood in for by a successor Kreis; null when there are none
 * @param listed2012       the units in the KomtrZV annex of 1.1.2012
 * @param unknownAdmission how many units have no known year of admission; null when none
 */
record Story(String headline, List<StepRow> steps, String unrecordedNote, long listed2012, Long unknownAdmission) {

    static Story of(AdmissionHistory history, LocalDate today) {
        List<AdmissionHistory.Step> steps = history.steps();
        List<Integer> milestones = new ArrayList<>();
        boolean first = true;
        for (AdmissionHistory.Step step : steps) {
            if (step.admitted().isEmpty()) {
                continue;
            }
            if (!first) {
                milestones.add(history.on(step.day().minusDays(1)).total());
            }
            milestones.add(step.count().total());
            first = false;
        }
        milestones.add(history.on(today).total());
        List<String> headline = new ArrayList<>();
        for (Integer value : milestones) {
            if (headline.isEmpty() || !headline.get(headline.size() - 1).equals(value.toString())) {
                headline.add(value.toString());
            }
        }
        List<StepRow> rows = steps.stream().map(StepRow::of).toList();
        List<Entry> standIns = history.unrecordedPredecessors();
        String note = standIns.isEmpty() ? null : "Nicht namentlich erfasst: " + (standIns.size() == 1
                ? "eine Zulassung, für die ein Nachfolgekreis steht" : standIns.size() + " Zulassungen, für die je "
                        + "ein Nachfolgekreis steht") + ". Er gilt als seit seinem Zulassungsjahr zugelassen, sein "
                + "zugelassener Vorgänger ist im Verzeichnis aber nicht eingetragen: " + standIns.stream()
                        .map(e -> e.name() + (e.areaNote() == null ? "" : " (" + e.areaNote() + ")"))
                        .collect(Collectors.joining("; ")) + ". Bis zur Bildung des Nachfolgers ist diese Zulassung "
                + "in der Anzahl enthalten und so gekennzeichnet.";
        return new Story(String.join(" → ", headline), rows, note, history.listedIn2012(),
                history.unknownAdmission() == 0 ? null : history.unknownAdmission());
    }

    /** One row of the story's table. */
    record StepRow(String day, String admitted, String ended, String formed, String change, String count,
            String unrecorded) {

        static StepRow of(AdmissionHistory.Step step) {
            return new StepRow(Texts.day(step.day()), describe(step.admitted()), describe(step.ended()),
                    describe(step.formed()), (step.change() > 0 ? "+" : step.change() < 0 ? "−" : "±")
                            + Math.abs(step.change()),
                    Integer.toString(step.count().total()),
                    step.count().unrecorded() == 0 ? null : "davon " + step.count().unrecorded() + " nicht namentlich "
                            + "erfasst");
        }

        private static String describe(List<Entry> entries) {
            if (entries.isEmpty()) {
                return "–";
            }
            if (entries.size() > 6) {
                return Integer.toString(entries.size());
            }
            return entries.size() + " (" + entries.stream().map(Entry::name).collect(Collectors.joining(", ")) + ")";
        }
    }

    /** The story computed once per registry version and day, shared by the list and the map. */
    static final class Cache {

        private record Cached(long version, LocalDate day, Story story) {
        }

        private volatile Cached cached;

        Story of(Registry.Snapshot snapshot, LocalDate today) {
            Cached current = cached;
            if (current == null || current.version() != snapshot.version() || !current.day().equals(today)) {
                current = new Cached(snapshot.version(), today, Story.of(new AdmissionHistory(snapshot.all()), today));
                cached = current;
            }
            return current.story();
        }
    }
}
