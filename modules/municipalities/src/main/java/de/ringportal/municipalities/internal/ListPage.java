package de.ringportal.municipalities.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import de.ringportal.core.api.Pager;
import de.ringportal.core.api.RingMemberships;
import de.ringportal.core.format.GermanDates;
import de.ringportal.core.pages.Exchange;

/** {@code /kommunen}: the list with its filters ({@link ListQuery}), order, paging and the story of the count. */
final class ListPage {

    static final int PAGE_SIZE = 50;

    private final Registry registry;
    private final Population population;
    private final RingChanges ringChanges;
    private final Supplier<RingMemberships> rings;
    private final Story.Cache story;
    private final Clock clock;
    private final RingIndex ringIndex = new RingIndex();

    ListPage(Registry registry, Population population, RingChanges ringChanges, Supplier<RingMemberships> rings,
            Story.Cache story, Clock clock) {
        this.registry = registry;
        this.population = population;
        this.ringChanges = ringChanges;
        this.rings = rings;
        this.story = story;
        this.clock = clock;
    }

    /** One row of the list. */
    record Row(String ags, String name, String type, String state, String admitted, String status,
            String population, String rings) {
    }

    /** A choice of a filter's select. */
    record Option(String value, String label, boolean selected) {
    }

    /** A column head: its label, the link that sorts by it, and aria-sort when it is the current order. */
    record Column(String label, String link, String ariaSort, String hint) {
    }

    /** What the list template renders. */
    record ListModel(List<Option> states, List<Option> types, List<Option> years, List<Option> rings,
            List<Option> statuses, boolean ringsAvailable, int ringYear, String countLine, List<Column> columns,
            List<Row> rows, Pager pager, Story story, String populationSource) {

        public boolean hasRows() {
            return !rows.isEmpty();
        }
    }

    void show(Exchange exchange) throws IOException {
        Registry.Snapshot snapshot = registry.snapshot();
        RingMemberships ringSource = rings.get();
        LocalDate today = GermanDates.today(clock);
        int ringYear = today.getYear();
        Map<String, Set<String>> ringsOf = ringIndex.of(ringSource, snapshot, ringChanges.generation(), ringYear);
        Map<String, String> ringNames = new HashMap<>();
        Function<String, String> ringName = id -> ringNames.computeIfAbsent(id, key -> RingIndex.name(ringSource, key));
        List<String> ringIds = RingIndex.ids(ringsOf);
        Set<String> years = new TreeSet<>();
        snapshot.all().forEach(e -> years.add(e.admittedYear() == null ? ListQuery.UNKNOWN_YEAR
                : e.admittedYear().toString()));
        ListQuery query = ListQuery.of(exchange.request()::getParameter, years, Set.copyOf(ringIds));

        List<Entry> matching = snapshot.all().stream()
                .filter(query.filter(ags -> ringsOf.getOrDefault(ags, Set.of())))
                .sorted(query.order(ags -> population.of(ags).map(Population.Figures::population).orElse(null),
                        snapshot.rank()::get))
                .toList();
        Pager pager = Pager.of(exchange.request().getParameter("seite"), matching.size(), PAGE_SIZE,
                query.link(Map.of()));
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
                options(RegistryColumns.STATES, query.state()),
                options(List.of("Landkreis", "Kreisfreie Stadt"), query.type()),
                options(List.copyOf(years), query.year()),
                ringIds.stream().map(id -> new Option(id, ringName.apply(id), id.equals(query.ring()))).toList(),
                List.of(new Option("aktiv", "bestehend", "aktiv".equals(query.status())),
                        new Option("aufgeloest", "aufgelöst (fusioniert)", "aufgeloest".equals(query.status()))),
                ringSource != null, ringYear, countLine, columns(query), rows, pager,
                story.of(snapshot, today), Population.SOURCE);
        exchange.render("Kommunen", "list", model);
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
}
