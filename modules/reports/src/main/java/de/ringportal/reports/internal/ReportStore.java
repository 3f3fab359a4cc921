package de.ringportal.reports.internal;

import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import de.ringportal.core.api.Transactions;

/** The records of the library: reports, their rings, versions and the download audit. Portable SQL only. */
final class ReportStore {

    /** What the list shows: filters as chosen, and who looks. */
    record Filter(Integer year, String ring, FileKind kind) {
    }

    /**
     * What a viewer may see besides public, released reports.
     *
     * @param everything the Redaktion: every report, embargoed or not
     * @param visible    rings whose reports the viewer may see once released
     * @param moderated  rings whose reports the viewer sees even under embargo
     */
    record Audience(boolean everything, Set<String> visible, Set<String> moderated, Instant now) {
    }

    /** A metadata change or new report, before it has an id. */
    record Details(String title, int year, String description, Set<String> rings, Instant releaseAt) {
    }

    record Download(int version, String userName, Instant at) {
    }

    private static final String REPORT_COLUMNS = "r.id, r.title, r.report_year, r.description, r.release_at, "
            + "r.created_at, r.created_by, v.version, v.sha256, v.byte_size, v.file_name, v.file_type, v.uploaded_at, "
            + "v.uploaded_by";
    private static final String FROM = " FROM reports_report r JOIN reports_version v ON v.report_id = r.id "
            + "AND v.version = r.current_version";

    private final DataSource db;

    ReportStore(DataSource db) {
        this.db = db;
    }

    /**
     * Inserts a report with its first version, in one transaction; returns its id. Like every write here, run again
     * when other writes were in the way, and {@link de.ringportal.core.api.StoreBusyException} when they stayed.
     */
    int insert(Details details, Version first, String author, Instant now) throws SQLException {
        return Transactions.inTransaction(db, connection -> {
            int id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO reports_report (title, "
                    + "report_year, description, release_at, current_version, created_at, created_by) "
                    + "VALUES (?, ?, ?, ?, 1, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, details.title());
                insert.setInt(2, details.year());
                insert.setString(3, details.description());
                setInstant(insert, 4, details.releaseAt());
                insert.setTimestamp(5, Timestamp.from(now));
                insert.setString(6, author);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getInt(1);
                }
            }
            insertRings(connection, id, details.rings());
            insertVersion(connection, id, 1, first);
            return id;
        });
    }

    /**
     * Adds a version and makes it the current one; returns its number. The report's row is locked first, so two
     * uploads to one report at once number their versions one after the other instead of both taking the same
     * number (or deadlocking, each holding the row to read and waiting to write it).
     */
    int addVersion(int reportId, Version version) throws SQLException {
        return Transactions.inTransaction(db, connection -> {
            if (update(connection, "UPDATE reports_report SET current_version = current_version WHERE id = ?",
                    reportId) == 0) {
                throw new SQLException("No report " + reportId);
            }
            int next = count(connection, "SELECT MAX(version) FROM reports_version WHERE report_id = ?", reportId)
                    + 1;
            insertVersion(connection, reportId, next, version);
            update(connection, "UPDATE reports_report SET current_version = ? WHERE id = ?", next, reportId);
            return next;
        });
    }

    /** Changes a report's metadata and audience in one transaction; false when the report no longer exists. */
    boolean update(int reportId, Details details) throws SQLException {
        return Transactions.inTransaction(db, connection -> {
            if (update(connection, "UPDATE reports_report SET title = ?, report_year = ?, description = ?, "
                    + "release_at = ? WHERE id = ?", details.title(), details.year(), details.description(),
                    details.releaseAt() == null ? null : Timestamp.from(details.releaseAt()), reportId) == 0) {
                return false;
            }
            update(connection, "DELETE FROM reports_ring WHERE report_id = ?", reportId);
            insertRings(connection, reportId, details.rings());
            return true;
        });
    }

    /**
     * Deletes a report with its rings, versions and download audit in one transaction (children first, so no
     * foreign key needs {@code ON DELETE CASCADE}); returns the hashes its versions referred to, empty when there
     * was no such report.
     */
    Set<String> delete(int reportId) throws SQLException {
        return Transactions.inTransaction(db, connection -> {
            Set<String> hashes = new TreeSet<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT DISTINCT sha256 FROM reports_version WHERE report_id = ?")) {
                select.setInt(1, reportId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        hashes.add(rows.getString(1));
                    }
                }
            }
            for (String table : List.of("reports_download", "reports_version", "reports_ring")) {
                update(connection, "DELETE FROM " + table + " WHERE report_id = ?", reportId);
            }
            // nothing deleted: nothing else was either, as the children belong to the report
            return update(connection, "DELETE FROM reports_report WHERE id = ?", reportId) == 0 ? Set.of() : hashes;
        });
    }

    private static void insertRings(Connection connection, int reportId, Set<String> rings) throws SQLException {
        for (String ring : new TreeSet<>(rings)) {
            update(connection, "INSERT INTO reports_ring (report_id, ring_id) VALUES (?, ?)", reportId, ring);
        }
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, java.util.Arrays.asList(parameters));
            return statement.executeUpdate();
        }
    }

    private static int count(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, java.util.Arrays.asList(parameters));
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Does any version (of any report) still refer to these bytes? */
    boolean isReferenced(String sha256) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT COUNT(*) FROM reports_version WHERE sha256 = ?")) {
            select.setString(1, sha256);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1) > 0;
            }
        }
    }

    /** The text is recognised later (see {@link TextStore}): a PDF version is filed pending. */
    private static void insertVersion(Connection connection, int reportId, int number, Version version)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO reports_version (report_id, "
                + "version, sha256, byte_size, file_name, file_type, uploaded_at, uploaded_by, text_state) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setInt(1, reportId);
            insert.setInt(2, number);
            insert.setString(3, version.sha256());
            insert.setLong(4, version.size());
            insert.setString(5, version.fileName());
            insert.setString(6, version.kind().name());
            insert.setTimestamp(7, Timestamp.from(version.uploadedAt()));
            insert.setString(8, version.uploadedBy());
            insert.setString(9, TextStore.initialState(version.kind()));
            insert.executeUpdate();
        }
    }

    Optional<Report> find(int id) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT " + REPORT_COLUMNS + FROM + " WHERE r.id = ?")) {
            select.setInt(1, id);
            List<Report> found = reports(connection, select);
            return found.stream().findFirst();
        }
    }

    List<Version> versions(int reportId) throws SQLException {
        List<Version> versions = new ArrayList<>();
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT report_id, version, sha256, "
                        + "byte_size, file_name, file_type, uploaded_at, uploaded_by FROM reports_version "
                        + "WHERE report_id = ? ORDER BY version DESC")) {
            select.setInt(1, reportId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    versions.add(new Version(rows.getInt(1), rows.getInt(2), rows.getString(3), rows.getLong(4),
                            rows.getString(5), FileKind.valueOf(rows.getString(6)), rows.getTimestamp(7).toInstant(),
                            rows.getString(8)));
                }
            }
        }
        return versions;
    }

    /** The reports the audience may see that pass the filter, newest first. */
    List<Report> list(Filter filter, Audience audience, int offset, int limit) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, audience, parameters);
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT " + REPORT_COLUMNS + FROM + where
                        + " ORDER BY r.report_year DESC, r.id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            int index = bind(select, parameters);
            select.setInt(index, offset);
            select.setInt(index + 1, limit);
            return reports(connection, select);
        }
    }

    int count(Filter filter, Audience audience) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, audience, parameters);
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT COUNT(*)" + FROM + where)) {
            bind(select, parameters);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Years that have reports, newest first (for the filter). */
    List<Integer> years() throws SQLException {
        List<Integer> years = new ArrayList<>();
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT DISTINCT report_year FROM reports_report ORDER BY report_year DESC");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                years.add(rows.getInt(1));
            }
        }
        return years;
    }

    private static String where(Filter filter, Audience audience, List<Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (filter.year() != null) {
            where.append(" AND r.report_year = ?");
            parameters.add(filter.year());
        }
        if (filter.kind() != null) {
            where.append(" AND v.file_type = ?");
            parameters.add(filter.kind().name());
        }
        if (filter.ring() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM reports_ring f WHERE f.report_id = r.id AND f.ring_id = ?)");
            parameters.add(filter.ring());
        }
        if (!audience.everything()) {
            where.append(" AND (NOT EXISTS (SELECT 1 FROM reports_ring a WHERE a.report_id = r.id)");
            if (!audience.visible().isEmpty()) {
                where.append(" OR EXISTS (SELECT 1 FROM reports_ring a WHERE a.report_id = r.id AND a.ring_id IN (")
                        .append(placeholders(audience.visible(), parameters)).append("))");
            }
            where.append(") AND (r.release_at IS NULL OR r.release_at <= ?");
            parameters.add(Timestamp.from(audience.now()));
            if (!audience.moderated().isEmpty()) {
                where.append(" OR EXISTS (SELECT 1 FROM reports_ring m WHERE m.report_id = r.id AND m.ring_id IN (")
                        .append(placeholders(audience.moderated(), parameters)).append("))");
            }
            where.append(')');
        }
        return where.toString();
    }

    private static String placeholders(Collection<String> values, List<Object> parameters) {
        parameters.addAll(new TreeSet<>(values));
        return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
    }

    private static int bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        int index = 1;
        for (Object parameter : parameters) {
            statement.setObject(index++, parameter);
        }
        return index;
    }

    private static List<Report> reports(Connection connection, PreparedStatement select) throws SQLException {
        Map<Integer, Object[]> rows = new LinkedHashMap<>();
        List<Version> versions = new ArrayList<>();
        try (ResultSet result = select.executeQuery()) {
            while (result.next()) {
                rows.put(result.getInt(1), new Object[] {result.getString(2), result.getInt(3), result.getString(4),
                        instant(result.getTimestamp(5)), instant(result.getTimestamp(6)), result.getString(7)});
                versions.add(new Version(result.getInt(1), result.getInt(8), result.getString(9), result.getLong(10),
                        result.getString(11), FileKind.valueOf(result.getString(12)),
                        result.getTimestamp(13).toInstant(), result.getString(14)));
            }
        }
        Map<Integer, Set<String>> rings = rings(connection, rows.keySet());
        List<Report> reports = new ArrayList<>();
        int i = 0;
        for (Map.Entry<Integer, Object[]> row : rows.entrySet()) {
            Object[] v = row.getValue();
            reports.add(new Report(row.getKey(), (String) v[0], (Integer) v[1], (String) v[2],
                    rings.getOrDefault(row.getKey(), Set.of()), (Instant) v[3], (Instant) v[4], (String) v[5],
                    versions.get(i++)));
        }
        return reports;
    }

    private static Map<Integer, Set<String>> rings(Connection connection, Collection<Integer> ids)
            throws SQLException {
        Map<Integer, Set<String>> rings = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return rings;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT report_id, ring_id FROM reports_ring "
                + "WHERE report_id IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")")) {
            int index = 1;
            for (Integer id : ids) {
                select.setInt(index++, id);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    rings.computeIfAbsent(rows.getInt(1), key -> new TreeSet<>()).add(rows.getString(2));
                }
            }
        }
        return rings;
    }

    /** Every report with the text of its current version, for the search. */
    List<Map.Entry<Report, String>> searchable(Integer onlyId) throws SQLException {
        List<Map.Entry<Report, String>> result = new ArrayList<>();
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT " + REPORT_COLUMNS + FROM
                        + (onlyId == null ? "" : " WHERE r.id = ?"))) {
            if (onlyId != null) {
                select.setInt(1, onlyId);
            }
            List<Report> reports = reports(connection, select);
            Map<Integer, String> texts = new LinkedHashMap<>();
            try (PreparedStatement text = connection.prepareStatement("SELECT v.report_id, v.text_content" + FROM
                    + (onlyId == null ? "" : " WHERE r.id = ?"))) {
                if (onlyId != null) {
                    text.setInt(1, onlyId);
                }
                try (ResultSet rows = text.executeQuery()) {
                    while (rows.next()) {
                        Clob clob = rows.getClob(2);
                        texts.put(rows.getInt(1), clob == null ? "" : clob.getSubString(1, (int) clob.length()));
                    }
                }
            }
            for (Report report : reports) {
                result.add(Map.entry(report, texts.getOrDefault(report.id(), "")));
            }
        }
        return result;
    }

    void recordDownload(int reportId, int version, String userName, Instant at) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO reports_download (report_id, "
                        + "version, user_name, downloaded_at) VALUES (?, ?, ?, ?)")) {
            insert.setInt(1, reportId);
            insert.setInt(2, version);
            insert.setString(3, userName);
            insert.setTimestamp(4, Timestamp.from(at));
            insert.executeUpdate();
        }
    }

    List<Download> downloads(int reportId, int offset, int limit) throws SQLException {
        List<Download> downloads = new ArrayList<>();
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT version, user_name, downloaded_at "
                        + "FROM reports_download WHERE report_id = ? ORDER BY downloaded_at DESC, id DESC "
                        + "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            select.setInt(1, reportId);
            select.setInt(2, offset);
            select.setInt(3, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    downloads.add(new Download(rows.getInt(1), rows.getString(2), rows.getTimestamp(3).toInstant()));
                }
            }
        }
        return downloads;
    }

    int countDownloads(int reportId) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT COUNT(*) FROM reports_download WHERE report_id = ?")) {
            select.setInt(1, reportId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Hashes some version refers to: the files the store must keep. */
    Set<String> referencedHashes() throws SQLException {
        Set<String> hashes = new HashSet<>();
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT DISTINCT sha256 FROM reports_version");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                hashes.add(rows.getString(1));
            }
        }
        return hashes;
    }

    private static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setTimestamp(index, Timestamp.from(instant));
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
