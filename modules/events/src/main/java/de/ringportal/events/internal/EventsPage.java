package de.ringportal.events.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import de.ringportal.core.api.Views;
import de.ringportal.core.format.GermanDates;
import de.ringportal.core.forms.Fields;
import de.ringportal.core.forms.FormErrors;
import de.ringportal.core.pages.Exchange;
import de.ringportal.core.pages.Guard;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The calendar of Ringtreffen and project events: the coming events the visitor may see (public ones and those of
 * rings the visitor may see), one event, the form for the Redaktion and ring moderators, and iCalendar exports.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/veranstaltungen/*")
@MenuEntry(label = "Veranstaltungen", path = "/veranstaltungen", order = 40)
@Designate(ocd = EventsPage.Config.class)
public class EventsPage extends RoutedServlet {

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

    private final transient EventStore store;
    private final transient RingChoice rings;
    private final String version;
    private transient volatile Config config;

    @Activate
    public EventsPage(BundleContext context, @Reference Access access, @Reference Views views,
            @Reference EventStore store, @Reference RingChoice rings, Config config) {
        super(access, views);
        this.store = store;
        this.rings = rings;
        this.version = context.getBundle().getVersion().toString();
        this.config = config;
    }

    @Modified
    void modified(Config changed) {
        this.config = changed;
    }

    @Override
    protected Routes routes() {
        Guard mayAdd = (request, path) -> mayAdd(request);
        return Routes.builder()
                .get("/", this::list)
                .get("/{id:int}", this::show)
                .get("/neu", mayAdd, x -> form(x, EventForm.EMPTY, new FormErrors()))
                .post("/neu", mayAdd, this::add)
                .get("/oeffentlich.ics", x -> calendar(x, null))
                .get("/ring/{ring:word}.ics", (request, path) -> access().maySeeRing(request, path.text("ring")),
                        x -> calendar(x, x.path().text("ring")))
                .build();
    }

    private void list(Exchange x) throws IOException {
        int size = Math.max(1, config.pageSize());
        List<Event> visible = store.upcoming(today(), 5000).stream().filter(e -> maySee(x.request(), e)).toList();
        Pager pager = Pager.of(x.parameter(Pager.PARAMETER), visible.size(), size, "/veranstaltungen?");
        Optional<List<RingChoice.Ring>> known = rings.all();
        List<Row> rows = visible.stream().skip(pager.offset()).limit(size).map(e -> Row.of(e, known)).toList();
        x.render("Veranstaltungen", "events", new ListPage(rows, pager, mayAdd(x.request()), version));
    }

    private void show(Exchange x) throws IOException {
        Event event = store.byId(x.path().integer("id")).orElse(null);
        if (event == null) {
            x.notFound();
        } else if (x.require(maySee(x.request(), event))) {
            x.render(event.title(), "event", new DetailPage(Row.of(event, rings.all()),
                    List.of(event.agenda().split("\\R")), version));
        }
    }

    private void add(Exchange x) throws IOException {
        FormErrors errors = new FormErrors();
        EventForm form = EventForm.of(Fields.of(x.request(), errors));
        if (!errors.hasErrors()) {
            rings.refusal(access(), x.request(), form.ringId()).ifPresent(why -> errors.add("ring", why));
        }
        try {
            if (!errors.hasErrors()) {
                x.seeOther("/veranstaltungen/" + store.add(form.event(), x.viewer().userName()));
                return;
            }
        } catch (StoreBusyException busy) {
            errors.add("titel", StoreBusyException.MESSAGE).status(503); // nothing stored: send the form again
        }
        form(x, form, errors);
    }

    /** The audience is a choice of rings, or a ring's id as text while the rings module is not running. */
    private void form(Exchange x, EventForm form, FormErrors errors) throws IOException {
        Optional<List<RingChoice.Ring>> known = rings.all();
        List<RingOption> options = known.orElse(List.of()).stream()
                .filter(ring -> access().mayModerateRing(x.request(), ring.id()))
                .map(ring -> new RingOption(ring.id(), ring.name(), ring.id().equals(form.ring()))).toList();
        x.render(errors, "Veranstaltung eintragen", "event-form", new FormPage(form, errors.byField(),
                errors.summary(), access().mayEditPublicContent(x.request()), known.isPresent(), options));
    }

    private void calendar(Exchange x, String ringId) throws IOException {
        String name = config.calendarName() + (ringId == null ? "" : " (" + RingChoice.name(rings.all(), ringId) + ")");
        byte[] body = ICalendar.write(name, "ringportal", store.calendar(ringId, today().minusDays(90)), Instant.now())
                .getBytes(StandardCharsets.UTF_8);
        x.response().setContentType("text/calendar; charset=UTF-8");
        x.response().setHeader("Content-Disposition", "attachment; filename=\"veranstaltungen-"
                + (ringId == null ? "oeffentlich" : "ring-" + ringId) + ".ics\"");
        x.response().setContentLength(body.length);
        x.response().getOutputStream().write(body);
    }

    private boolean mayAdd(HttpServletRequest request) {
        return access().mayEditPublicContent(request) || access().viewer(request).has(Role.RINGMODERATION);
    }

    private boolean maySee(HttpServletRequest request, Event event) {
        return event.isPublic() || access().maySeeRing(request, event.ringId());
    }

    private static LocalDateTime today() {
        return GermanDates.today(Clock.systemUTC()).atStartOfDay();
    }

    /** One event as the list and its page show it. */
    public record Row(int id, String title, String when, String machineTime, String place, String audience) {
        static Row of(Event event, Optional<List<RingChoice.Ring>> known) {
            LocalDateTime start = event.startsAt();
            LocalDateTime end = event.endsAt();
            String until = end.toLocalDate().equals(start.toLocalDate()) ? GermanDates.time(end.toLocalTime())
                    : GermanDates.weekdayDateTime(end);
            return new Row(event.id(), event.title(), GermanDates.weekdayDateTime(start) + " bis " + until,
                    start.toString(), event.place(), event.isPublic() ? "öffentlich" : RingChoice.name(known,
                            event.ringId()));
        }
    }

    public record ListPage(List<Row> rows, Pager pager, boolean mayCreate, String version) {
        public boolean hasRows() {
            return !rows.isEmpty();
        }
    }

    public record DetailPage(Row event, List<String> agenda, String version) {}

    public record RingOption(String id, String name, boolean selected) {}

    public record FormPage(EventForm form, Map<String, String> errors, FormErrors.Summary summary,
            boolean mayPublish, boolean ringsAvailable, List<RingOption> ringOptions) {}
}
