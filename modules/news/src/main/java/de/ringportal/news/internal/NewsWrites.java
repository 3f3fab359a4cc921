package de.ringportal.news.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import de.ringportal.core.data.Tx;
import de.ringportal.core.format.GermanDates;

/**
 * The statements of a save, run inside the caller's transaction (which {@code Sql.write} may run again): the slug
 * is claimed by inserting it, not by looking first, so two editors saving the same title at once cannot both take
 * it; the unique key {@code news_article_url} decides, and the loser takes the next number.
 */
final class NewsWrites {

    /** More articles of one title in one year than anyone writes: past this, the save fails rather than loops. */
    private static final int MAX_SUFFIX = 1000;

    private NewsWrites() {
    }

    /** Inserts the article under the first free slug of its title in its year; returns its id. */
    static int insert(Tx tx, NewsForm form, String author, String authorUser) throws SQLException {
        int year = form.publishedAt().atZone(GermanDates.BERLIN).getYear();
        String base = Slugs.of(form.title());
        for (int n = 1; n <= MAX_SUFFIX; n++) {
            String slug = n == 1 ? base : base + "-" + n;
            Optional<Long> id = tx.unlessDuplicate(same -> same.insert("INSERT INTO news_article (url_year, slug, "
                    + "title, teaser, body, author, author_user, status, published_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "id", year, slug, form.title(), form.teaser(),
                    form.body(), author, authorUser, form.status().id(), form.publishedAt(), Instant.now()));
            if (id.isPresent()) {
                writeAudience(tx, id.get().intValue(), form.rings());
                return id.get().intValue();
            }
        }
        throw new SQLException("No free slug for " + base + " in " + year);
    }

    /** Replaces text, state, date and audience of an article; its URL stays. */
    static void update(Tx tx, int id, NewsForm form) throws SQLException {
        tx.update("UPDATE news_article SET title = ?, teaser = ?, body = ?, status = ?, published_at = ?, "
                + "updated_at = ? WHERE id = ?", form.title(), form.teaser(), form.body(), form.status().id(),
                form.publishedAt(), Instant.now(), id);
        tx.update("DELETE FROM news_audience WHERE article_id = ?", id);
        writeAudience(tx, id, form.rings());
    }

    private static void writeAudience(Tx tx, int id, Collection<String> rings) throws SQLException {
        tx.batch("INSERT INTO news_audience (article_id, ring_id) VALUES (?, ?)",
                rings.stream().map(ring -> new Object[] {id, ring}).toList());
    }
}
