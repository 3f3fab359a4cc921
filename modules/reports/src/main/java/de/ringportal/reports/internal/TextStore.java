package de.ringportal.reports.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

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

    private final DataSource db;

    TextStore(DataSource db) {
        this.db = db;
    }

    /** The state a new version is filed with: only PDFs have text to recognise. */
    static String initialState(FileKind kind) {
        return kind == FileKind.PDF ? PENDING : DONE;
    }

    /** Current versions still waiting for their text, oldest first (superseded ones are never searched). */
    List<Pending> pending() throws SQLException {
        List<Pending> pending = new ArrayList<>();
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT v.report_id, v.version, v.sha256"
                        + CURRENT + " ORDER BY v.uploaded_at, v.report_id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                pending.add(new Pending(rows.getInt(1), rows.getInt(2), rows.getString(3)));
            }
        }
        return pending;
    }

    /** Of these reports, those whose current file's text is not recognised yet. */
    Set<Integer> recognizing(Collection<Integer> reportIds) throws SQLException {
        Set<Integer> recognizing = new TreeSet<>();
        if (reportIds.isEmpty()) {
            return recognizing;
        }
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT v.report_id" + CURRENT
                        + " AND v.report_id IN (" + String.join(", ", Collections.nCopies(reportIds.size(), "?"))
                        + ")")) {
            int index = 1;
            for (Integer id : reportIds) {
                select.setInt(index++, id);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    recognizing.add(rows.getInt(1));
                }
            }
        }
        return recognizing;
    }

    /** The text already recognised from the same bytes (another upload of the same file), if any. */
    Optional<String> knownText(String sha256) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT text_content FROM reports_version "
                        + "WHERE sha256 = ? AND text_state = '" + DONE + "' AND text_content IS NOT NULL "
                        + "FETCH FIRST 1 ROWS ONLY")) {
            select.setString(1, sha256);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.ofNullable(rows.getString(1));
            }
        }
    }

    /** Stores the text and marks the version done; false when it is gone or was done already. */
    boolean done(Pending version, String text) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE reports_version SET text_content = ?, "
                        + "text_state = '" + DONE + "' WHERE report_id = ? AND version = ? AND text_state = '"
                        + PENDING + "'")) {
            if (text == null || text.isEmpty()) {
                update.setNull(1, Types.CLOB);
            } else {
                update.setString(1, text);
            }
            update.setInt(2, version.reportId());
            update.setInt(3, version.version());
            return update.executeUpdate() == 1;
        }
    }
}
