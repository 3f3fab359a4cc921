package de.ringportal.benchmark.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import de.ringportal.benchmark.internal.Figure.Better;
import de.ringportal.benchmark.internal.Figure.Kind;
import de.ringportal.benchmark.internal.Figure.Periodicity;

public class ChartsTest {

    static final Figure K2 = new Figure("K2", "Integrationsquote", "Integration", "Integrationen", "Bestand", "%",
            Better.HIGHER, Periodicity.MONTHLY, "Quelle", Kind.RATIO, 100, 0, 100, 10);

    private static StoredValue released(String ags, double value) {
        return new StoredValue(ags, "K2", "2024-12", null, null, value, null, true, "x", false, "x",
                java.time.Instant.EPOCH);
    }

    /** The ring bar chart of a fixed comparison, compared whole with the golden file beside the tests. */
    @Test
    public void ring_bar_chart_matches_the_golden_file() throws IOException {
        Map<String, String> names = Map.of("08426", "Landkreis Biberach", "08435", "Bodenseekreis", "08236",
                "Enzkreis", "08118", "Landkreis Ludwigsburg & <Co>");
        RingComparison comparison = RingComparison.of(K2, "2024-12", List.of("08118", "08236", "08426", "08435"),
                Map.of("08118", released("08118", 31.5), "08236", released("08236", 22.25), "08426",
                        released("08426", 27.0)),
                names::get, "08426");
        List<Charts.Bar> bars = comparison.rows().stream().filter(row -> row.value() != null)
                .map(row -> new Charts.Bar(row.name(), row.value(), row.own(), row.best())).toList();

        String svg = Charts.bars("balken-K2", "K2 Integrationsquote, Dezember 2024",
                "Balkendiagramm der freigegebenen Werte je Kommune.", bars, "%", comparison.median());

        assertEquals(golden("/golden/bar-chart-K2.svg"), svg);
    }

    /** Every chart is an image for assistive technology, with a title and a description, and escapes its text. */
    @Test
    public void charts_are_labelled_images_and_escape_text() {
        String svg = Charts.series("verlauf-K2", "K2 <b>", "Beschreibung & mehr",
                List.of(new Charts.Point("2023", 20.0, 21.0), new Charts.Point("2024", null, 22.5)),
                "Landkreis \"Biberach\"", 640, 260, true);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""));
        assertTrue(svg.contains("aria-labelledby=\"verlauf-K2-titel verlauf-K2-beschreibung\""));
        assertTrue(svg.contains("<title id=\"verlauf-K2-titel\">K2 &lt;b&gt;</title>"));
        assertTrue(svg.contains("Beschreibung &amp; mehr"));
        assertTrue(svg.contains("Landkreis &quot;Biberach&quot;"));
        assertFalse(svg.contains("style="));
    }

    private static String golden(String resource) throws IOException {
        try (InputStream in = ChartsTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("golden file missing: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
