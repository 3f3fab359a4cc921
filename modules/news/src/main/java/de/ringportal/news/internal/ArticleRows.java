package de.ringportal.news.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import de.ringportal.core.data.Columns;
import de.ringportal.core.data.RowMapper;
import de.ringportal.core.data.Sql;

/**
 * Reads articles with their audiences, on {@code Sql} (a read of its own) or a write's {@code Tx} alike: both answer
 * {@link Reader#list}, so a save can read back what it stored before its commit.
 */
final class ArticleRows {

    /** {@code Sql::list} or {@code Tx::list}. */
    @FunctionalInterface
    interface Reader {
        <T> List<T> list(String sql, RowMapper<T> mapper, Object... parameters) throws SQLException;
    }

    static final String COLUMNS = "n.id, n.url_year, n.slug, n.title, n.teaser, n.body, n.author, "
            + "n.author_user, n.status, n.published_at, n.updated_at";

    private static final RowMapper<Article> ARTICLE = row -> new Article(row.getInt(1), row.getInt(2),
            row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7),
            row.getString(8), Article.Status.fromId(row.getString(9)), Columns.instant(row, 10),
            Columns.instant(row, 11), Set.of());

    private record Audience(int article, String ring) {
    }

    private ArticleRows() {
    }

    /** The articles the query ({@code SELECT COLUMNS FROM news_article n ...}) finds, each with its audience. */
    static List<Article> read(Reader reader, String query, Object... parameters) throws SQLException {
        List<Article> rows = reader.list(query, ARTICLE, parameters);
        if (rows.isEmpty()) {
            return rows;
        }
        Object[] ids = rows.stream().map(Article::id).toArray();
        Map<Integer, Set<String>> audiences = new HashMap<>();
        for (Audience audience : reader.list("SELECT article_id, ring_id FROM news_audience WHERE article_id IN ("
                + Sql.placeholders(ids.length) + ")", row -> new Audience(row.getInt(1), row.getString(2)), ids)) {
            audiences.computeIfAbsent(audience.article(), id -> new TreeSet<>()).add(audience.ring());
        }
        List<Article> articles = new ArrayList<>();
        for (Article row : rows) {
            articles.add(row.withRings(audiences.getOrDefault(row.id(), Set.of())));
        }
        return articles;
    }

    /**
     * Restricts to public articles and those for one of {@code rings}; with {@code ringsOnly}, to the latter alone.
     * Appends the condition to {@code where} and its values to {@code parameters}.
     */
    static void audienceClause(StringBuilder where, List<Object> parameters, Set<String> rings, boolean ringsOnly) {
        String publicOnly = "NOT EXISTS (SELECT 1 FROM news_audience a WHERE a.article_id = n.id)";
        if (rings.isEmpty()) {
            where.append(ringsOnly ? " AND 1 = 0" : " AND " + publicOnly);
            return;
        }
        String forRings = "EXISTS (SELECT 1 FROM news_audience a WHERE a.article_id = n.id AND a.ring_id IN ("
                + Sql.placeholders(rings.size()) + "))";
        parameters.addAll(rings);
        where.append(ringsOnly ? " AND " + forRings : " AND (" + publicOnly + " OR " + forRings + ")");
    }
}
