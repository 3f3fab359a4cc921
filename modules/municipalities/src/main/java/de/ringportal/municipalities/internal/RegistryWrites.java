package de.ringportal.municipalities.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import de.ringportal.core.data.Tx;

/**
 * The registry's changes: an import (or the seed) replacing everything, an edit, a merger and a rename, each one
 * transaction that also writes its line of the change history; {@link Registry#write} runs them one at a time and
 * then reads the new snapshot.
 */
public final class RegistryWrites {

    static final String COLUMNS = "ags, name, type, state, admitted_year, since_date, until_date, successor_ags, "
            + "komtrzv_2012, area_note, former_names, evidence, source";

    private final Registry registry;

    RegistryWrites(Registry registry) {
        this.registry = registry;
    }

    /** Replaces the whole registry in one transaction (an import, or the seed). */
    public void replaceAll(List<Entry> entries, String reason, String actor) {
        registry.write(tx -> {
            tx.update("DELETE FROM muni_municipality");
            Instant now = Instant.now();
            List<Object[]> rows = new ArrayList<>();
            for (Entry entry : entries) {
                rows.add(row(entry, now));
            }
            tx.batch("INSERT INTO muni_municipality (" + COLUMNS + ", updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
            log(tx, "*", "import", reason + ": " + entries.size() + " Einträge", actor);
            return null;
        });
    }

    /** Stores the edited fields of one unit. */
    public void update(Entry entry, String detail, String actor) {
        registry.write(tx -> {
            Object[] values = row(entry, Instant.now());
            Object[] parameters = Arrays.copyOf(values, values.length + 1);
            parameters[values.length] = entry.ags();
            int changed = tx.update("UPDATE muni_municipality SET ags = ?, name = ?, type = ?, state = ?, "
                    + "admitted_year = ?, since_date = ?, until_date = ?, successor_ags = ?, komtrzv_2012 = ?, "
                    + "area_note = ?, former_names = ?, evidence = ?, source = ?, updated_at = ? WHERE ags = ?",
                    parameters);
            if (changed != 1) {
                throw new SQLException("No unit " + entry.ags());
            }
            log(tx, entry.ags(), "edit", detail, actor);
            return null;
        });
    }

    /** A merger: each predecessor ends on {@code lastDay} and becomes part of {@code successor}. */
    public void recordMerger(List<String> predecessors, String successor, LocalDate lastDay, String actor) {
        registry.write(tx -> {
            for (String ags : predecessors) {
                tx.update("UPDATE muni_municipality SET until_date = ?, successor_ags = ?, updated_at = ? "
                        + "WHERE ags = ?", lastDay, successor, Instant.now(), ags);
                log(tx, ags, "merger", "Aufgegangen in " + successor + " mit Ablauf des " + lastDay, actor);
            }
            log(tx, successor, "merger", "Aufgenommen: " + String.join(", ", predecessors) + " (mit Ablauf des "
                    + lastDay + ")", actor);
            return null;
        });
    }

    /** A rename: the old name joins the former names, with the day of the change. */
    public void rename(String ags, String newName, LocalDate day, String actor) {
        Entry entry = registry.entry(ags).orElseThrow();
        String former = entry.name() + " (bis " + day.minusDays(1) + ")";
        String formerNames = entry.formerNames() == null ? former : entry.formerNames() + "; " + former;
        registry.write(tx -> {
            tx.update("UPDATE muni_municipality SET name = ?, former_names = ?, updated_at = ? WHERE ags = ?",
                    newName, cut(formerNames, 1000), Instant.now(), ags);
            log(tx, ags, "rename", "Umbenannt von „" + entry.name() + "“ in „" + newName + "“ ab " + day, actor);
            return null;
        });
    }

    private static Object[] row(Entry e, Instant now) {
        return new Object[] {e.ags(), e.name(), e.type(), e.state(), e.admittedYear(), e.since(), e.until(),
            e.successorAgs(), e.komtrzv2012(), e.areaNote(), e.formerNames(), e.evidence(), e.source(), now};
    }

    private static void log(Tx tx, String ags, String kind, String detail, String actor) throws SQLException {
        tx.update("INSERT INTO muni_change (ags, changed_at, kind, detail, actor) VALUES (?, ?, ?, ?, ?)", ags,
                Instant.now(), kind, cut(detail, 1000), cut(actor, 64));
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
