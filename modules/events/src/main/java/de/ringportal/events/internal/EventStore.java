package de.ringportal.events.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.api.StoreBusyException;
import de.ringportal.core.api.Transactions;

/** The events table: reading by visibility, one by id, and adding. Always prepared statements. */
@Component(service = EventStore.class)
public class EventStore {

    private static final String COLUMNS = "id, title, starts_at, ends_at, place, ring_id, agenda";

    private final DataSource dataSource;

    @Activate
    public EventStore(@Reference DataSource dataSource,
            @Reference(target = "(" + ModuleSchema.NAME + "=events)") ModuleSchema schema) {
        this.dataSource = dataSource;
    }

    /** Events ending at or after {@code from}, public and ring events alike, by start time; at most {@code limit}. */
    public List<Event> upcoming(LocalDateTime from, int limit) {
        return query("SELECT " + COLUMNS + " FROM events_event WHERE ends_at >= ? ORDER BY starts_at, id "
                + "FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", List.of(Timestamp.valueOf(from)));
    }

    /** The public events ({@code ringId} null) or one ring's, from {@code from} on, for a calendar export. */
    public List<Event> calendar(String ringId, LocalDateTime from) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(Timestamp.valueOf(from));
        String ring = ringId == null ? "ring_id IS NULL" : "ring_id = ?";
        if (ringId != null) {
            parameters.add(ringId);
        }
        return query("SELECT " + COLUMNS + " FROM events_event WHERE ends_at >= ? AND " + ring
                + " ORDER BY starts_at, id FETCH FIRST 500 ROWS ONLY", parameters);
    }

    public Optional<Event> byId(int id) {
        List<Event> found = query("SELECT " + COLUMNS + " FROM events_event WHERE id = ?", List.of(id));
        return found.stream().findFirst();
    }

    /**
     * Adds an event; its id. Run again when the database was busy with other writes; {@link StoreBusyException}
     * when it stayed busy, and then nothing is stored.
     */
    public int add(Event event, String createdBy) {
        try {
            return Transactions.inTransaction(dataSource, connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO events_event (title, "
                        + "starts_at, ends_at, place, ring_id, agenda, created_by, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    bind(insert, List.of(event.title(), Timestamp.valueOf(event.startsAt()),
                            Timestamp.valueOf(event.endsAt()), event.place()));
                    insert.setString(5, event.ringId());
                    insert.setString(6, event.agenda());
                    insert.setString(7, createdBy);
                    insert.setTimestamp(8, Timestamp.from(Instant.now()));
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        return keys.getInt(1);
                    }
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot add an event", e);
        }
    }

    private List<Event> query(String sql, List<Object> parameters) {
        List<Event> events = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, parameters);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new Event(rows.getInt(1), rows.getString(2), rows.getTimestamp(3).toLocalDateTime(),
                            rows.getTimestamp(4).toLocalDateTime(), rows.getString(5), rows.getString(6),
                            rows.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read events", e);
        }
        return events;
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }
}
