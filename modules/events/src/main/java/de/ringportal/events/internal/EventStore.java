package de.ringportal.events.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.data.Columns;
import de.ringportal.core.data.RowMapper;
import de.ringportal.core.data.Sql;

/** The events table; starts once core has migrated the schema {@code events}. */
@Component(service = EventStore.class)
public class EventStore {

    private static final String SELECT = "SELECT id, title, starts_at, ends_at, place, ring_id, agenda FROM events_event";
    private static final RowMapper<Event> EVENT = row -> new Event(row.getInt(1), row.getString(2),
            Columns.localDateTime(row, 3), Columns.localDateTime(row, 4), row.getString(5), row.getString(6),
            row.getString(7));

    private final Sql sql;

    @Activate
    public EventStore(@Reference DataSource dataSource,
            @Reference(target = "(" + ModuleSchema.NAME + "=events)") ModuleSchema schema) {
        this.sql = Sql.over(dataSource);
    }

    /** Public and ring events alike that end at or after {@code from}, by start. */
    public List<Event> upcoming(LocalDateTime from, int limit) {
        return sql.list(SELECT + " WHERE ends_at >= ? ORDER BY starts_at, id FETCH FIRST ? ROWS ONLY", EVENT, from,
                Math.max(1, limit));
    }

    /** A calendar: the public events ({@code ringId} null) or one ring's that end at or after {@code from}. */
    public List<Event> calendar(String ringId, LocalDateTime from) {
        return sql.list(SELECT + " WHERE ends_at >= ? AND COALESCE(ring_id, '') = ? ORDER BY starts_at, id "
                + "FETCH FIRST 500 ROWS ONLY", EVENT, from, ringId == null ? "" : ringId);
    }

    public Optional<Event> byId(int id) {
        return sql.first(SELECT + " WHERE id = ?", EVENT, id);
    }

    /** The new event's id; {@code StoreBusyException} when other writers stayed in the way (nothing stored). */
    public int add(Event event, String createdBy) {
        return sql.write(tx -> (int) tx.insert("INSERT INTO events_event (title, starts_at, ends_at, place, ring_id, "
                + "agenda, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", "id", event.title(),
                event.startsAt(), event.endsAt(), event.place(), event.ringId(), event.agenda(), createdBy,
                Instant.now()));
    }
}
