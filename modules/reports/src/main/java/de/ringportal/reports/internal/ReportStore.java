package de.ringportal.reports.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import de.ringportal.core.data.Columns;
import de.ringportal.core.data.RowMapper;
import de.ringportal.core.data.Sql;

/**
 * Reads the library's records: reports with their rings and current version, versions, the list's filters. The
 * writes are {@link ReportWrites}, the download audit {@link DownloadLog}, both over the same {@link Sql}.
 * Portable SQL only.
 */
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

    private static final String REPORT_COLUMNS = "r.id, r.title, r.report_year, r.description, r.release_at, "
            + "r.created_at, r.created_by, v.version, v.sha256, v.byte_size, v.file_name, v.file_type, v.uploaded_at, "
            + "v.uploaded_by";
    private static final String FROM = " FROM reports_report r JOIN reports_version v ON v.report_id = r.id "
            + "AND v.version = r.current_version";
    /** A report row without its rings (they come from a second query). */
    private static final RowMapper<Report> REPORT = row -> new Report(row.getInt(1), row.getString(2), row.getInt(3),
            row.getString(4), Set.of(), Columns.instant(row, 5), Columns.instant(row, 6), row.getString(7),
            new Version(row.getInt(1), row.getInt(8), row.getString(9), row.getLong(10), row.getString(11),
                    FileKind.valueOf(row.getString(12)), Columns.instant(row, 13), row.getString(14)));
    private static final RowMapper<Version> VERSION = row -> new Version(row.getInt(1), row.getInt(2),
            row.getString(3), row.getLong(4), row.getString(5), FileKind.valueOf(row.getString(6)),
            Columns.instant(row, 7), row.getString(8));

    private final Sql sql;
    private final ReportWrites writes;
    private final DownloadLog downloads;

    ReportStore(DataSource db) {
        this.sql = Sql.over(db);
        this.writes = new ReportWrites(sql);
        this.downloads = new DownloadLog(sql);
    }

    ReportWrites writes() {
        return writes;
    }

    DownloadLog downloads() {
        return downloads;
    }

    Optional<Report> find(int id) {
        return withRings(sql.list("SELECT " + REPORT_COLUMNS + FROM + " WHERE r.id = ?", REPORT, id)).stream()
                .findFirst();
    }

    List<Version> versions(int reportId) {
        return sql.list("SELECT report_id, version, sha256, byte_size, file_name, file_type, uploaded_at, "
                + "uploaded_by FROM reports_version WHERE report_id = ? ORDER BY version DESC", VERSION, reportId);
    }

    /** The reports the audience may see that pass the filter, newest first. */
    List<Report> list(Filter filter, Audience audience, int offset, int limit) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, audience, parameters);
        parameters.add(offset);
        parameters.add(limit);
        return withRings(sql.list("SELECT " + REPORT_COLUMNS + FROM + where
                + " ORDER BY r.report_year DESC, r.id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", REPORT,
                parameters.toArray()));
    }

    int count(Filter filter, Audience audience) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, audience, parameters);
        return (int) sql.count("SELECT COUNT(*)" + FROM + where, parameters.toArray());
    }

    /** Years that have reports, newest first (for the filter). */
    List<Integer> years() {
        return sql.list("SELECT DISTINCT report_year FROM reports_report ORDER BY report_year DESC",
                row -> row.getInt(1));
    }

    /** Does any version (of any report) still refer to these bytes? */
    boolean isReferenced(String sha256) {
        return sql.count("SELECT COUNT(*) FROM reports_version WHERE sha256 = ?", sha256) > 0;
    }

    /** Hashes some version refers to: the files the store must keep. */
    Set<String> referencedHashes() {
        return Set.copyOf(sql.list("SELECT DISTINCT sha256 FROM reports_version", row -> row.getString(1)));
    }

    /** Every report with the text of its current version, for the search. */
    List<Map.Entry<Report, String>> searchable(Integer onlyId) {
        String where = onlyId == null ? "" : " WHERE r.id = ?";
        Object[] parameters = onlyId == null ? new Object[0] : new Object[] {onlyId};
        List<Report> reports = withRings(sql.list("SELECT " + REPORT_COLUMNS + FROM + where, REPORT, parameters));
        Map<Integer, String> texts = new LinkedHashMap<>();
        sql.list("SELECT v.report_id, v.text_content" + FROM + where,
                row -> Map.entry(row.getInt(1), orEmpty(row.getString(2))), parameters)
                .forEach(text -> texts.put(text.getKey(), text.getValue()));
        List<Map.Entry<Report, String>> result = new ArrayList<>();
        for (Report report : reports) {
            result.add(Map.entry(report, texts.getOrDefault(report.id(), "")));
        }
        return result;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
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
            parameters.add(audience.now());
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
        return Sql.placeholders(values.size());
    }

    /** The reports with their rings, read in one more query for all of them. */
    private List<Report> withRings(List<Report> reports) {
        if (reports.isEmpty()) {
            return reports;
        }
        Map<Integer, Set<String>> rings = new LinkedHashMap<>();
        Object[] ids = reports.stream().map(Report::id).toArray();
        sql.list("SELECT report_id, ring_id FROM reports_ring WHERE report_id IN (" + Sql.placeholders(ids.length)
                + ")", row -> Map.entry(row.getInt(1), row.getString(2)), ids)
                .forEach(ring -> rings.computeIfAbsent(ring.getKey(), key -> new TreeSet<>()).add(ring.getValue()));
        return reports.stream().map(report -> new Report(report.id(), report.title(), report.year(),
                report.description(), rings.getOrDefault(report.id(), Set.of()), report.releaseAt(),
                report.createdAt(), report.createdBy(), report.current())).toList();
    }
}
