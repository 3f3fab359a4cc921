package de.ringportal.reports.internal;

import de.ringportal.core.format.GermanDates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What an edit changes in a report's metadata, in German, for the audit log. */
final class MetadataChanges {

    /** The audit log keeps 500 characters of detail; long titles are shortened so every change fits. */
    private static final int TITLE_SHOWN = 80;

    private MetadataChanges() {
    }

    /**
     * One line per changed field, e.g. {@code Zielgruppe: Öffentlich → Vergleichsring 3}; empty when nothing
     * changed.
     */
    static List<String> between(Report before, ReportStore.Details after, Function<String, String> ringName) {
        List<String> changes = new ArrayList<>();
        if (!before.title().equals(after.title())) {
            changes.add("Titel: „" + shortened(before.title()) + "“ → „" + shortened(after.title()) + "“");
        }
        if (before.year() != after.year()) {
            changes.add("Berichtsjahr: " + before.year() + " → " + after.year());
        }
        if (!before.description().equals(after.description())) {
            changes.add("Beschreibung geändert");
        }
        if (!new TreeSet<>(before.rings()).equals(new TreeSet<>(after.rings()))) {
            changes.add("Zielgruppe: " + audience(before.rings(), ringName) + " → " + audience(after.rings(), ringName));
        }
        if (!Objects.equals(before.releaseAt(), after.releaseAt())) {
            changes.add("Freigabe: " + date(before.releaseAt()) + " → " + date(after.releaseAt()));
        }
        return changes;
    }

    static String audience(Set<String> rings, Function<String, String> ringName) {
        return rings.isEmpty() ? "Öffentlich"
                : new TreeSet<>(rings).stream().map(ringName).collect(Collectors.joining(", "));
    }

    private static String date(Instant instant) {
        return instant == null ? "sofort" : GermanDates.date(instant);
    }

    private static String shortened(String text) {
        return text.length() <= TITLE_SHOWN ? text : text.substring(0, TITLE_SHOWN - 1) + "…";
    }
}
