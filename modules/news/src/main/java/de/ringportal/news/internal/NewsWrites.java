package de.ringportal.news.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import de.ringportal.core.api.Transactions;
import de.ringportal.core.format.GermanDates;

/**
 * The statements of a save, run inside the caller's transaction (which {@link Transactions} may run again): the
 * slug is claimed by inserting it, not by looking first, so two editors saving the same title at once cannot both
 * take it; the unique key {@code news_article_url} decides, and the loser takes the next number.
 */
final class NewsWrites {

    /** More articles of one title in one year than anyone writes: past this, the save fails rather than loops. */
    private static final int MAX_SUFFIX = 1000;

    private NewsWrites() {
    }

    /** Inserts the article under the first free slug of its title in its year; returns its id. */
    static int insert(Connection connection, NewsForm form, String author, String authorUser) throws SQLException {
        int year = form.publishedAt().atZone(GermanDates.BERLIN).getYear();
        String base = Slugs.of(form.title());
        for (int n = 1; n <= MAX_SUFFIX; n++) {
            String slug = n == 1 ? base : base + "-" + n;
            Optional<Integer> id = Transactions.unlessDuplicate(connection,
                    c -> insertRow(c, year, slug, form, author, authorUser));
            if (id.isPresent()) {
                writeAudience(connection, id.get(), form.rings());
                return id.get();
            }
        }
        throw new SQLException("No free slug for " + base + " in " + year);
    }

    /** Replaces text, state, date and audience of an article; its URL stays. */
    static void update(Connection connection, int id, NewsForm form) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE news_article SET title = ?, "
                + "teaser = ?, body = ?, status = ?, published_at = ?, updated_at = ? WHERE id = ?")) {
            update.setString(1, form.title());
            update.setString(2, form.teaser());
            update.setString(3, form.body());
            update.setString(4, form.status().id());
            update.setTimestamp(5, Timestamp.from(form.publishedAt()));
            update.setTimestamp(6, Timestamp.from(Instant.now()));
            update.setInt(7, id);
            update.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM news_audience WHERE article_id = ?")) {
            delete.setInt(1, id);
            delete.executeUpdate();
        }
        writeAudience(connection, id, form.rings());
    }

    private static int insertRow(Connection connection, int year, String slug, NewsForm form, String author,
            String authorUser) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO news_article (url_year, "
                + "slug, title, teaser, body, author, author_user, status, published_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setInt(1, year);
            insert.setString(2, slug);
            insert.setString(3, form.title());
            insert.setString(4, form.teaser());
            insert.setString(5, form.body());
            insert.setString(6, author);
            insert.setString(7, authorUser);
            insert.setString(8, form.status().id());
            insert.setTimestamp(9, Timestamp.from(form.publishedAt()));
            insert.setTimestamp(10, Timestamp.from(Instant.now()));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getInt(1);
            }
        }
    }

    private static void writeAudience(Connection connection, int id, Collection<String> rings) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO news_audience (article_id, ring_id) VALUES (?, ?)")) {
            for (String ring : rings) {
                insert.setInt(1, id);
                insert.setString(2, ring);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
