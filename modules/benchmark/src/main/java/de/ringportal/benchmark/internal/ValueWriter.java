package de.ringportal.benchmark.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import de.ringportal.benchmark.internal.KeyFigureStore.Change;
import de.ringportal.benchmark.internal.KeyFigureStore.ImportRow;
import de.ringportal.core.data.Sql;
import de.ringportal.core.data.Tx;

/**
 * Writes values with their history lines. Every write is one transaction: a save or an import is stored completely
 * or not at all. Each changed value becomes a draft again (demo data is released at once) and gets a history line
 * with the value it replaces; unchanged values (same number and comment) are left alone.
 */
final class ValueWriter {

    /** Rows per JDBC batch of an import. */
    static final int BATCH = 1000;

    private static final String INSERT = "INSERT INTO kf_value (ags, figure_code, period, period_year, numerator, "
            + "denominator, val, note, released, released_by, released_at, synthetic, changed_by, changed_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE kf_value SET numerator = ?, denominator = ?, val = ?, note = ?, "
            + "released = ?, released_by = ?, released_at = ?, synthetic = ?, changed_by = ?, changed_at = ? "
            + "WHERE ags = ? AND figure_code = ? AND period = ?";
    private static final String HISTORY = "INSERT INTO kf_history (ags, figure_code, period, old_value, new_value, "
            + "note, changed_by, changed_at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Sql sql;

    ValueWriter(Sql sql) {
        this.sql = sql;
    }

    /** The changes of one municipality, from the form; the number of values written. */
    int save(String ags, List<Change> changes, String user, String source) {
        return sql.write(tx -> write(tx, ags, changes, user, source, false));
    }

    /**
     * Validated import rows, in JDBC batches. The rows' municipalities' existing values are read first, so each row
     * is an insert or an update without a query of its own.
     */
    int importRows(List<ImportRow> rows, String user, boolean synthetic) {
        Map<String, List<Change>> byAgs = new LinkedHashMap<>();
        for (ImportRow row : rows) {
            byAgs.computeIfAbsent(row.ags(), a -> new ArrayList<>()).add(row.change());
        }
        return sql.write(tx -> {
            int written = 0;
            for (Map.Entry<String, List<Change>> entry : byAgs.entrySet()) {
                written += write(tx, entry.getKey(), entry.getValue(), user, synthetic ? "demo" : "import",
                        synthetic);
            }
            return written;
        });
    }

    private record Existing(double value, String note) {
    }

    private static int write(Tx tx, String ags, List<Change> changes, String user, String source, boolean synthetic)
            throws SQLException {
        Map<String, Existing> existing = new HashMap<>();
        for (Map.Entry<String, Existing> row : tx.list("SELECT figure_code, period, val, note FROM kf_value "
                + "WHERE ags = ?", row -> Map.entry(KeyFigureStore.key(row.getString(1), row.getString(2)),
                        new Existing(row.getDouble(3), row.getString(4))), ags)) {
            existing.put(row.getKey(), row.getValue());
        }
        Instant now = Instant.now();
        // demo data is released at once; everything a person enters or imports is a draft until released
        boolean released = synthetic;
        String releasedBy = released ? user : null;
        Instant releasedAt = released ? now : null;
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        int written = 0;
        for (Change change : changes) {
            String key = KeyFigureStore.key(change.figureCode(), change.period());
            Existing old = existing.get(key);
            String note = change.note() == null || change.note().isEmpty() ? null : change.note();
            if (old != null && Double.compare(old.value(), change.value()) == 0 && Objects.equals(old.note(), note)) {
                continue;
            }
            if (old == null) {
                inserts.add(new Object[] {ags, change.figureCode(), change.period(), Periods.yearOf(change.period()),
                    change.numerator(), change.denominator(), change.value(), note, released, releasedBy, releasedAt,
                    synthetic, user, now});
                existing.put(key, new Existing(change.value(), note));
            } else {
                updates.add(new Object[] {change.numerator(), change.denominator(), change.value(), note, released,
                    releasedBy, releasedAt, synthetic, user, now, ags, change.figureCode(), change.period()});
            }
            history.add(new Object[] {ags, change.figureCode(), change.period(), old == null ? null : old.value(),
                change.value(), note, user, now, source});
            written++;
            if (history.size() == BATCH) {
                flush(tx, inserts, updates, history);
            }
        }
        flush(tx, inserts, updates, history);
        return written;
    }

    private static void flush(Tx tx, List<Object[]> inserts, List<Object[]> updates, List<Object[]> history)
            throws SQLException {
        tx.batch(INSERT, inserts);
        tx.batch(UPDATE, updates);
        tx.batch(HISTORY, history);
        inserts.clear();
        updates.clear();
        history.clear();
    }
}
