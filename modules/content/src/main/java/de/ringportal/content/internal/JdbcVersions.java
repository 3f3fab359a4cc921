package de.ringportal.content.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.content.api.ContentVersion;
import de.ringportal.content.api.DiffLine;
import de.ringportal.content.api.Versions;
import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.api.Transactions;

/** The version store in the table {@code content_version}; numbers count up per item. */
@Component(service = Versions.class)
public class JdbcVersions implements Versions {

    private static final String COLUMNS = "kind, item_id, number, author, created_at, title, summary, body";

    private final DataSource dataSource;

    /** @param schema not used directly: the store starts once core has migrated its table */
    @Activate
    public JdbcVersions(@Reference DataSource dataSource,
            @Reference(target = "(" + ModuleSchema.NAME + "=content)") ModuleSchema schema) {
        this.dataSource = dataSource;
    }

    @Override
    public ContentVersion save(String kind, String itemId, String author, String title, String summary, String body) {
        String safeSummary = summary == null ? "" : summary;
        if (title.length() > MAX_TITLE || safeSummary.length() > MAX_SUMMARY || body.length() > MAX_BODY) {
            throw new IllegalArgumentException("Version of " + kind + "/" + itemId + " is larger than the store keeps");
        }
        // two editors saving the same item at once both compute the same next number; the unique key refuses the
        // second insert, which then takes the next number; lock timeouts and deadlocks run the transaction again
        try {
            return Transactions.inTransaction(dataSource, connection -> {
                for (int attempt = 0;; attempt++) {
                    int number = nextNumber(connection, kind, itemId);
                    Instant now = Instant.now();
                    Optional<ContentVersion> saved = Transactions.unlessDuplicate(connection, c -> {
                        insert(c, kind, itemId, number, author, now, title, safeSummary, body);
                        return new ContentVersion(kind, itemId, number, author, now, title, safeSummary, body);
                    });
                    if (saved.isPresent() || attempt >= 3) {
                        return saved.orElseThrow(() -> new SQLException("No free version number", "23505"));
                    }
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot save a version of " + kind + "/" + itemId, e);
        }
    }

    private static void insert(Connection connection, String kind, String itemId, int number, String author,
            Instant now, String title, String summary, String body) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO content_version (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, kind);
            insert.setString(2, itemId);
            insert.setInt(3, number);
            insert.setString(4, truncate(author, 200));
            insert.setTimestamp(5, Timestamp.from(now));
            insert.setString(6, title);
            insert.setString(7, summary);
            insert.setString(8, body);
            insert.executeUpdate();
        }
    }

    private static int nextNumber(Connection connection, String kind, String itemId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT MAX(number) FROM content_version WHERE kind = ? AND item_id = ?")) {
            select.setString(1, kind);
            select.setString(2, itemId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1) + 1;
            }
        }
    }

    @Override
    public List<ContentVersion> list(String kind, String itemId) {
        return query("SELECT " + COLUMNS + " FROM content_version WHERE kind = ? AND item_id = ? ORDER BY number DESC",
                kind, itemId);
    }

    @Override
    public Optional<ContentVersion> get(String kind, String itemId, int number) {
        return query("SELECT " + COLUMNS + " FROM content_version WHERE kind = ? AND item_id = ? AND number = ?",
                kind, itemId, number).stream().findFirst();
    }

    @Override
    public List<DiffLine> diff(ContentVersion older, ContentVersion newer) {
        return LineDiff.compare(LineDiff.lines(older), LineDiff.lines(newer));
    }

    @Override
    public void deleteAll(String kind, String itemId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM content_version WHERE kind = ? AND item_id = ?")) {
            delete.setString(1, kind);
            delete.setString(2, itemId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot delete the versions of " + kind + "/" + itemId, e);
        }
    }

    private List<ContentVersion> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<ContentVersion> versions = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    versions.add(new ContentVersion(row.getString(1), row.getString(2), row.getInt(3),
                            row.getString(4), row.getTimestamp(5).toInstant(), row.getString(6), row.getString(7),
                            row.getString(8)));
                }
            }
            return versions;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read versions", e);
        }
    }

    private static String truncate(String text, int max) {
        String value = text == null || text.isBlank() ? "unbekannt" : text;
        return value.length() <= max ? value : value.substring(0, max);
    }
}
