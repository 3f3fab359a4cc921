package de.ringportal.municipalities.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.Pager;
import de.ringportal.core.api.RingMemberships;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public pages of the registry: {@code /kommunen} (list with filters, order, paging and the computed story of
 * the count), {@code /kommunen/karte} (the map) and {@code /kommunen/{AGS}} (one unit). Ring membership comes from
 * the rings module's {@link RingMemberships} when it runs; without it the pages say so and show everything else.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/kommunen/*")
@MenuEntry(label = "Kommunen", path = "/kommunen", order = 20)
public class MunicipalityPages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 50;
    private static final Pattern AGS = Pattern.compile("/([0-9]{5})/?");
    /** The rings compared the Optionskommunen from 2006 on. */
    static final int FIRST_RING_YEAR = 2006;

    private final transient Registry registry;
    private final transient SvgMap map;
    private final transient Views views;
    private final transient RingChanges ringChanges;
    private final transient Population population = Population.bundled();
    private final transient RingIndex ringIndex = new RingIndex();
    private transient volatile CachedStory story;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RingMemberships rings;

    @Activate
    public MunicipalityPages(@Reference Registry registry, @Reference SvgMap map, @Reference Views views,
            @Reference RingChanges ringChanges) {
        this.registry = registry;
        this.map = map;
        this.views = views;
        this.ringChanges = ringChanges;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (path.isEmpty() || path.equals("/")) {
            list(request, response);
        } else if (path.equals("/karte")) {
            mapPage(request, response);
        } else {
            Matcher matcher = AGS.matcher(path);
            Optional<Entry> entry = matcher.matches() ? registry.entry(matcher.group(1)) : Optional.empty();
            if (entry.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            detail(request, response, entry.get());
        }
    }

    // ---------------------------------------------------------------------------------------------- the list

    /** One row of the list. */
    public record Row(String ags, String name, String type, String state, String admitted, String status,
            String population, String rings) {
    }

    /** A choice of a filter's select. */
    public record Option(String value, String label, boolean selected) {
    }

    /** A column head: its label, the link that sorts by it, and aria-sort when it is the current order. */
    public record Column(String label, String link, String ariaSort, String hint) {
    }

    /** What the list template renders. */
    public record ListModel(List<Option> states, List<Option> types, List<Option> years, List<Option> rings,
            List<Option> statuses, boolean ringsAvailable, int ringYear, String countLine, List<Column> columns,
            List<Row> rows, Pager pager, Story story, String populationSource) {

        public boolean hasRows() {
            return !rows.isEmpty();
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Registry.Snapshot snapshot = registry.snapshot();
        RingMemberships ringSource = rings;
        int ringYear = Year.now().getValue();
        Map<String, Set<String>> ringsOf = ringIndex.of(ringSource, snapshot, ringChanges.generation(),
                ringYear);
        Map<String, String> ringNames = new HashMap<>();
        Function<String, String> ringName = id -> ringNames.computeIfAbsent(id, key -> RingIndex.name(ringSource, key));
        List<String> ringIds = RingIndex.ids(ringsOf);
        Set<String> years = new TreeSet<>();
        snapshot.all().forEach(e -> years.add(e.admittedYear() == null ? ListQuery.UNKNOWN_YEAR
                : e.admittedYear().toString()));
        ListQuery query = ListQuery.of(request::getParameter, years, Set.copyOf(ringIds));

        List<Entry> matching = snapshot.all().stream()
                .filter(query.filter(ags -> ringsOf.getOrDefault(ags, Set.of())))
                .sorted(query.order(ags -> population.of(ags).map(Population.Figures::population).orElse(null),
                        snapshot.rank()::get))
                .toList();
        Pager pager = Pager.of(request.getParameter("seite"), matching.size(), PAGE_SIZE, query.link(Map.of()));
        List<Row> rows = new ArrayList<>();
        for (Entry e : matching.subList(pager.offset(), Math.min(matching.size(), pager.offset() + PAGE_SIZE))) {
            rows.add(new Row(e.ags(), e.name(), e.type(), e.state(), Texts.orUnknown(e.admittedYear()),
                    status(e, snapshot), population.of(e.ags()).map(f -> Texts.number(f.population())).orElse("–"),
                    ringSource == null ? null : ringsOf.getOrDefault(e.ags(), Set.of()).stream()
                            .sorted(RingIndex::compareIds).map(ringName).collect(Collectors.joining(", "))));
        }
        long active = snapshot.all().stream().filter(e -> !e.merged()).count();
        String countLine = (query.filtered() ? matching.size() + " von " + snapshot.all().size() + " Einträgen passen "
                + "zu den Filtern. " : snapshot.all().size() + " Einträge. ")
                + "Im Verzeichnis insgesamt: " + active + " bestehende und " + (snapshot.all().size() - active)
                + " durch Gebietsreformen aufgelöste Kreise.";

        ListModel model = new ListModel(
                options(RegistryCsv.STATES, query.state()),
                options(List.of("Landkreis", "Kreisfreie Stadt"), query.type()),
                options(List.copyOf(years), query.year()),
                ringIds.stream().map(id -> new Option(id, ringName.apply(id), id.equals(query.ring()))).toList(),
                List.of(new Option("aktiv", "bestehend", "aktiv".equals(query.status())),
                        new Option("aufgeloest", "aufgelöst (fusioniert)", "aufgeloest".equals(query.status()))),
                ringSource != null, ringYear, countLine, columns(query), rows, pager,
                story(snapshot), Population.SOURCE);
        views.render(request, response, "Kommunen", "list", model);
    }

    /** The story of the count, computed once per registry version and day. */
    private Story story(Registry.Snapshot snapshot) {
        LocalDate today = LocalDate.now();
        CachedStory cached = story;
        if (cached == null || cached.version() != snapshot.version() || !cached.day().equals(today)) {
            cached = new CachedStory(snapshot.version(), today, Story.of(new AdmissionHistory(snapshot.all()), today));
            story = cached;
        }
        return cached.story();
    }

    private record CachedStory(long version, LocalDate day, Story story) {
    }

    private static List<Option> options(List<String> values, String selected) {
        return values.stream().map(v -> new Option(v, v, v.equals(selected))).toList();
    }

    private static List<Column> columns(ListQuery query) {
        String[][] heads = { { "name", "Name" }, { "ags", "Kreisschlüssel" }, { "art", "Art" }, { "land", "Land" },
                { "jahr", "Zulassung" }, { "einwohner", "Einwohner 2018" } };
        List<Column> columns = new ArrayList<>();
        for (String[] head : heads) {
            boolean current = head[0].equals(query.sort());
            boolean nextDescending = current && !query.descending();
            String link = query.link(Map.of("sortierung", head[0], "richtung", nextDescending ? "ab" : "auf"));
            String ariaSort = current ? query.descending() ? "descending" : "ascending" : null;
            String hint = current ? query.descending() ? "absteigend sortiert" : "aufsteigend sortiert" : "sortieren";
            columns.add(new Column(head[1], link.substring(0, link.length() - 1), ariaSort, hint));
        }
        return columns;
    }

    private static String status(Entry e, Registry.Snapshot snapshot) {
        if (!e.merged()) {
            return "bestehend";
        }
        String successor = e.successorAgs() == null ? null
                : snapshot.byAgs().containsKey(e.successorAgs()) ? snapshot.byAgs().get(e.successorAgs()).name()
                        : "Kreis " + e.successorAgs();
        return "aufgelöst am " + Texts.day(e.until().plusDays(1)) + (successor == null ? "" : ", heute " + successor);
    }

    // ---------------------------------------------------------------------------------------------- the story

    /** The computed story "69 → 67 → 108" with its table by date. */
    public record Story(String headline, List<StepRow> steps, String unrecordedNote, long listed2012,
            Long unknownAdmission) {

        static Story of(AdmissionHistory history, LocalDate today) {
            List<AdmissionHistory.Step> steps = history.steps();
            List<Integer> milestones = new ArrayList<>();
            boolean first = true;
            for (AdmissionHistory.Step step : steps) {
                if (step.admitted().isEmpty()) {
                    continue;
                }
                if (!first) {
                    milestones.add(history.on(step.day().minusDays(1)).total());
                }
                milestones.add(step.count().total());
                first = false;
            }
            milestones.add(history.on(today).total());
            List<String> headline = new ArrayList<>();
            for (Integer value : milestones) {
                if (headline.isEmpty() || !headline.get(headline.size() - 1).equals(value.toString())) {
                    headline.add(value.toString());
                }
            }
            List<StepRow> rows = steps.stream().map(StepRow::of).toList();
            List<Entry> standIns = history.unrecordedPredecessors();
            String note = standIns.isEmpty() ? null : "Nicht namentlich erfasst: " + (standIns.size() == 1
                    ? "eine Zulassung, für die ein Nachfolgekreis steht" : standIns.size() + " Zulassungen, für die je "
                            + "ein Nachfolgekreis steht") + ". Er gilt als seit seinem Zulassungsjahr zugelassen, sein "
                    + "zugelassener Vorgänger ist im Verzeichnis aber nicht eingetragen: " + standIns.stream()
                            .map(e -> e.name() + (e.areaNote() == null ? "" : " (" + e.areaNote() + ")"))
                            .collect(Collectors.joining("; ")) + ". Bis zur Bildung des Nachfolgers ist diese Zulassung "
                    + "in der Anzahl enthalten und so gekennzeichnet.";
            return new Story(String.join(" → ", headline), rows, note, history.listedIn2012(),
                    history.unknownAdmission() == 0 ? null : history.unknownAdmission());
        }
    }

    /** One row of the story's table. */
    public record StepRow(String day, String admitted, String ended, String formed, String change, String count,
            String unrecorded) {

        static StepRow of(AdmissionHistory.Step step) {
            return new StepRow(Texts.day(step.day()), describe(step.admitted()), describe(step.ended()),
                    describe(step.formed()), (step.change() > 0 ? "+" : step.change() < 0 ? "−" : "±")
                            + Math.abs(step.change()),
                    Integer.toString(step.count().total()),
                    step.count().unrecorded() == 0 ? null : "davon " + step.count().unrecorded() + " nicht namentlich "
                            + "erfasst");
        }

        private static String describe(List<Entry> entries) {
            if (entries.isEmpty()) {
                return "–";
            }
            if (entries.size() > 6) {
                return Integer.toString(entries.size());
            }
            return entries.size() + " (" + entries.stream().map(Entry::name).collect(Collectors.joining(", ")) + ")";
        }
    }

    // ---------------------------------------------------------------------------------------------- the map

    /** What the map template renders. */
    public record MapModel(String svg, long original, long later, String story, String listLink) {
    }

    private void mapPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Registry.Snapshot snapshot = registry.snapshot();
        long original = snapshot.all().stream().filter(e -> e.admittedYear() != null && e.admittedYear() < 2012)
                .count();
        long later = snapshot.all().stream().filter(e -> e.admittedYear() != null && e.admittedYear() >= 2012).count();
        views.render(request, response, "Karte der Optionskommunen", "map", new MapModel(map.overview(), original,
                later, story(snapshot).headline(), "/kommunen"));
    }

    // ---------------------------------------------------------------------------------------------- one unit

    /** A fact of the detail page. */
    public record Fact(String label, String value, String link, String linkText) {

        Fact(String label, String value) {
            this(label, value, null, null);
        }
    }

    /** A year's ring membership. */
    public record RingYear(int year, List<RingLink> rings) {
    }

    /** A ring, linked to the rings module's page of it. */
    public record RingLink(String href, String label) {
    }

    /** An event of the unit's history. */
    public record Event(String day, String text, String link, String linkText) {
    }

    /** What the detail template renders. */
    public record DetailModel(String ags, List<Fact> facts, String areaNote, String formerNames, String evidence,
            String source, boolean ringsAvailable, List<RingYear> ringYears, List<Event> history,
            List<Registry.Change> changes, Population.Figures figures, String figuresOf, String area,
            String populationText, String density, String populationSource, String svg) {

        public boolean hasHistory() {
            return !history.isEmpty();
        }

        public boolean hasRingYears() {
            return !ringYears.isEmpty();
        }
    }

    private void detail(HttpServletRequest request, HttpServletResponse response, Entry e) throws IOException {
        Registry.Snapshot snapshot = registry.snapshot();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Kreisschlüssel (AGS)", e.ags()));
        facts.add(new Fact("Art", e.type()));
        facts.add(new Fact("Land", e.state()));
        facts.add(new Fact("Zugelassener kommunaler Träger seit", e.admittedYear() == null ? Texts.UNKNOWN
                : "1.1." + e.admittedYear()));
        facts.add(new Fact("In der Anlage der Kommunalträger-Zulassungsverordnung (Stand 1.1.2012)",
                Texts.listed(e.komtrzv2012())));
        facts.add(new Fact("Besteht", e.since() == null ? "bereits am 1.1.2005 (oder früher)"
                : "seit " + Texts.day(e.since())));
        if (e.merged()) {
            Entry successor = e.successorAgs() == null ? null : snapshot.byAgs().get(e.successorAgs());
            facts.add(new Fact("Aufgelöst", "mit Ablauf des " + Texts.day(e.until()) + (e.successorAgs() == null ? ""
                    : successor == null ? ", aufgegangen im Kreis " + e.successorAgs() + " (nicht im Verzeichnis)"
                            : ", aufgegangen in:"), successor == null ? null : "/kommunen/" + successor.ags(),
                    successor == null ? null : successor.name()));
        }

        List<Event> history = new ArrayList<>();
        for (Entry predecessor : registry.predecessorsOf(e.ags())) {
            history.add(new Event(Texts.day(predecessor.until().plusDays(1)), "Aufgenommen:",
                    "/kommunen/" + predecessor.ags(), predecessor.name()));
        }
        if (e.since() != null) {
            history.add(new Event(Texts.day(e.since()), "Gebildet" + (registry.predecessorsOf(e.ags()).isEmpty()
                    ? "; zugelassene Vorgänger sind im Verzeichnis nicht eingetragen" : ""), null, null));
        }
        if (e.merged()) {
            Entry successor = e.successorAgs() == null ? null : snapshot.byAgs().get(e.successorAgs());
            history.add(new Event(Texts.day(e.until().plusDays(1)), "Aufgegangen in" + (successor == null
                    ? " Kreis " + Texts.orUnknown(e.successorAgs()) : ":"), successor == null ? null
                            : "/kommunen/" + successor.ags(), successor == null ? null : successor.name()));
        }
        if (e.formerNames() != null) {
            history.add(new Event("", "Frühere Namen: " + e.formerNames(), null, null));
        }

        List<RingYear> ringYears = new ArrayList<>();
        RingMemberships ringSource = rings;
        if (ringSource != null) {
            int last = Year.now().getValue();
            for (int year = FIRST_RING_YEAR; year <= last; year++) {
                Set<String> of = ringSource.ringsOf(e.ags(), year);
                if (of != null && !of.isEmpty()) {
                    ringYears.add(new RingYear(year, of.stream().sorted(RingIndex::compareIds)
                            .map(id -> new RingLink("/ringe/" + URLEncoder.encode(id, StandardCharsets.UTF_8),
                                    RingIndex.name(ringSource, id))).toList()));
                }
            }
        }

        // a merged unit has no figures of its own in 2018: show those of the Kreis it became part of
        String figuresAgs = e.ags();
        String figuresOf = null;
        if (population.of(e.ags()).isEmpty() && e.successorAgs() != null) {
            figuresAgs = MapDrawing.drawnAs(e.ags(), snapshot.byAgs(), population::has);
            figuresOf = figuresAgs == null ? null : population.of(figuresAgs).map(Population.Figures::name)
                    .orElse(null);
        }
        Population.Figures figures = figuresAgs == null ? null : population.of(figuresAgs).orElse(null);
        Set<String> highlighted = new LinkedHashSet<>(List.of(e.ags()));
        String svg = map.svg("Lage: " + e.name(), highlighted);
        views.render(request, response, e.name(), "detail", new DetailModel(e.ags(), facts, e.areaNote(),
                e.formerNames(), Texts.evidence(e.evidence()), e.source() == null ? Texts.UNKNOWN : e.source(),
                ringSource != null, ringYears, history, registry.changes(e.ags()), figures, figuresOf,
                figures == null ? null : figures.areaKm2().toPlainString().replace('.', ',') + " km²",
                figures == null ? null : Texts.number(figures.population()),
                figures == null ? null : Texts.number(figures.perKm2()) + " je km²", Population.SOURCE, svg));
    }
}
