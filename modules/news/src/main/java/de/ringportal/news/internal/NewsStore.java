package de.ringportal.news.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.api.StoreBusyException;
import de.ringportal.core.api.Transactions;
import de.ringportal.core.format.GermanDates;

/**
 * The articles in {@code news_article} and their audiences in {@code news_audience}. Every query that lists articles
 * for readers takes the set of rings the reader may see and filters in SQL, so a ring's article never leaves the
 * database for anyone else.
 */
@Component(service = NewsStore.class)
public class NewsStore {

    private static final String COLUMNS = "n.id, n.url_year, n.slug, n.title, n.teaser, n.body, n.author, "
            + "n.author_user, n.status, n.published_at, n.updated_at";

    private final DataSource dataSource;

    /**
     * What visitors read is the same for all of them and changes only when an editor saves or an article becomes
     * due: such answers are kept until either happens. Each write counts up the generation; an entry is valid for
     * its generation and until the next scheduled article's publication time.
     */
    private final AtomicLong generation = new AtomicLong();
    private final Map<Object, Cached> cache = new ConcurrentHashMap<>();
    private static final int CACHE_ENTRIES = 500;

    private record Cached(long generation, Instant validUntil, Object value) {
    }

    /** @param schema not used directly: the store starts once core has migrated the news tables */
    @Activate
    public NewsStore(@Reference DataSource dataSource,
            @Reference(target = "(" + ModuleSchema.NAME + "=news)") ModuleSchema schema) {
        this.dataSource = dataSource;
    }

    /** A page of a list, with the total for paging. */
    record Slice(List<Article> articles, int total) {
        Slice {
            articles = List.copyOf(articles);
        }
    }

    /**
     * The loader's answer for this key, computed once until the next write or the next due article. Only for
     * answers that are the same for every reader who may see them (public lists, the feed).
     */
    @SuppressWarnings("unchecked")
    <T> T cached(Object key, Supplier<T> loader) {
        Instant now = Instant.now();
        long current = generation.get();
        Cached hit = cache.get(key);
        if (hit != null && hit.generation() == current && now.isBefore(hit.validUntil())) {
            return (T) hit.value();
        }
        Instant validUntil = nextDue(now);
        T value = loader.get();
        if (cache.size() >= CACHE_ENTRIES) {
            cache.clear();
        }
        cache.put(key, new Cached(current, validUntil, value));
        return value;
    }

    /** When the next published but not yet due article becomes visible; far in the future when none is waiting. */
    private Instant nextDue(Instant now) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT MIN(published_at) FROM news_article WHERE status = 'published' AND published_at > ?")) {
            select.setTimestamp(1, Timestamp.from(now));
            try (ResultSet row = select.executeQuery()) {
                Timestamp next = row.next() ? row.getTimestamp(1) : null;
                return next == null ? Instant.MAX : next.toInstant();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the next publication time", e);
        }
    }

    private void changed() {
        generation.incrementAndGet();
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
        StringBuilder where = new StringBuilder(" WHERE n.status = 'published' AND n.published_at <= ?");
        List<Object> parameters = new ArrayList<>();
        parameters.add(Timestamp.from(Instant.now()));
        audienceClause(where, parameters, rings, ringsOnly);
        if (year != null) {
            where.append(" AND n.published_at >= ? AND n.published_at < ?");
            parameters.add(Timestamp.from(java.time.LocalDate.of(year, 1, 1).atStartOfDay(GermanDates.BERLIN).toInstant()));
            parameters.add(Timestamp.from(
                    java.time.LocalDate.of(year + 1, 1, 1).atStartOfDay(GermanDates.BERLIN).toInstant()));
        }
        try (Connection connection = dataSource.getConnection()) {
            int total;
            try (PreparedStatement count = prepare(connection, "SELECT COUNT(*) FROM news_article n" + where,
                    parameters); ResultSet row = count.executeQuery()) {
                row.next();
                total = row.getInt(1);
            }
            String sql = "SELECT " + COLUMNS + " FROM news_article n" + where
                    + " ORDER BY n.published_at DESC, n.id DESC OFFSET " + Math.max(0, offset)
                    + " ROWS FETCH NEXT " + Math.max(1, limit) + " ROWS ONLY";
            return new Slice(read(connection, prepare(connection, sql, parameters)), total);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list news", e);
        }
    }

    /** Years that have live articles for this reader, newest first. */
    List<Integer> years(Set<String> rings) {
        return rings.isEmpty() ? cached("years", () -> queryYears(rings)) : queryYears(rings);
    }

    private List<Integer> queryYears(Set<String> rings) {
        StringBuilder where = new StringBuilder(" WHERE n.status = 'published' AND n.published_at <= ?");
        List<Object> parameters = new ArrayList<>();
        parameters.add(Timestamp.from(Instant.now()));
        audienceClause(where, parameters, rings, false);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = prepare(connection, "SELECT n.published_at FROM news_article n" + where,
                        parameters);
                ResultSet rows = select.executeQuery()) {
            TreeSet<Integer> years = new TreeSet<>();
            while (rows.next()) {
                years.add(rows.getTimestamp(1).toInstant().atZone(GermanDates.BERLIN).getYear());
            }
            return List.copyOf(years.descendingSet());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list news years", e);
        }
    }

    /** Ring ids that appear in any audience (so a reader's visible rings can be worked out without the rings module). */
    Set<String> audienceRings() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT DISTINCT ring_id FROM news_audience");
                ResultSet rows = select.executeQuery()) {
            Set<String> rings = new TreeSet<>();
            while (rows.next()) {
                rings.add(rows.getString(1));
            }
            return rings;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list news audiences", e);
        }
    }

    /** Every article, newest first, whatever its state: for the editors' list, filtered by who may edit what. */
    List<Article> all() {
        try (Connection connection = dataSource.getConnection()) {
            return read(connection, connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM news_article n ORDER BY n.published_at DESC, n.id DESC"));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list news", e);
        }
    }

    Optional<Article> find(int id) {
        try (Connection connection = dataSource.getConnection()) {
            return find(connection, id);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read article " + id, e);
        }
    }

    private static Optional<Article> find(Connection connection, int id) throws SQLException {
        PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM news_article n WHERE n.id = ?");
        select.setInt(1, id);
        return read(connection, select).stream().findFirst();
    }

    Optional<Article> find(int year, String slug) {
        try (Connection connection = dataSource.getConnection()) {
            PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM news_article n WHERE n.url_year = ? AND n.slug = ?");
            select.setInt(1, year);
            select.setString(2, slug);
            return read(connection, select).stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read article " + year + "/" + slug, e);
        }
    }

    /**
     * Stores a new article under a slug made unique within its year; the article as the transaction stored it (read
     * before the commit, so nothing can fail once it is stored). {@link StoreBusyException} when other saves kept
     * the database busy: then nothing is stored.
     */
    Article create(NewsForm form, String author, String authorUser) {
        return write("Cannot create article", connection -> find(connection,
                NewsWrites.insert(connection, form, author, authorUser)).orElseThrow());
    }

    /** Replaces the text, state, date and audience of an article; its URL stays. Busy as {@link #create}. */
    Article update(int id, NewsForm form) {
        return write("Cannot update article " + id, connection -> {
            NewsWrites.update(connection, id, form);
            return find(connection, id).orElseThrow(() -> new SQLException("No article " + id));
        });
    }

    private Article write(String failure, Transactions.Work<Article> work) {
        try {
            Article written = Transactions.inTransaction(dataSource, work);
            changed();
            return written;
        } catch (SQLException e) {
            throw new IllegalStateException(failure, e);
        }
    }

    void delete(int id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM news_article WHERE id = ?")) {
            delete.setInt(1, id);
            delete.executeUpdate();
            changed();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot delete article " + id, e);
        }
    }

    /**
     * Restricts to public articles and those for one of {@code rings}; with {@code ringsOnly}, to the latter alone.
     */
    private static void audienceClause(StringBuilder where, List<Object> parameters, Set<String> rings,
            boolean ringsOnly) {
        String publicOnly = "NOT EXISTS (SELECT 1 FROM news_audience a WHERE a.article_id = n.id)";
        if (rings.isEmpty()) {
            where.append(ringsOnly ? " AND 1 = 0" : " AND " + publicOnly);
            return;
        }
        StringBuilder forRings = new StringBuilder(
                "EXISTS (SELECT 1 FROM news_audience a WHERE a.article_id = n.id AND a.ring_id IN (");
        int i = 0;
        for (String ring : rings) {
            forRings.append(i++ == 0 ? "?" : ", ?");
            parameters.add(ring);
        }
        forRings.append("))");
        where.append(ringsOnly ? " AND " + forRings : " AND (" + publicOnly + " OR " + forRings + ")");
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    /** Runs the query (and closes it) and attaches each article's audience. */
    private static List<Article> read(Connection connection, PreparedStatement select) throws SQLException {
        Map<Integer, Object[]> rows = new LinkedHashMap<>();
        try (select; ResultSet row = select.executeQuery()) {
            while (row.next()) {
                rows.put(row.getInt(1), new Object[] {row.getInt(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                        row.getTimestamp(10).toInstant(), row.getTimestamp(11).toInstant()});
            }
        }
        Map<Integer, Set<String>> audiences = new HashMap<>();
        if (!rows.isEmpty()) {
            StringBuilder in = new StringBuilder();
            rows.keySet().forEach(id -> in.append(in.length() == 0 ? "?" : ", ?"));
            try (PreparedStatement audience = connection.prepareStatement(
                    "SELECT article_id, ring_id FROM news_audience WHERE article_id IN (" + in + ")")) {
                int i = 1;
                for (Integer id : rows.keySet()) {
                    audience.setInt(i++, id);
                }
                try (ResultSet row = audience.executeQuery()) {
                    while (row.next()) {
                        audiences.computeIfAbsent(row.getInt(1), id -> new TreeSet<>()).add(row.getString(2));
                    }
                }
            }
        }
        List<Article> articles = new ArrayList<>();
        rows.forEach((id, r) -> articles.add(new Article(id, (Integer) r[0], (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], Article.Status.fromId((String) r[7]),
                (Instant) r[8], (Instant) r[9], audiences.getOrDefault(id, Set.of()))));
        return articles;
    }
}
