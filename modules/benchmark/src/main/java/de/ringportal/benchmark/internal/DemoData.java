package de.ringportal.benchmark.internal;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ringportal.municipalities.api.Municipalities;
import de.ringportal.municipalities.api.Municipality;

/**
 * With the demo switch (framework property {@value #DEMO_PROPERTY}) only: plausible synthetic values for every
 * Optionskommune, every figure and the last {@value #YEARS} years, released and marked as synthetic everywhere they
 * are shown. Created once; a normal start never creates any. The current year stays empty, for the demo accounts to
 * enter values themselves.
 * <p>
 * The rings module's demo data puts every municipality the registry counts as an Optionskommune on 1 January of a
 * year into a ring for that year, and the registry knows successors the bundled list of 2012 does not (Landkreis
 * Göttingen since 2016, Vorpommern-Rügen since 2014). So that every demo ring member has values, the municipalities
 * active in a demo year that have no value of that year yet get synthetic ones as soon as the registry runs; values
 * that exist, entered or synthetic, are never changed.
 */
@Component(immediate = true)
public class DemoData {

    static final String DEMO_PROPERTY = "ringportal.demo";
    static final int YEARS = 10;
    static final String USER = "demo-daten";

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    /** Typical level and spread of each figure of the seeded catalogue. */
    private static final Map<String, double[]> LEVELS = Map.ofEntries(
            Map.entry("K1", new double[] {-2, 3}), Map.entry("K1E1", new double[] {-1, 3}),
            Map.entry("K1E2", new double[] {-2.5, 3}), Map.entry("K1E3", new double[] {3, 0.8}),
            Map.entry("K1E4", new double[] {4, 0.9}), Map.entry("K2", new double[] {25, 5}),
            Map.entry("K2E1", new double[] {5, 1.5}), Map.entry("K2E2", new double[] {3, 1.2}),
            Map.entry("K2E3", new double[] {60, 7}), Map.entry("K2E4", new double[] {20, 4}),
            Map.entry("K3", new double[] {-3, 3}), Map.entry("K3E1", new double[] {15, 3.5}),
            Map.entry("K3E2", new double[] {15, 4}), Map.entry("K3E3", new double[] {1.5, 0.5}),
            Map.entry("K3E4", new double[] {2.5, 0.7}), Map.entry("SGB2Q", new double[] {6, 2.5}),
            Map.entry("BGD", new double[] {25, 9}), Map.entry("KDU", new double[] {450, 70}),
            Map.entry("AKQ", new double[] {20, 5}), Map.entry("SANQ", new double[] {3, 1}),
            Map.entry("BSU25", new double[] {75, 10}), Map.entry("BS25", new double[] {150, 20}));

    private final KeyFigureStore store;
    private final boolean demo;

    @Activate
    public DemoData(BundleContext context, @Reference KeyFigureStore store, @Reference Directory directory) {
        this.store = store;
        this.demo = Boolean.parseBoolean(context.getProperty(DEMO_PROPERTY));
        if (!demo) {
            return;
        }
        synchronized (this) {
            if (store.anySynthetic()) {
                LOG.info("Demo mode: synthetic key figure values are already there");
                return;
            }
            int lastYear = Year.now().getValue() - 1;
            List<KeyFigureStore.ImportRow> rows = generate(store.figures(), directory.optionskommunen(),
                    lastYear - YEARS + 1, lastYear);
            int written = store.importRows(rows, USER, true);
            LOG.info("Demo mode: {} synthetic key figure values created", written);
        }
    }

    /** With the registry: values for the municipalities active in a demo year that have none of that year. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindMunicipalities(Municipalities municipalities) {
        if (!demo) {
            return;
        }
        try {
            int[] years = store.syntheticYears().orElse(null);
            if (years == null) {
                return;
            }
            Map<Integer, List<String>> active = new TreeMap<>();
            for (int year = years[0]; year <= years[1]; year++) {
                active.put(year, municipalities.activeOn(LocalDate.of(year, 1, 1)).stream().map(Municipality::ags)
                        .toList());
            }
            List<KeyFigureStore.ImportRow> rows = missing(store.figures(), active, store.municipalitiesByYear(),
                    years[0], years[1]);
            if (!rows.isEmpty()) {
                int written = store.importRows(rows, USER, true);
                LOG.info("Demo mode: {} synthetic key figure values added for municipalities of the registry",
                        written);
            }
        } catch (RuntimeException e) {
            LOG.warn("Demo mode: synthetic key figure values for the registry's municipalities failed", e);
        }
    }

    void unbindMunicipalities(Municipalities municipalities) {
        // nothing to undo: demo values stay
    }

    /**
     * The synthetic values of the municipalities active in a year ({@code active}: year → AGS) that have no value
     * of that year ({@code existing}: year → AGS), each the same value {@link #generate} gives for that year.
     */
    static List<KeyFigureStore.ImportRow> missing(List<Figure> figures, Map<Integer, List<String>> active,
            Map<Integer, Set<String>> existing, int fromYear, int toYear) {
        Map<String, List<Integer>> yearsByAgs = new TreeMap<>();
        active.forEach((year, agsList) -> agsList.stream()
                .filter(ags -> !existing.getOrDefault(year, Set.of()).contains(ags))
                .forEach(ags -> yearsByAgs.computeIfAbsent(ags, a -> new ArrayList<>()).add(year)));
        List<KeyFigureStore.ImportRow> rows = new ArrayList<>();
        yearsByAgs.forEach((ags, years) -> generate(figures, List.of(ags), fromYear, toYear).stream()
                .filter(row -> years.contains(Periods.yearOf(row.change().period()))).forEach(rows::add));
        return rows;
    }


    /** Values for every municipality, figure and year: a level per municipality, a slow trend, some noise. */
    static List<KeyFigureStore.ImportRow> generate(List<Figure> figures, List<String> municipalities, int fromYear,
            int toYear) {
        List<KeyFigureStore.ImportRow> rows = new ArrayList<>();
        for (String ags : municipalities) {
            for (Figure figure : figures) {
                double[] level = LEVELS.getOrDefault(figure.code(),
                        new double[] {(figure.min() + figure.max()) / 2, (figure.max() - figure.min()) / 20});
                SplittableRandom random = new SplittableRandom((ags + figure.code()).hashCode());
                double own = level[0] + random.nextDouble(-1, 1) * level[1];
                double trend = random.nextDouble(-0.03, 0.03) * level[1];
                for (int year = fromYear; year <= toYear; year++) {
                    double value = own + trend * (year - fromYear) + random.nextDouble(-0.3, 0.3) * level[1];
                    value = Math.max(figure.min(), Math.min(figure.max(), Math.round(value * 100) / 100.0));
                    rows.add(new KeyFigureStore.ImportRow(ags, new KeyFigureStore.Change(figure.code(),
                            figure.periodOf(year), null, null, value, "synthetische Demodaten")));
                }
            }
        }
        return rows;
    }
}
