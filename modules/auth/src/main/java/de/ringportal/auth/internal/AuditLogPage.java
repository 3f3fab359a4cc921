package de.ringportal.auth.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.auth.internal.AuditLog.Event;
import de.ringportal.core.api.Access;
import de.ringportal.core.api.Pager;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import de.ringportal.core.format.GermanDates;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The audit log, newest first, 50 entries to a page, filtered by kind of event, person (as actor or subject) and a
 * range of days in Berlin time. Read-only: the portal has no way to change or delete an entry.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/admin/protokoll")
public class AuditLogPage extends AdminServlet {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private final transient AuditLog audit;
    private final transient Views views;

    @Activate
    public AuditLogPage(@Reference Access access, @Reference AuditLog audit, @Reference Views views) {
        super(access);
        this.audit = audit;
        this.views = views;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> errors = new LinkedHashMap<>();
        Event event = eventOf(request.getParameter("ereignis"));
        String person = AccountRules.printable(AccountRules.clean(request.getParameter("person")));
        if (person.length() > AccountRules.USER_NAME_MAX) {
            errors.put("person", "Ein Benutzername hat höchstens " + AccountRules.USER_NAME_MAX + " Zeichen.");
        }
        String fromText = AccountRules.clean(request.getParameter("von"));
        String untilText = AccountRules.clean(request.getParameter("bis"));
        LocalDate from = date(fromText, "von", errors);
        LocalDate until = date(untilText, "bis", errors);
        if (from != null && until != null && until.isBefore(from)) {
            errors.put("bis", "Das Ende des Zeitraums liegt vor seinem Anfang.");
            until = null;
        }
        AuditLog.Filter filter = new AuditLog.Filter(event, errors.containsKey("person") ? null : person,
                from == null ? null : from.atStartOfDay(GermanDates.BERLIN).toInstant(),
                until == null ? null : until.plusDays(1).atStartOfDay(GermanDates.BERLIN).toInstant());

        int total = audit.count(filter);
        Pager pager = Pager.of(request.getParameter("seite"), total, PAGE_SIZE,
                "/admin/protokoll?" + query(event, filter.person(), from, until));
        List<Row> rows = audit.find(filter, pager.offset(), PAGE_SIZE).stream().map(AuditLogPage::row).toList();

        List<Option> events = new ArrayList<>();
        for (Event each : Event.values()) {
            events.add(new Option(each.name(), each.label(), each == event));
        }
        List<Field> fields = List.of(
                Field.text("person", "Person (Benutzername)", person, "Handelnde Person oder betroffenes Konto.",
                        errors.get("person"), false, AccountRules.USER_NAME_MAX, "off", null),
                new Field("von", "Von (Tag)", "date", from == null ? "" : from.toString(), null,
                        errors.get("von"), false, null, "off", null),
                new Field("bis", "Bis (Tag, einschließlich)", "date", until == null ? "" : until.toString(), null,
                        errors.get("bis"), false, null, "off", null));
        boolean filtered = event != null || !person.isEmpty() || from != null || until != null;
        views.render(request, response, "Protokoll", "audit", new Model(Nav.forAudit(), events, fields,
                errors.entrySet().stream().map(e -> new AccountPages.ErrorLink("feld-" + e.getKey(), e.getValue()))
                        .toList(),
                rows, pager, countLine(total, filtered)));
    }

    private static Event eventOf(String name) {
        for (Event event : Event.values()) {
            if (event.name().equals(name)) {
                return event;
            }
        }
        return null;
    }

    /** A day as the date input sends it (2026-11-24) or as people type it (24.11.2026); null when empty or wrong. */
    static LocalDate date(String text, String field, Map<String, String> errors) {
        if (text.isEmpty()) {
            return null;
        }
        LocalDate date = parse(text);
        // the database's timestamps end with the year 9999; the log begins long after 1900
        if (date == null || date.getYear() < 1900 || date.getYear() > 2999) {
            errors.put(field, "Bitte geben Sie ein Datum ein, zum Beispiel 24.11.2026.");
            return null;
        }
        return date;
    }

    private static LocalDate parse(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notIso) {
            try {
                return LocalDate.parse(text, GERMAN_DATE);
            } catch (DateTimeParseException notGerman) {
                return null;
            }
        }
    }

    private static String query(Event event, String person, LocalDate from, LocalDate until) {
        StringBuilder query = new StringBuilder();
        if (event != null) {
            query.append("ereignis=").append(event.name()).append('&');
        }
        if (person != null && !person.isEmpty()) {
            query.append("person=").append(URLEncoder.encode(person, StandardCharsets.UTF_8)).append('&');
        }
        if (from != null) {
            query.append("von=").append(from).append('&');
        }
        if (until != null) {
            query.append("bis=").append(until).append('&');
        }
        return query.toString();
    }

    private static Row row(AuditLog.Entry entry) {
        return new Row(Times.seconds(entry.at()), Times.machine(entry.at()), entry.event().label(),
                orDash(entry.actor()), orDash(entry.subject()), orDash(entry.client()), orDash(entry.detail()));
    }

    private static String orDash(String value) {
        return value == null || value.isEmpty() ? "–" : value;
    }

    private static String countLine(int total, boolean filtered) {
        String entries = switch (total) {
            case 0 -> "Keine Einträge";
            case 1 -> "1 Eintrag";
            default -> total + " Einträge";
        };
        return entries + (filtered ? " gefunden." : " insgesamt.");
    }

    /** An entry of the event select. */
    public record Option(String value, String label, boolean selected) {
    }

    /** One log entry in the table. */
    public record Row(String time, String machineTime, String event, String actor, String subject, String client,
            String detail) {
    }

    /** What the audit template renders. */
    public record Model(Nav nav, List<Option> events, List<Field> fields, List<AccountPages.ErrorLink> errors,
            List<Row> rows, Pager pager, String countLine) {

        public boolean hasRows() {
            return !rows.isEmpty();
        }

        public boolean hasErrors() {
            return !errors.isEmpty();
        }
    }
}
