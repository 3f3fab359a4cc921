package de.ringportal.auth.internal;

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
import de.ringportal.core.data.Columns;
import de.ringportal.core.data.RowMapper;
import de.ringportal.core.data.Sql;

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

    private static final RowMapper<Entry> ENTRY = row -> new Entry(row.getLong(1), Columns.instant(row, 2),
            Event.valueOf(row.getString(3)), row.getString(4), row.getString(5), row.getString(6), row.getString(7));

    private final Sql sql;

    @Activate
    public AuditLog(@Reference DataSource dataSource,
            @Reference(target = "(" + ModuleSchema.NAME + "=auth)") ModuleSchema schema) {
        this.sql = Sql.over(dataSource);
    }

    /** Appends an entry; values longer than their columns are cut, never refused. */
    public void record(Event event, String actor, String subject, String client, String detail) {
        try {
            sql.update("INSERT INTO auth_audit (occurred_at, event, actor, subject, client, detail) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", Instant.now(), event.name(), cut(actor, 64), cut(subject, 64),
                    cut(client, 64), cut(detail, 500));
        } catch (RuntimeException e) {
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
        return sql.list("SELECT id, occurred_at, event, actor, subject, client, detail FROM auth_audit" + where
                + " ORDER BY id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", ENTRY, parameters.toArray());
    }

    public int count(Filter filter) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        return (int) sql.count("SELECT COUNT(*) FROM auth_audit" + where, parameters.toArray());
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
            parameters.add(filter.from());
        }
        if (filter.until() != null) {
            conditions.add("occurred_at < ?");
            parameters.add(filter.until());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
