package de.ringportal.reports.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import de.ringportal.core.data.Sql;
import de.ringportal.core.data.Tx;

/**
 * Writes the library's records, each change in one transaction that {@link Sql#write} runs again when other writers
 * were in the way ({@link de.ringportal.core.api.StoreBusyException} when they stayed). Portable SQL only.
 */
final class ReportWrites {

    /** The report was deleted while a change to it was on its way. */
    static final class Gone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Gone(int reportId) {
            super("No report " + reportId);
        }
    }

    private final Sql sql;

    ReportWrites(Sql sql) {
        this.sql = sql;
    }

    /** Inserts a report with its first version; returns its id. */
    int insert(ReportStore.Details details, Version first, String author, Instant now) {
        return sql.write(tx -> {
            int id = (int) tx.insert("INSERT INTO reports_report (title, report_year, description, release_at, "
                    + "current_version, created_at, created_by) VALUES (?, ?, ?, ?, 1, ?, ?)", "id",
                    details.title(), details.year(), details.description(), details.releaseAt(), now, author);
            insertRings(tx, id, details.rings());
            insertVersion(tx, id, 1, first);
            return id;
        });
    }

    /**
     * Adds a version and makes it the current one; returns its number; {@link Gone} when the report was deleted. The
     * report's row is locked first, so two uploads to one report at once number their versions one after the other
     * instead of both taking the same number (or deadlocking, each holding the row to read and waiting to write it).
     */
    int addVersion(int reportId, Version version) {
        return sql.write(tx -> {
            if (tx.update("UPDATE reports_report SET current_version = current_version WHERE id = ?", reportId) == 0) {
                throw new Gone(reportId);
            }
            int next = (int) tx.count("SELECT MAX(version) FROM reports_version WHERE report_id = ?", reportId) + 1;
            insertVersion(tx, reportId, next, version);
            tx.update("UPDATE reports_report SET current_version = ? WHERE id = ?", next, reportId);
            return next;
        });
    }

    /** Changes a report's metadata and audience; false when the report no longer exists. */
    boolean update(int reportId, ReportStore.Details details) {
        return sql.write(tx -> {
            if (tx.update("UPDATE reports_report SET title = ?, report_year = ?, description = ?, release_at = ? "
                    + "WHERE id = ?", details.title(), details.year(), details.description(), details.releaseAt(),
                    reportId) == 0) {
                return false;
            }
            tx.update("DELETE FROM reports_ring WHERE report_id = ?", reportId);
            insertRings(tx, reportId, details.rings());
            return true;
        });
    }

    /**
     * Deletes a report with its rings, versions and download audit (children first, so no foreign key needs
     * {@code ON DELETE CASCADE}); returns the hashes its versions referred to, empty when there was no such report.
     */
    Set<String> delete(int reportId) {
        return sql.write(tx -> {
            Set<String> hashes = new TreeSet<>(tx.list("SELECT DISTINCT sha256 FROM reports_version "
                    + "WHERE report_id = ?", row -> row.getString(1), reportId));
            for (String table : List.of("reports_download", "reports_version", "reports_ring")) {
                tx.update("DELETE FROM " + table + " WHERE report_id = ?", reportId);
            }
            // nothing deleted: nothing else was either, as the children belong to the report
            return tx.update("DELETE FROM reports_report WHERE id = ?", reportId) == 0 ? Set.of() : hashes;
        });
    }

    private static void insertRings(Tx tx, int reportId, Set<String> rings) throws SQLException {
        for (String ring : new TreeSet<>(rings)) {
            tx.update("INSERT INTO reports_ring (report_id, ring_id) VALUES (?, ?)", reportId, ring);
        }
    }

    /** The text is recognised later (see {@link TextStore}): a PDF version is filed pending. */
    private static void insertVersion(Tx tx, int reportId, int number, Version version) throws SQLException {
        tx.update("INSERT INTO reports_version (report_id, version, sha256, byte_size, file_name, file_type, "
                + "uploaded_at, uploaded_by, text_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", reportId, number,
                version.sha256(), version.size(), version.fileName(), version.kind(), version.uploadedAt(),
                version.uploadedBy(), TextStore.initialState(version.kind()));
    }
}
