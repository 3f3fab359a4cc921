package de.ringportal.benchmark.internal;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With the demo switch (framework property {@value #DEMO_PROPERTY}) only: plausible synthetic values for every
 * Optionskommune, every figure and the last {@value #YEARS} years, released and marked as synthetic everywhere they
 * are shown. Created once; a normal start never creates any. The current year stays empty, for the demo accounts to
 * enter values themselves.
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

    @Activate
    public DemoData(BundleContext context, @Reference KeyFigureStore store, @Reference Directory directory) {
        if (!Boolean.parseBoolean(context.getProperty(DEMO_PROPERTY))) {
            return;
        }
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
