package de.ringportal.municipalities.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import de.ringportal.core.api.RingMemberships;
import de.ringportal.core.format.GermanDates;
import de.ringportal.core.pages.Exchange;

/** {@code /kommunen/{AGS}}: one unit's facts, sources, reforms, ring years, Destatis figures and its place. */
final class DetailPage {

    /** The rings compared the Optionskommunen from 2006 on. */
    static final int FIRST_RING_YEAR = 2006;

    private final Registry registry;
    private final Population population;
    private final SvgMap map;
    private final Supplier<RingMemberships> rings;
    private final Clock clock;

    DetailPage(Registry registry, Population population, SvgMap map, Supplier<RingMemberships> rings, Clock clock) {
        this.registry = registry;
        this.population = population;
        this.map = map;
        this.rings = rings;
        this.clock = clock;
    }

    /** A fact of the detail page. */
    record Fact(String label, String value, String link, String linkText) {

        Fact(String label, String value) {
            this(label, value, null, null);
        }
    }

    /** A year's ring membership. */
    record RingYear(int year, List<RingLink> rings) {
    }

    /** A ring, linked to the rings module's page of it. */
    record RingLink(String href, String label) {
    }

    /** An event of the unit's history. */
    record Event(String day, String text, String link, String linkText) {
    }

    /** What the detail template renders. */
    record DetailModel(String ags, List<Fact> facts, String areaNote, String formerNames, String evidence,
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

    void show(Exchange exchange, Entry e) throws IOException {
        Registry.Snapshot snapshot = registry.snapshot();
        Entry successor = e.successorAgs() == null ? null : snapshot.byAgs().get(e.successorAgs());
        RingMemberships ringSource = rings.get();

        // a merged unit has no figures of its own in 2018: show those of the Kreis it became part of
        String figuresAgs = e.ags();
        String figuresOf = null;
        if (population.of(e.ags()).isEmpty() && e.successorAgs() != null) {
            figuresAgs = MapDrawing.drawnAs(e.ags(), snapshot.byAgs(), population::has);
            figuresOf = figuresAgs == null ? null : population.of(figuresAgs).map(Population.Figures::name)
                    .orElse(null);
        }
        Population.Figures figures = figuresAgs == null ? null : population.of(figuresAgs).orElse(null);
        String svg = map.svg("Lage: " + e.name(), Set.of(e.ags()));
        exchange.render(e.name(), "detail", new DetailModel(e.ags(), facts(e, successor), e.areaNote(),
                e.formerNames(), Texts.evidence(e.evidence()), e.source() == null ? Texts.UNKNOWN : e.source(),
                ringSource != null, ringYears(e, ringSource), history(e, successor), registry.changes(e.ags()),
                figures, figuresOf, figures == null ? null : area(figures.areaKm2()),
                figures == null ? null : Texts.number(figures.population()),
                figures == null ? null : Texts.number(figures.perKm2()) + " je km²", Population.SOURCE, svg));
    }

    private static List<Fact> facts(Entry e, Entry successor) {
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
            facts.add(new Fact("Aufgelöst", "mit Ablauf des " + Texts.day(e.until()) + (e.successorAgs() == null ? ""
                    : successor == null ? ", aufgegangen im Kreis " + e.successorAgs() + " (nicht im Verzeichnis)"
                            : ", aufgegangen in:"), successor == null ? null : "/kommunen/" + successor.ags(),
                    successor == null ? null : successor.name()));
        }
        return facts;
    }

    private List<Event> history(Entry e, Entry successor) {
        List<Event> history = new ArrayList<>();
        List<Entry> predecessors = registry.predecessorsOf(e.ags());
        for (Entry predecessor : predecessors) {
            history.add(new Event(Texts.day(predecessor.until().plusDays(1)), "Aufgenommen:",
                    "/kommunen/" + predecessor.ags(), predecessor.name()));
        }
        if (e.since() != null) {
            history.add(new Event(Texts.day(e.since()), "Gebildet" + (predecessors.isEmpty()
                    ? "; zugelassene Vorgänger sind im Verzeichnis nicht eingetragen" : ""), null, null));
        }
        if (e.merged()) {
            history.add(new Event(Texts.day(e.until().plusDays(1)), "Aufgegangen in" + (successor == null
                    ? " Kreis " + Texts.orUnknown(e.successorAgs()) : ":"), successor == null ? null
                            : "/kommunen/" + successor.ags(), successor == null ? null : successor.name()));
        }
        if (e.formerNames() != null) {
            history.add(new Event("", "Frühere Namen: " + e.formerNames(), null, null));
        }
        return history;
    }

    private List<RingYear> ringYears(Entry e, RingMemberships ringSource) {
        List<RingYear> ringYears = new ArrayList<>();
        if (ringSource == null) {
            return ringYears;
        }
        int last = GermanDates.today(clock).getYear();
        for (int year = FIRST_RING_YEAR; year <= last; year++) {
            Set<String> of = ringSource.ringsOf(e.ags(), year);
            if (of != null && !of.isEmpty()) {
                ringYears.add(new RingYear(year, of.stream().sorted(RingIndex::compareIds)
                        .map(id -> new RingLink("/ringe/" + URLEncoder.encode(id, StandardCharsets.UTF_8),
                                RingIndex.name(ringSource, id))).toList()));
            }
        }
        return ringYears;
    }

    /** "1409,47 km²", as many decimals as the source gives. */
    private static String area(BigDecimal km2) {
        return km2.toPlainString().replace('.', ',') + " km²";
    }
}
