package de.ringportal.news.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;

import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;

import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.testing.ConcurrentWrites;
import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;

/**
 * Sixteen editors saving at the same moment into one database: every save is stored once under its own URL or is
 * refused as busy, never a failure, never a record stored for a save that failed.
 */
@RunWith(BothDatabases.class)
public class NewsStoreConcurrencyTest {

    private static final int WRITERS = 16;

    private DataSource dataSource;
    private NewsStore store;

    @Before
    public void open() {
        dataSource = TestDatabase.migrated(NewsStore.class, "news");
        store = new NewsStore(dataSource, mock(ModuleSchema.class));
    }

    /** The same title sixteen times at once: sixteen articles (or busy refusals), each with its own slug. */
    @Test
    public void same_title_at_the_same_moment_gives_unique_slugs_and_no_failure() throws Exception {
        ConcurrentWrites.Outcome<Article> outcome = ConcurrentWrites.run(WRITERS, index -> store.create(
                form("Ringtreffen in Kassel", index % 2 == 0 ? Set.of() : Set.of("4")), "Redaktion", "redaktion"));

        assertTrue(outcome.describeFailures(), outcome.failures().isEmpty());
        assertEquals(WRITERS, outcome.results().size() + outcome.busy());
        assertTrue("every save refused as busy", outcome.results().size() > 0);
        assertEquals(outcome.results().size(), TestDatabase.count(dataSource, "SELECT COUNT(*) FROM news_article"));
        Set<String> slugs = new HashSet<>();
        for (Article saved : outcome.results()) {
            assertTrue("slug twice: " + saved.slug(), slugs.add(saved.slug()));
            assertTrue(saved.slug().startsWith("ringtreffen-in-kassel"));
            assertEquals(saved, store.find(saved.id()).orElseThrow());
        }
    }

    /** Creating while others edit one article: every save lands once, the edited article keeps one row. */
    @Test
    public void saves_during_edits_of_another_article_all_land_once() throws Exception {
        Article existing = store.create(form("Jahresbericht", Set.of("4")), "Redaktion", "redaktion");

        ConcurrentWrites.Outcome<Article> outcome = ConcurrentWrites.run(WRITERS, index -> index % 2 == 0
                ? store.update(existing.id(), form("Jahresbericht " + index, Set.of("4", "5")))
                : store.create(form("Jahresbericht", Set.of("4")), "Moderation", "moderator"));

        assertTrue(outcome.describeFailures(), outcome.failures().isEmpty());
        long created = outcome.results().stream().filter(article -> article.id() != existing.id()).count();
        assertEquals(1 + created, TestDatabase.count(dataSource, "SELECT COUNT(*) FROM news_article"));
        assertEquals(2,
                TestDatabase.count(dataSource, "SELECT COUNT(*) FROM news_audience WHERE article_id = "
                        + existing.id()));
        assertEquals(created + 1, TestDatabase.count(dataSource, "SELECT COUNT(DISTINCT slug) FROM news_article"));
    }

    private static NewsForm form(String title, Set<String> rings) {
        return new NewsForm(title, "Kurz", "Text", "2026-11-25T09:30", Article.Status.PUBLISHED, rings);
    }
}
