package de.ringportal.auth.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
import de.ringportal.core.forms.FormErrors;
import de.ringportal.core.pages.Exchange;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import jakarta.servlet.Servlet;

/**
 * The audit log, for administrators only, newest first, 50 entries to a page, filtered by kind of event, person (as
 * actor or subject) and a range of days in Berlin time. Read-only: the portal has no way to change or delete an
 * entry. A wrong filter value is a field error; the page still answers 200 (a GET filter, not a form that changes
 * anything) and lists the entries the other filters allow.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/admin/protokoll")
public class AuditLogPage extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 50;

    private final transient AuditLog audit;

    @Activate
    public AuditLogPage(@Reference Access access, @Reference AuditLog audit, @Reference Views views) {
        super(access, views);
        this.audit = audit;
    }

    @Override
    protected Routes routes() {
        return Routes.builder()
                .guardAll((request, path) -> access().mayAdminister(request))
                .get("/", this::list)
                .build();
    }

    private void list(Exchange exchange) throws IOException {
        FormErrors errors = new FormErrors();
        Event event = eventOf(exchange.request().getParameter("ereignis"));
        String person = AccountRules.printable(AccountRules.clean(exchange.request().getParameter("person")));
        if (person.length() > AccountRules.USER_NAME_MAX) {
            errors.add("person", "Ein Benutzername hat höchstens " + AccountRules.USER_NAME_MAX + " Zeichen.");
        }
        LocalDate from = date(AccountRules.clean(exchange.request().getParameter("von")), "von", errors);
        LocalDate until = date(AccountRules.clean(exchange.request().getParameter("bis")), "bis", errors);
        if (from != null && until != null && until.isBefore(from)) {
            errors.add("bis", "Das Ende des Zeitraums liegt vor seinem Anfang.");
            until = null;
        }
        AuditLog.Filter filter = new AuditLog.Filter(event, errors.has("person") ? null : person,
                from == null ? null : GermanDates.startOf(from),
                until == null ? null : GermanDates.startOf(until.plusDays(1)));

        int total = audit.count(filter);
        Pager pager = Pager.of(exchange.request().getParameter("seite"), total, PAGE_SIZE,
                "/admin/protokoll?" + query(event, filter.person(), from, until));
        List<Row> rows = audit.find(filter, pager.offset(), PAGE_SIZE).stream().map(AuditLogPage::row).toList();

        List<Option> events = new ArrayList<>();
        for (Event each : Event.values()) {
            events.add(new Option(each.name(), each.label(), each == event));
        }
        Map<String, String> messages = errors.byField();
        List<Field> fields = List.of(
                Field.text("person", "Person (Benutzername)", person, "Handelnde Person oder betroffenes Konto.",
                        messages.get("person"), false, AccountRules.USER_NAME_MAX, "off", null),
                new Field("von", "Von (Tag)", "date", from == null ? "" : from.toString(), null,
                        messages.get("von"), false, null, "off", null),
                new Field("bis", "Bis (Tag, einschließlich)", "date", until == null ? "" : until.toString(), null,
                        messages.get("bis"), false, null, "off", null));
        boolean filtered = event != null || !person.isEmpty() || from != null || until != null;
        exchange.render("Protokoll", "audit", new Model(AdminNav.forAudit(), events, fields, errors.summary(), rows,
                pager, countLine(total, filtered)));
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
    static LocalDate date(String text, String field, FormErrors errors) {
        if (text.isEmpty()) {
            return null;
        }
        LocalDate date = GermanDates.parse(text).orElse(null);
        // the database's timestamps end with the year 9999; the log begins long after 1900
        if (date == null || date.getYear() < 1900 || date.getYear() > 2999) {
            errors.add(field, "Bitte geben Sie ein Datum ein, zum Beispiel 24.11.2026.");
            return null;
        }
        return date;
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
        return new Row(GermanDates.dateTimeSeconds(entry.at()), machine(entry.at()), entry.event().label(),
                orDash(entry.actor()), orDash(entry.subject()), orDash(entry.client()), orDash(entry.detail()));
    }

    /** The value of the {@code datetime} attribute, with the Berlin offset (core.format has no machine form). */
    private static String machine(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(GermanDates.BERLIN).withNano(0));
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
    public record Model(AdminNav nav, List<Option> events, List<Field> fields, FormErrors.Summary summary,
            List<Row> rows, Pager pager, String countLine) {

        public boolean hasRows() {
            return !rows.isEmpty();
        }
    }
}
