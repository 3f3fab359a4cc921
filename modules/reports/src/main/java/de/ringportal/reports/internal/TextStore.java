package de.ringportal.reports.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import de.ringportal.core.data.Sql;

/**
 * The state of the text of each version ({@code text_state}): a PDF version is filed pending, in the same insert as
 * the version itself, and is done once its text is stored (with or without text). Portable SQL only.
 */
final class TextStore {

    static final String PENDING = "P";
    static final String DONE = "D";

    /** A version whose text is still to be recognised, with the bytes to read it from. */
    record Pending(int reportId, int version, String sha256) {
    }

    private static final String CURRENT = " FROM reports_version v JOIN reports_report r ON r.id = v.report_id "
            + "AND r.current_version = v.version WHERE v.text_state = '" + PENDING + "'";

    private final Sql sql;

    TextStore(DataSource db) {
        this.sql = Sql.over(db);
    }

    /** The state a new version is filed with: only PDFs have text to recognise. */
    static String initialState(FileKind kind) {
        return kind == FileKind.PDF ? PENDING : DONE;
    }

    /** Current versions still waiting for their text, oldest first (superseded ones are never searched). */
    List<Pending> pending() {
        return sql.list("SELECT v.report_id, v.version, v.sha256" + CURRENT + " ORDER BY v.uploaded_at, v.report_id",
                row -> new Pending(row.getInt(1), row.getInt(2), row.getString(3)));
    }

    /** Of these reports, those whose current file's text is not recognised yet. */
    Set<Integer> recognizing(Collection<Integer> reportIds) {
        if (reportIds.isEmpty()) {
            return new TreeSet<>();
        }
        return new TreeSet<>(sql.list("SELECT v.report_id" + CURRENT + " AND v.report_id IN ("
                + Sql.placeholders(reportIds.size()) + ")", row -> row.getInt(1), reportIds.toArray()));
    }

    /** The text already recognised from the same bytes (another upload of the same file), if any. */
    Optional<String> knownText(String sha256) {
        return sql.first("SELECT text_content FROM reports_version WHERE sha256 = ? AND text_state = '" + DONE
                + "' AND text_content IS NOT NULL FETCH FIRST 1 ROWS ONLY", row -> row.getString(1), sha256);
    }

    /** Stores the text and marks the version done; false when it is gone or was done already. */
    boolean done(Pending version, String text) {
        return sql.update("UPDATE reports_version SET text_content = ?, text_state = '" + DONE + "' WHERE report_id = ? "
                + "AND version = ? AND text_state = '" + PENDING + "'", text == null || text.isEmpty() ? null : text,
                version.reportId(), version.version()) == 1;
    }
}
