package de.ringportal.reports.internal;

import java.time.Instant;
import java.util.List;

import de.ringportal.core.data.Columns;
import de.ringportal.core.data.Sql;

/** The download audit of ring-internal reports: who downloaded which version when. Portable SQL only. */
final class DownloadLog {

    record Download(int version, String userName, Instant at) {
    }

    private final Sql sql;

    DownloadLog(Sql sql) {
        this.sql = sql;
    }

    void record(int reportId, int version, String userName, Instant at) {
        sql.update("INSERT INTO reports_download (report_id, version, user_name, downloaded_at) VALUES (?, ?, ?, ?)",
                reportId, version, userName, at);
    }

    /** A page of a report's downloads, newest first. */
    List<Download> list(int reportId, int offset, int limit) {
        return sql.list("SELECT version, user_name, downloaded_at FROM reports_download WHERE report_id = ? "
                + "ORDER BY downloaded_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                row -> new Download(row.getInt(1), row.getString(2), Columns.instant(row, 3)), reportId, offset,
                limit);
    }

    int count(int reportId) {
        return (int) sql.count("SELECT COUNT(*) FROM reports_download WHERE report_id = ?", reportId);
    }
}
