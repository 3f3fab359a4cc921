package de.ringportal.benchmark.internal;

import java.util.List;

import de.ringportal.benchmark.internal.KeyFigureStore.HistoryEntry;
import de.ringportal.core.data.Columns;
import de.ringportal.core.data.RowMapper;
import de.ringportal.core.data.Sql;

/** The history of the values ({@code kf_history}): one line per change, with the value it replaced. */
final class ValueHistory {

    private static final RowMapper<HistoryEntry> ENTRY = row -> new HistoryEntry(row.getString(1), row.getString(2),
            ValueStore.nullableDouble(row, 3), row.getDouble(4), row.getString(5), row.getString(6),
            Columns.instant(row, 7), row.getString(8));

    private final Sql sql;

    ValueHistory(Sql sql) {
        this.sql = sql;
    }

    /** The history of a municipality's values in a year, newest first. */
    List<HistoryEntry> history(String ags, int year, int offset, int limit) {
        return sql.list("SELECT figure_code, period, old_value, new_value, note, changed_by, changed_at, source "
                + "FROM kf_history WHERE ags = ? AND period LIKE ? ORDER BY changed_at DESC, id DESC OFFSET "
                + Math.max(0, offset) + " ROWS FETCH NEXT " + Math.max(1, limit) + " ROWS ONLY", ENTRY, ags,
                year + "%");
    }

    int historyCount(String ags, int year) {
        return (int) sql.count("SELECT COUNT(*) FROM kf_history WHERE ags = ? AND period LIKE ?", ags, year + "%");
    }
}
