package de.ringportal.rings.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ringportal.core.format.GermanDates;
import de.ringportal.municipalities.api.Municipalities;
import de.ringportal.municipalities.api.Municipality;
import de.ringportal.rings.api.Ring;

/**
 * Demo data, only with the framework property {@value #DEMO_PROPERTY}{@code =true} (launcher {@code --demo}): every
 * Optionskommune active in a year from {@value #FIRST_DEMO_YEAR} to this year is put into a ring
 * ({@link #ringFor}, deterministic), and each ring gets demo announcements, meetings and contact persons, all marked
 * as demo. Landkreis Biberach (08426), the demo accounts' municipality, is always assigned, even while the
 * registry is not running; the other municipalities follow as soon as the registry is there. Rows that exist are
 * never changed, so real assignments win and a restart adds nothing twice.
 */
@Component(immediate = true)
public class DemoData {

    static final String DEMO_PROPERTY = "ringportal.demo";
    static final String DEMO_SOURCE = "Demo-Daten";
    static final String DEMO_MUNICIPALITY = "08426";
    static final int FIRST_DEMO_YEAR = 2006;

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final RingStore store;
    private final RingAreaStore area;
    private final boolean demo;
    private final Clock clock;

    @Activate
    public DemoData(BundleContext context, @Reference RingStore store, @Reference RingAreaStore area) {
        this(store, area, Boolean.parseBoolean(context.getProperty(DEMO_PROPERTY)), Clock.systemUTC());
    }

    DemoData(RingStore store, RingAreaStore area, boolean demo, Clock clock) {
        this.store = store;
        this.area = area;
        this.demo = demo;
        this.clock = clock;
        if (demo) {
            seed(Map.of(DEMO_MUNICIPALITY, List.of()));
        }
    }

    /** With the registry, every active Optionskommune gets its ring. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMunicipalities(Municipalities municipalities) {
        if (!demo) {
            return;
        }
        try {
            Map<String, List<Integer>> yearsByAgs = new java.util.TreeMap<>();
            for (int year = FIRST_DEMO_YEAR; year <= thisYear(); year++) {
                for (Municipality municipality : municipalities.activeOn(LocalDate.of(year, 1, 1))) {
                    yearsByAgs.computeIfAbsent(municipality.ags(), ags -> new ArrayList<>()).add(year);
                }
            }
            seed(yearsByAgs);
        } catch (RuntimeException e) {
            LOG.warn("Demo ring memberships from the municipality registry failed", e);
        }
    }

    void unbindMunicipalities(Municipalities municipalities) {
        // nothing to undo: demo rows stay
    }

    /**
     * The demo ring of a municipality: its Kreisschlüssel modulo the number of rings picks one, in ring order.
     * Landkreis Biberach (08426) lands in the sixth of seven rings.
     */
    static Ring ringFor(String ags, List<Ring> rings) {
        return rings.get(Integer.parseInt(ags) % rings.size());
    }

    /** @param yearsByAgs the years each municipality is active; an empty list means every demo year */
    private synchronized void seed(Map<String, List<Integer>> yearsByAgs) {
        List<Ring> rings = store.rings();
        if (rings.isEmpty()) {
            return;
        }
        List<RingStore.Membership> memberships = new ArrayList<>();
        yearsByAgs.forEach((ags, years) -> {
            Ring ring = ringFor(ags, rings);
            List<Integer> active = years.isEmpty() ? allDemoYears() : years;
            active.forEach(year -> memberships.add(new RingStore.Membership(ring.id(), ags, year, DEMO_SOURCE,
                    true)));
        });
        int added = store.addMissingMemberships(memberships);
        for (Ring ring : rings) {
            if (!area.hasDemoContent(ring.id())) {
                addContent(ring);
            }
            List<RingStore.Membership> members = store.memberships(ring.id(), thisYear());
            for (int i = 0; i < Math.min(3, members.size()); i++) {
                addContact(ring, members.get(i).ags(), i);
            }
            if (ringFor(DEMO_MUNICIPALITY, rings).equals(ring)) {
                addContact(ring, DEMO_MUNICIPALITY, 3);
            }
        }
        LOG.info("Demo data: {} ring memberships added", added);
    }

    private void addContent(Ring ring) {
        Instant now = clock.instant();
        area.addAnnouncement(ring.id(), "Demo: Willkommen im internen Bereich",
                "Dies ist eine Demo-Mitteilung der Ringmoderation.\n\nHier kündigt die Moderation Termine an und "
                        + "teilt Unterlagen mit. Alle Inhalte mit der Markierung „Demo“ sind erfunden.",
                "Demo Ringmoderation", now.minus(14, ChronoUnit.DAYS), true);
        area.addAnnouncement(ring.id(), "Demo: Kennzahlen für das Berichtsjahr",
                "Bitte melden Sie die Kennzahlen K1 bis K3 bis zum Monatsende.\nRückfragen an die Moderation.",
                "Demo Ringmoderation", now.minus(2, ChronoUnit.DAYS), true);
        LocalDate today = GermanDates.today(clock);
        area.addMeeting(ring.id(), today.minusMonths(3), "Demo-Tagungshaus, Raum 1",
                "1. Begrüßung\n2. Kennzahlenvergleich\n3. Verschiedenes",
                "Demo-Protokoll: Die Teilnehmenden haben die Kennzahlen verglichen und zwei Arbeitsgruppen "
                        + "gebildet.", true);
        area.addMeeting(ring.id(), today.plusMonths(2), "Demo-Kreishaus, Sitzungssaal",
                "1. Begrüßung\n2. Berichte aus den Arbeitsgruppen\n3. Termine", "", true);
    }

    private void addContact(Ring ring, String ags, int index) {
        if (area.hasDemoContact(ring.id(), ags)) {
            return;
        }
        String[][] people = { { "Erika Demo", "erika.demo" }, { "Max Demo", "max.demo" },
                { "Alex Demo", "alex.demo" }, { "Kim Demo", "kim.demo" } };
        String[] person = people[index % people.length];
        area.addContact(ring.id(), ags, person[0], "Demo-Ansprechperson SGB II",
                person[1] + "." + ags + "@example.org", "0000 " + ags, true);
    }

    private List<Integer> allDemoYears() {
        List<Integer> years = new ArrayList<>();
        for (int year = FIRST_DEMO_YEAR; year <= thisYear(); year++) {
            years.add(year);
        }
        return years;
    }

    private int thisYear() {
        return GermanDates.today(clock).getYear();
    }
}
