package de.ringportal.events.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;

import java.time.LocalDateTime;
import java.util.HashSet;

import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;

import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.testing.ConcurrentWrites;
import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;

/** Sixteen people entering the same event at the same moment: each entry is stored once or refused as busy. */
@RunWith(BothDatabases.class)
public class EventStoreConcurrencyTest {

    private static final int WRITERS = 16;

    /** Same title, same time, same ring: as many rows as successful saves, each under its own id. */
    @Test
    public void same_event_at_the_same_moment_is_stored_once_per_save() throws Exception {
        DataSource dataSource = TestDatabase.migrated(EventStore.class, "events");
        EventStore store = new EventStore(dataSource, mock(ModuleSchema.class));
        LocalDateTime start = LocalDateTime.of(2026, 12, 10, 10, 0);

        ConcurrentWrites.Outcome<Integer> outcome = ConcurrentWrites.run(WRITERS, index -> store.add(new Event(0,
                "Ringtreffen", start, start.plusHours(6), "Kassel", index % 2 == 0 ? null : "4", "Tagesordnung"),
                "moderator" + index));

        assertTrue(outcome.describeFailures(), outcome.failures().isEmpty());
        assertEquals(WRITERS, outcome.results().size() + outcome.busy());
        assertTrue("every save refused as busy", outcome.results().size() > 0);
        assertEquals(outcome.results().size(), new HashSet<>(outcome.results()).size());
        assertEquals(outcome.results().size(), TestDatabase.count(dataSource, "SELECT COUNT(*) FROM events_event"));
        for (int id : outcome.results()) {
            assertEquals("Ringtreffen", store.byId(id).orElseThrow().title());
        }
    }
}
