package de.ringportal.news.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import de.ringportal.core.data.Columns;
import de.ringportal.core.data.Sql;

/**
 * What visitors read is the same for all of them and changes only when an editor saves or an article becomes due:
 * such answers are kept until either happens. Each write counts up the generation; an entry is valid for its
 * generation and until the next scheduled article's publication time.
 */
final class NewsCache {

    private static final int ENTRIES = 500;

    private record Cached(long generation, Instant validUntil, Object value) {
    }

    private final Sql sql;
    private final AtomicLong generation = new AtomicLong();
    private final Map<Object, Cached> entries = new ConcurrentHashMap<>();

    NewsCache(Sql sql) {
        this.sql = sql;
    }

    /**
     * The loader's answer for this key, computed once until the next write or the next due article. Only for answers
     * that are the same for every reader who may see them (public lists, the feed).
     */
    @SuppressWarnings("unchecked")
    <T> T get(Object key, Supplier<T> loader) {
        Instant now = Instant.now();
        long current = generation.get();
        Cached hit = entries.get(key);
        if (hit != null && hit.generation() == current && now.isBefore(hit.validUntil())) {
            return (T) hit.value();
        }
        Instant validUntil = nextDue(now);
        T value = loader.get();
        if (entries.size() >= ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Cached(current, validUntil, value));
        return value;
    }

    /** Every entry is stale from now on. */
    void changed() {
        generation.incrementAndGet();
    }

    /** When the next published but not yet due article becomes visible; far in the future when none is waiting. */
    private Instant nextDue(Instant now) {
        // MIN gives one row, NULL when none is waiting (so not first(): its Optional cannot hold null)
        List<Instant> next = sql.list("SELECT MIN(published_at) FROM news_article WHERE status = 'published' "
                + "AND published_at > ?", row -> Columns.instant(row, 1), now);
        return next.isEmpty() || next.get(0) == null ? Instant.MAX : next.get(0);
    }
}
