package de.ringportal.events.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.Pager;
import de.ringportal.core.api.Role;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.StoreBusyException;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.api.Views;
import de.ringportal.core.format.GermanDates;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The calendar of Ringtreffen and project events: the list of coming events the visitor may see (public ones, and
 * those of the rings the visitor may see), one event with its agenda, the form for the Redaktion and ring moderators,
 * and the iCalendar exports: {@code /veranstaltungen/oeffentlich.ics} and {@code /veranstaltungen/ring/<id>.ics}.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/veranstaltungen/*")
@MenuEntry(label = "Veranstaltungen", path = "/veranstaltungen", order = 40)
@Designate(ocd = EventsPage.Config.class)
public class EventsPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @ObjectClassDefinition(name = "Ringportal: Veranstaltungen",
            description = "Kalender der Ringtreffen und Projektveranstaltungen mit iCalendar-Export.")
    public @interface Config {

        @AttributeDefinition(name = "Name des Kalenders",
                description = "So heißt der Kalender in Kalenderprogrammen, die den iCalendar-Export abonnieren.")
        String calendarName() default "Ringportal: Veranstaltungen";

        @AttributeDefinition(name = "Einträge je Seite",
                description = "So viele Veranstaltungen zeigt die Liste auf einer Seite.", min = "5", max = "200")
        int pageSize() default 20;
    }

    private static final Pattern EVENT = Pattern.compile("/([0-9]{1,9})");
    private static final Pattern RING_CALENDAR = Pattern.compile("/ring/([A-Za-z0-9_-]{1,32})\\.ics");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEEE, d. MMMM uuuu, HH:mm 'Uhr'",
            Locale.GERMAN);
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("HH:mm 'Uhr'", Locale.GERMAN);

    private final transient Access access;
    private final transient Views views;
    private final transient EventStore store;
    private final transient RingChoice ringChoice;
    private final String version;
    private volatile Config config;

    @Activate
    public EventsPage(BundleContext context, @Reference Access access, @Reference Views views,
            @Reference EventStore store, @Reference RingChoice ringChoice, Config config) {
        this.access = access;
        this.views = views;
        this.store = store;
        this.ringChoice = ringChoice;
        this.version = context.getBundle().getVersion().toString();
        this.config = config;
    }

    @Modified
    void modified(Config changed) {
        this.config = changed;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = Objects.requireNonNullElse(request.getPathInfo(), "/");
        Matcher event = EVENT.matcher(path);
        Matcher ring = RING_CALENDAR.matcher(path);
        if (path.equals("/")) {
            list(request, response);
        } else if (path.equals("/neu")) {
            if (access.require(request, response, mayCreateAny(request))) {
                form(request, response, EventForm.empty(), Map.of(), HttpServletResponse.SC_OK,
                        ringChoice.all());
            }
        } else if (path.equals("/oeffentlich.ics")) {
            calendar(response, null);
        } else if (ring.matches()) {
            if (access.require(request, response, access.maySeeRing(request, ring.group(1)))) {
                calendar(response, ring.group(1));
            }
        } else if (event.matches()) {
            show(request, response, Integer.parseInt(event.group(1)));
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/neu".equals(request.getPathInfo())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!access.require(request, response, mayCreateAny(request))) {
            return;
        }
        EventForm form = EventForm.of(request);
        Map<String, String> errors = new LinkedHashMap<>();
        Event event = form.validate(errors);
        Optional<List<RingChoice.Ring>> rings = ringChoice.all();
        String unknown = event == null ? null : RingChoice.unknownRing(rings, event.ringId());
        if (unknown != null) {
            errors.put("ring", unknown);
        } else if (event != null && !mayCreate(request, event.ringId())) {
            errors.put("ring", event.ringId() == null
                    ? "Öffentliche Veranstaltungen trägt die Redaktion ein."
                    : "Für diesen Ring dürfen Sie keine Veranstaltungen eintragen.");
        }
        if (!errors.isEmpty()) {
            form(request, response, form, errors, 422, rings);
            return;
        }
        int id;
        try {
            id = store.add(event, access.viewer(request).userName());
        } catch (StoreBusyException busy) {
            // nothing was stored: the form comes back as sent, to be sent again
            form(request, response, form, Map.of("titel", StoreBusyException.MESSAGE), 503, rings);
            return;
        }
        // 303: the browser follows with a GET, so a reload does not post the form again
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "/veranstaltungen/" + id);
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Config current = config;
        List<Event> visible = store.upcoming(LocalDate.now(GermanDates.BERLIN).atStartOfDay(), 5000).stream()
                .filter(event -> event.isPublic() || access.maySeeRing(request, event.ringId())).toList();
        int pageSize = Math.max(1, current.pageSize());
        Pager pager = Pager.of(request.getParameter(Pager.PARAMETER), visible.size(), pageSize, "/veranstaltungen?");
        Optional<List<RingChoice.Ring>> rings = ringChoice.all();
        List<Row> rows = visible.stream().skip(pager.offset()).limit(pageSize).map(event -> row(event, rings)).toList();
        views.render(request, response, "Veranstaltungen", "events", new ListModel(rows, pager, mayCreateAny(request),
                version));
    }

    private void show(HttpServletRequest request, HttpServletResponse response, int id) throws IOException {
        Optional<Event> found = store.byId(id);
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Event event = found.get();
        if (!event.isPublic() && !access.require(request, response, access.maySeeRing(request, event.ringId()))) {
            return;
        }
        views.render(request, response, event.title(), "event", new Detail(row(event, ringChoice.all()),
                List.of(event.agenda().split("\\R")), version));
    }

    private void calendar(HttpServletResponse response, String ringId) throws IOException {
        List<Event> events = store.calendar(ringId, LocalDate.now(GermanDates.BERLIN).minusDays(90).atStartOfDay());
        String name = config.calendarName() + (ringId == null ? ""
                : " (" + RingChoice.name(ringChoice.all(), ringId) + ")");
        byte[] body = ICalendar.write(name, "ringportal", events, Instant.now()).getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/calendar; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\""
                + (ringId == null ? "veranstaltungen-oeffentlich" : "veranstaltungen-ring-" + ringId) + ".ics\"");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * The form; {@code rings} present: the audience is a choice of the rings the viewer may add events for, else
     * (rings module not running) a text field for the ring's id.
     */
    private void form(HttpServletRequest request, HttpServletResponse response, EventForm form,
            Map<String, String> errors, int status, Optional<List<RingChoice.Ring>> rings) throws IOException {
        response.setStatus(status);
        List<ErrorLink> links = new ArrayList<>();
        errors.forEach((field, message) -> links.add(new ErrorLink("feld-" + field, message)));
        List<RingOption> options = rings.orElse(List.of()).stream()
                .filter(ring -> access.mayModerateRing(request, ring.id()))
                .map(ring -> new RingOption(ring.id(), ring.name(), ring.id().equals(form.ring()))).toList();
        views.render(request, response, "Veranstaltung eintragen", "event-form",
                new FormModel(form, errors, links, access.mayEditPublicContent(request), rings.isPresent(), options));
    }

    private boolean mayCreateAny(HttpServletRequest request) {
        Viewer viewer = access.viewer(request);
        return access.mayEditPublicContent(request) || viewer.has(Role.RINGMODERATION);
    }

    private boolean mayCreate(HttpServletRequest request, String ringId) {
        return ringId == null ? access.mayEditPublicContent(request) : access.mayModerateRing(request, ringId);
    }

    static Row row(Event event, Optional<List<RingChoice.Ring>> rings) {
        String when = SHOWN.format(event.startsAt()) + " bis "
                + (event.endsAt().toLocalDate().equals(event.startsAt().toLocalDate()) ? SHOWN_TIME.format(event.endsAt())
                        : SHOWN.format(event.endsAt()));
        return new Row(event.id(), event.title(), when, event.startsAt().toString(), event.place(),
                event.isPublic() ? "öffentlich" : RingChoice.name(rings, event.ringId()));
    }

    /** One event in the list. */
    public record Row(int id, String title, String when, String machineTime, String place, String audience) {
    }

    public record ListModel(List<Row> rows, Pager pager, boolean mayCreate, String version) {

        public boolean hasRows() {
            return !rows.isEmpty();
        }
    }

    public record Detail(Row event, List<String> agenda, String version) {
    }

    public record ErrorLink(String target, String message) {
    }

    /** A ring in the audience select. */
    public record RingOption(String id, String name, boolean selected) {
    }

    public record FormModel(EventForm form, Map<String, String> errors, List<ErrorLink> errorLinks,
            boolean mayPublish, boolean ringsAvailable, List<RingOption> ringOptions) {

        public boolean hasErrors() {
            return !errorLinks.isEmpty();
        }
    }
}
