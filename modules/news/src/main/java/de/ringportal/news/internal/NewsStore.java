package de.ringportal.news.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.api.StoreBusyException;
import de.ringportal.core.data.Columns;
import de.ringportal.core.data.Sql;
import de.ringportal.core.format.GermanDates;

/**
 * The articles in {@code news_article} and their audiences in {@code news_audience}. Every query that lists articles
 * for readers takes the set of rings the reader may see and filters in SQL, so a ring's article never leaves the
 * database for anyone else. Public answers are kept in a {@link NewsCache} that every write empties.
 */
@Component(service = NewsStore.class)
public class NewsStore {

    private static final String SELECT = "SELECT " + ArticleRows.COLUMNS + " FROM news_article n";

    private final Sql sql;
    private final NewsCache cache;

    /** @param schema not used directly: the store starts once core has migrated the news tables */
    @Activate
    public NewsStore(@Reference DataSource dataSource,
            @Reference(target = "(" + ModuleSchema.NAME + "=news)") ModuleSchema schema) {
        this.sql = Sql.over(dataSource);
        this.cache = new NewsCache(sql);
    }

    /** A page of a list, with the total for paging. */
    record Slice(List<Article> articles, int total) {
        Slice {
            articles = List.copyOf(articles);
        }
    }

    /** The loader's answer, kept until the next write or due article ({@link NewsCache#get}). */
    <T> T cached(Object key, Supplier<T> loader) {
        return cache.get(key, loader);
    }

    /** Published articles whose time has come, visible to a reader of {@code rings}, newest first. */
    Slice live(Set<String> rings, Integer year, boolean ringsOnly, int offset, int limit) {
        if (rings.isEmpty() && !ringsOnly) {
            return cached(List.of("live", year == null ? 0 : year, offset, limit),
                    () -> query(rings, year, false, offset, limit));
        }
        return query(rings, year, ringsOnly, offset, limit);
    }

    private Slice query(Set<String> rings, Integer year, boolean ringsOnly, int offset, int limit) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = liveWhere(parameters, rings, ringsOnly);
        if (year != null) {
            where.append(" AND n.published_at >= ? AND n.published_at < ?");
            parameters.add(GermanDates.startOf(LocalDate.of(year, 1, 1)));
            parameters.add(GermanDates.startOf(LocalDate.of(year + 1, 1, 1)));
        }
        Object[] values = parameters.toArray();
        int total = (int) sql.count("SELECT COUNT(*) FROM news_article n" + where, values);
        return new Slice(read(SELECT + where + " ORDER BY n.published_at DESC, n.id DESC OFFSET "
                + Math.max(0, offset) + " ROWS FETCH NEXT " + Math.max(1, limit) + " ROWS ONLY", values), total);
    }

    /** Years that have live articles for this reader, newest first. */
    List<Integer> years(Set<String> rings) {
        return rings.isEmpty() ? cached("years", () -> queryYears(rings)) : queryYears(rings);
    }

    private List<Integer> queryYears(Set<String> rings) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = liveWhere(parameters, rings, false);
        TreeSet<Integer> years = new TreeSet<>();
        for (Instant published : sql.list("SELECT n.published_at FROM news_article n" + where,
                row -> Columns.instant(row, 1), parameters.toArray())) {
            years.add(published.atZone(GermanDates.BERLIN).getYear());
        }
        return List.copyOf(years.descendingSet());
    }

    /** Published, due, and for this audience: the start of a reader's query, to append to. */
    private static StringBuilder liveWhere(List<Object> parameters, Set<String> rings, boolean ringsOnly) {
        StringBuilder where = new StringBuilder(" WHERE n.status = 'published' AND n.published_at <= ?");
        parameters.add(Instant.now());
        ArticleRows.audienceClause(where, parameters, rings, ringsOnly);
        return where;
    }

    /** Ring ids that appear in any audience (so a reader's visible rings can be worked out without the rings module). */
    Set<String> audienceRings() {
        return new TreeSet<>(sql.list("SELECT DISTINCT ring_id FROM news_audience", row -> row.getString(1)));
    }

    /** Every article, newest first, whatever its state: for the editors' list, filtered by who may edit what. */
    List<Article> all() {
        return read(SELECT + " ORDER BY n.published_at DESC, n.id DESC");
    }

    Optional<Article> find(int id) {
        return read(SELECT + " WHERE n.id = ?", id).stream().findFirst();
    }

    Optional<Article> find(int year, String slug) {
        return read(SELECT + " WHERE n.url_year = ? AND n.slug = ?", year, slug).stream().findFirst();
    }

    /**
     * Stores a new article under a slug made unique within its year; the article as the transaction stored it (read
     * before the commit, so nothing can fail once it is stored). {@link StoreBusyException} when other saves kept
     * the database busy: then nothing is stored.
     */
    Article create(NewsForm form, String author, String authorUser) {
        return written(sql.write(tx -> {
            int id = NewsWrites.insert(tx, form, author, authorUser);
            return ArticleRows.read(tx::list, SELECT + " WHERE n.id = ?", id).get(0);
        }));
    }

    /** Replaces the text, state, date and audience of an article; its URL stays. Busy as {@link #create}. */
    Article update(int id, NewsForm form) {
        return written(sql.write(tx -> {
            NewsWrites.update(tx, id, form);
            return ArticleRows.read(tx::list, SELECT + " WHERE n.id = ?", id).stream().findFirst()
                    .orElseThrow(() -> new SQLException("No article " + id));
        }));
    }

    void delete(int id) {
        // the audience goes with it (ON DELETE CASCADE)
        sql.update("DELETE FROM news_article WHERE id = ?", id);
        cache.changed();
    }

    private Article written(Article article) {
        cache.changed();
        return article;
    }

    private List<Article> read(String query, Object... parameters) {
        try {
            return ArticleRows.read(sql::list, query, parameters);
        } catch (SQLException e) {
            // Sql itself throws none (its failures are IllegalStateException): only the Reader's signature has it
            throw new IllegalStateException("Cannot read news", e);
        }
    }
}
