package de.ringportal.auth.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ringportal.core.api.ModuleSchema;

/**
 * The audit log: logins, logouts, lockouts, account and role changes, password resets. Append-only: nothing in the
 * portal updates or deletes an entry.
 */
@Component(service = AuditLog.class)
public class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    /** The kinds of entries, with their German names for the log page. */
    public enum Event {
        LOGIN("Anmeldung"),
        LOGIN_FAILED("Anmeldung fehlgeschlagen"),
        LOGOUT("Abmeldung"),
        LOCKED("Konto gesperrt"),
        ACCOUNT_CREATED("Konto angelegt"),
        ACCOUNT_CHANGED("Konto geändert"),
        ROLES_CHANGED("Rollen geändert"),
        ACCOUNT_DISABLED("Konto deaktiviert"),
        PASSWORD_CHANGED("Passwort geändert"),
        PASSWORD_RESET_ISSUED("Link zum Zurücksetzen erstellt"),
        PASSWORD_RESET_USED("Passwort zurückgesetzt"),
        // actions other modules report through AuditTrail (see ModuleAuditTrail); stored by name like the others
        MODULE_INSTALLED("Modul installiert"),
        MODULE_UPDATED("Modul aktualisiert"),
        MODULE_UNINSTALLED("Modul entfernt"),
        MODULE_STARTED("Modul gestartet"),
        MODULE_STOPPED("Modul gestoppt"),
        CONFIGURATION_CHANGED("Konfiguration geändert"),
        ROLLBACK("Zurückgesetzt auf vorherigen Stand"),
        /** Any other action of another module: its own label goes into the detail. */
        OTHER("Sonstige Verwaltungsaktion");

        private final String label;

        Event(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The kind with this German label, or {@link #OTHER}. */
        public static Event ofLabel(String label) {
            for (Event event : values()) {
                if (event.label.equals(label)) {
                    return event;
                }
            }
            return OTHER;
        }
    }

    /** One entry as stored. */
    public record Entry(long id, Instant at, Event event, String actor, String subject, String client,
            String detail) {
    }

    /** What the log page filters by; null or blank fields do not filter. */
    public record Filter(Event event, String person, Instant from, Instant until) {
    }

    private final DataSource dataSource;

    @Activate
    public AuditLog(@Reference DataSource dataSource,
            @Reference(target = "(" + ModuleSchema.NAME + "=auth)") ModuleSchema schema) {
        this.dataSource = dataSource;
    }

    /** Appends an entry; values longer than their columns are cut, never refused. */
    public void record(Event event, String actor, String subject, String client, String detail) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO auth_audit (occurred_at, event, actor, "
                        + "subject, client, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setTimestamp(1, Timestamp.from(Instant.now()));
            insert.setString(2, event.name());
            insert.setString(3, cut(actor, 64));
            insert.setString(4, cut(subject, 64));
            insert.setString(5, cut(client, 64));
            insert.setString(6, cut(detail, 500));
            insert.executeUpdate();
        } catch (SQLException e) {
            // an unwritable audit log must not hide the event: it still reaches the operator's log
            LOG.error("Audit entry {} for {} could not be stored: {}", event, subject, e.getMessage());
        }
    }

    /** Entries matching the filter, newest first. */
    public List<Entry> find(Filter filter, int offset, int limit) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        parameters.add(offset);
        parameters.add(limit);
        List<Entry> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT id, occurred_at, event, actor, subject, "
                        + "client, detail FROM auth_audit" + where + " ORDER BY id DESC OFFSET ? ROWS "
                        + "FETCH NEXT ? ROWS ONLY")) {
            bind(select, parameters);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(rows.getLong(1), rows.getTimestamp(2).toInstant(),
                            Event.valueOf(rows.getString(3)), rows.getString(4), rows.getString(5),
                            rows.getString(6), rows.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit log", e);
        }
        return entries;
    }

    public int count(Filter filter) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM auth_audit" + where)) {
            bind(select, parameters);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the audit log", e);
        }
    }

    private static String where(Filter filter, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (filter.event() != null) {
            conditions.add("event = ?");
            parameters.add(filter.event().name());
        }
        if (filter.person() != null && !filter.person().isBlank()) {
            conditions.add("(actor = ? OR subject = ?)");
            String person = Accounts.normalize(filter.person());
            parameters.add(person);
            parameters.add(person);
        }
        if (filter.from() != null) {
            conditions.add("occurred_at >= ?");
            parameters.add(Timestamp.from(filter.from()));
        }
        if (filter.until() != null) {
            conditions.add("occurred_at < ?");
            parameters.add(Timestamp.from(filter.until()));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
