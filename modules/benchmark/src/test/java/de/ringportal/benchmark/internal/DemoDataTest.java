package de.ringportal.benchmark.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.junit.runner.RunWith;

import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;

@RunWith(BothDatabases.class)
public class DemoDataTest {

    private final KeyFigureStore store = new KeyFigureStore(TestDatabase.migrated(KeyFigureStore.class, "benchmark"));

    /**
     * A ring member the bundled 2012 list does not know (Landkreis Göttingen, 03159, since November 2016) gets
     * synthetic values for the demo years it is active in; municipalities with values of a year keep them.
     */
    @Test
    public void registry_municipalities_without_values_get_the_missing_years_only() {
        List<Figure> figures = store.figures();
        store.importRows(DemoData.generate(figures, List.of("08426"), 2016, 2025), DemoData.USER, true);
        store.save("08426", List.of(new KeyFigureStore.Change("SGB2Q", "2026", null, null, 5.5, null)), "anna",
                "form");
        assertEquals(2016, store.syntheticYears().orElseThrow()[0]);
        assertEquals(2025, store.syntheticYears().orElseThrow()[1]);
        Map<Integer, Set<String>> existing = store.municipalitiesByYear();
        assertEquals(Set.of("08426"), existing.get(2016));
        assertEquals(Set.of("08426"), existing.get(2026));

        Map<Integer, List<String>> active = Map.of(2016, List.of("03152", "08426"), 2017, List.of("03159", "08426"),
                2025, List.of("03159", "08426"));
        List<KeyFigureStore.ImportRow> rows = DemoData.missing(figures, active, existing, 2016, 2025);

        assertEquals(3 * figures.size(), rows.size());
        assertTrue(rows.stream().noneMatch(row -> row.ags().equals("08426")));
        List<KeyFigureStore.ImportRow> goettingen = DemoData.generate(figures, List.of("03159"), 2016, 2025);
        for (KeyFigureStore.ImportRow row : rows) {
            int year = Periods.yearOf(row.change().period());
            assertTrue(row.ags() + " " + year, row.ags().equals("03152") ? year == 2016 : year == 2017 || year == 2025);
            if (row.ags().equals("03159")) {
                assertTrue("the same value as the full series: " + row, goettingen.contains(row));
            }
        }
        assertEquals(3 * figures.size(), store.importRows(rows, DemoData.USER, true));
        assertEquals(Set.of("03152", "08426"), store.municipalitiesByYear().get(2016));
        assertTrue(DemoData.missing(figures, active, store.municipalitiesByYear(), 2016, 2025).isEmpty());
    }
}
