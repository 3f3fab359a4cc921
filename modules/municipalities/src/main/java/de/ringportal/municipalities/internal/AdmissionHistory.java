package de.ringportal.municipalities.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How many Optionskommunen (zugelassene kommunale Träger) there were on a day, computed from the registry alone, so
 * the story "69 → 67 → 108" stays true when the data changes.
 * <p>
 * A unit admitted by that day counts through whoever held its area then: itself while it existed, afterwards the
 * Kreis it merged into (following {@code successor_ags}, also to a Kreis the registry does not list, such as
 * Mittelsachsen for the former Landkreis Döbeln). Several admitted units merged into one count once. A successor
 * Kreis that was admitted before it came into being, but whose admitted predecessor the registry does not name
 * (Landkreis Meißen: Meißen or Riesa-Großenhain), stands for one admission that is not recorded by name: it is
 * counted, and said so, until the successor exists.
 */
public final class AdmissionHistory {

    /** The count on one day. */
    public record Count(int total, int unrecorded) {
        public int recorded() {
            return total - unrecorded;
        }
    }

    /**
     * One day on which something changed.
     *
     * @param admitted   units whose admission took effect that day
     * @param ended      units that ceased to exist the day before (merged)
     * @param formed     units that came into being that day
     * @param change     the count that day minus the count the day before
     */
    public record Step(LocalDate day, List<Entry> admitted, List<Entry> ended, List<Entry> formed, Count count,
            int change) {
    }

    private final List<Entry> entries;
    private final Map<String, Entry> byAgs = new HashMap<>();
    private final Set<String> hasRecordedPredecessor = new HashSet<>();

    public AdmissionHistory(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry entry : entries) {
            byAgs.put(entry.ags(), entry);
            if (entry.successorAgs() != null) {
                hasRecordedPredecessor.add(entry.successorAgs());
            }
        }
    }

    /** The count on that day. */
    public Count on(LocalDate day) {
        Set<String> holders = new HashSet<>();
        int unrecorded = 0;
        for (Entry entry : entries) {
            LocalDate admitted = entry.admittedOn();
            if (admitted == null || admitted.isAfter(day)) {
                continue;
            }
            if (entry.since() != null && day.isBefore(entry.since())) {
                // not yet formed: its predecessors count; unless none is recorded, then it stands for one
                if (!hasRecordedPredecessor.contains(entry.ags()) && admitted.isBefore(entry.since())) {
                    unrecorded++;
                }
                continue;
            }
            holders.add(holder(entry, day));
        }
        return new Count(holders.size() + unrecorded, unrecorded);
    }

    /** The unit (or, outside the registry, the key) that held this unit's area on that day. */
    private String holder(Entry entry, LocalDate day) {
        Entry current = entry;
        Set<String> seen = new HashSet<>();
        while (current.until() != null && day.isAfter(current.until()) && current.successorAgs() != null
                && seen.add(current.ags())) {
            Entry next = byAgs.get(current.successorAgs());
            if (next == null) {
                return current.successorAgs();
            }
            current = next;
        }
        return current.ags();
    }

    /** Every day on which an admission took effect or a unit ended or was formed, in order, with the count. */
    public List<Step> steps() {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (Entry entry : entries) {
            if (entry.admittedOn() != null) {
                days.add(entry.admittedOn());
            }
            if (entry.until() != null) {
                days.add(entry.until().plusDays(1));
            }
            if (entry.since() != null) {
                days.add(entry.since());
            }
        }
        List<Step> steps = new ArrayList<>();
        for (LocalDate day : days) {
            List<Entry> admitted = entries.stream()
                    .filter(e -> day.equals(e.admittedOn()) && (e.since() == null || !e.since().isAfter(day))).toList();
            List<Entry> ended = entries.stream().filter(e -> e.until() != null && e.until().plusDays(1).equals(day))
                    .toList();
            List<Entry> formed = entries.stream().filter(e -> day.equals(e.since())).toList();
            Count count = on(day);
            steps.add(new Step(day, admitted, ended, formed, count, count.total() - on(day.minusDays(1)).total()));
        }
        return steps;
    }

    /** How many units the registry marks as listed in the KomtrZV annex of 1.1.2012 (a cross-check). */
    public long listedIn2012() {
        return entries.stream().filter(e -> Boolean.TRUE.equals(e.komtrzv2012())).count();
    }

    /**
     * Successor Kreise that stand for an admitted predecessor the registry does not name: formed after their year of
     * admission, with no unit recorded as merged into them.
     */
    public List<Entry> unrecordedPredecessors() {
        return entries.stream().filter(e -> e.since() != null && e.admittedOn() != null
                && e.admittedOn().isBefore(e.since()) && !hasRecordedPredecessor.contains(e.ags())).toList();
    }

    /** Units whose year of admission is unknown. */
    public long unknownAdmission() {
        return entries.stream().filter(e -> e.admittedYear() == null).count();
    }
}
