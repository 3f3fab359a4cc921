package de.ringportal.content.internal;

import java.sql.SQLException;
import java.time.Instant;
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
import de.ringportal.core.data.Columns;
import de.ringportal.core.data.RowMapper;
import de.ringportal.core.data.Sql;

/** The version store in the table {@code content_version}; numbers count up per item. */
@Component(service = Versions.class)
public class JdbcVersions implements Versions {

    private static final String COLUMNS = "kind, item_id, number, author, created_at, title, summary, body";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM content_version WHERE kind = ? AND item_id = ?";
    private static final RowMapper<ContentVersion> VERSION = row -> new ContentVersion(row.getString(1),
            row.getString(2), row.getInt(3), row.getString(4), Columns.instant(row, 5), row.getString(6),
            row.getString(7), row.getString(8));

    private final Sql sql;

    /** @param schema not used directly: the store starts once core has migrated its table */
    @Activate
    public JdbcVersions(@Reference DataSource dataSource,
            @Reference(target = "(" + ModuleSchema.NAME + "=content)") ModuleSchema schema) {
        this.sql = Sql.over(dataSource);
    }

    @Override
    public ContentVersion save(String kind, String itemId, String author, String title, String summary, String body) {
        String safeSummary = summary == null ? "" : summary;
        if (title.length() > MAX_TITLE || safeSummary.length() > MAX_SUMMARY || body.length() > MAX_BODY) {
            throw new IllegalArgumentException("Version of " + kind + "/" + itemId + " is larger than the store keeps");
        }
        String by = truncate(author, 200);
        // two editors saving the same item at once both compute the same next number; the unique key refuses the
        // second insert, which then takes the next number; lock timeouts and deadlocks run the transaction again, and
        // so do four lost numbers in a row (PostgreSQL lets each insert wait for the writer ahead, then refuses it)
        return sql.write(tx -> {
            for (int attempt = 0;; attempt++) {
                int number = (int) tx.count("SELECT MAX(number) FROM content_version WHERE kind = ? AND item_id = ?",
                        kind, itemId) + 1;
                Instant now = Instant.now();
                Optional<ContentVersion> saved = tx.unlessDuplicate(same -> {
                    same.update("INSERT INTO content_version (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            kind, itemId, number, by, now, title, safeSummary, body);
                    return new ContentVersion(kind, itemId, number, by, now, title, safeSummary, body);
                });
                if (saved.isPresent() || attempt >= 3) {
                    return saved.orElseThrow(() -> new SQLException("No free version number", "40001"));
                }
            }
        });
    }

    @Override
    public List<ContentVersion> list(String kind, String itemId) {
        return sql.list(SELECT + " ORDER BY number DESC", VERSION, kind, itemId);
    }

    @Override
    public Optional<ContentVersion> get(String kind, String itemId, int number) {
        return sql.first(SELECT + " AND number = ?", VERSION, kind, itemId, number);
    }

    @Override
    public List<DiffLine> diff(ContentVersion older, ContentVersion newer) {
        return LineDiff.compare(LineDiff.lines(older), LineDiff.lines(newer));
    }

    @Override
    public void deleteAll(String kind, String itemId) {
        sql.update("DELETE FROM content_version WHERE kind = ? AND item_id = ?", kind, itemId);
    }

    private static String truncate(String text, int max) {
        String value = text == null || text.isBlank() ? "unbekannt" : text;
        return value.length() <= max ? value : value.substring(0, max);
    }
}
