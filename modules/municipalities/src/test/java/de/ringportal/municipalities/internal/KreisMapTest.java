package de.ringportal.municipalities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.BeforeClass;
import org.junit.Test;

/** The projection, the simplified outlines and the drawn SVG of the bundled Kreise. */
public class KreisMapTest {

    private static KreisMap map;
    private static Map<String, Entry> registry;

    @BeforeClass
    public static void read() {
        map = KreisMap.bundled(KreisMap.TOLERANCE);
        registry = Seed.entries().stream().collect(Collectors.toMap(Entry::ags, e -> e));
    }

    /** East–west distances shrink with the cosine of 51.2°; north is up (smaller y). */
    @Test
    public void projection_scales_longitude_and_puts_north_up() {
        double[] a = KreisMap.project(10, 51.2);
        double[] b = KreisMap.project(11, 51.2);
        double[] c = KreisMap.project(10, 52.2);
        assertEquals(Math.cos(Math.toRadians(51.2)), b[0] - a[0], 1e-12);
        assertEquals(-1.0, c[1] - a[1], 1e-12);
        // Germany is taller than wide on the map, as on any atlas page (about 1.36 : 1)
        double ratio = (double) map.height() / map.width();
        assertTrue("ratio " + ratio, ratio > 1.3 && ratio < 1.42);
    }

    /** All 401 Kreise survive simplification with an outline of their own; Flensburg is in the north-west corner. */
    @Test
    public void every_kreis_keeps_an_outline() {
        assertEquals(401, map.kreise().size());
        for (KreisMap.Kreis kreis : map.kreise()) {
            assertTrue(kreis.ags() + " has no outline", kreis.path().startsWith("M") && kreis.path().contains("z"));
        }
        KreisMap.Kreis flensburg = map.kreise().stream().filter(k -> k.ags().equals("01001")).findFirst()
                .orElseThrow();
        Matcher start = Pattern.compile("M(\\d+) ?(\\d+)").matcher(flensburg.path());
        assertTrue(start.find());
        assertTrue("x " + start.group(1), Integer.parseInt(start.group(1)) < map.width() / 2);
        assertTrue("y " + start.group(2), Integer.parseInt(start.group(2)) < map.height() / 10);
    }

    /** The overview SVG stays under 300 KB and links every admitted Kreis, merged ones through their successor. */
    @Test
    public void overview_is_small_and_links_the_optionskommunen() {
        String svg = MapDrawing.svg(map, "karte", "Karte", MapDrawing.byAdmission(map, registry));
        int bytes = svg.getBytes(StandardCharsets.UTF_8).length;
        System.out.println("KreisMapTest: overview SVG " + bytes + " bytes");
        assertTrue(bytes + " bytes", bytes < 300 * 1024);
        assertTrue(svg.contains("<a href=\"/kommunen/08426\"><title>Landkreis Biberach: ursprüngliche "
                + "Optionskommune, zugelassen 2005</title>"));
        // Mittelsachsen (14522) is not in the registry: drawn for the former Landkreis Döbeln, linked to its page
        assertTrue(svg.contains("<a href=\"/kommunen/14375\"><title>Landkreis Mittelsachsen (mit dem Gebiet von "
                + "Landkreis Döbeln)"));
        // Salzlandkreis carries Bernburg and Schönebeck
        assertTrue(svg.contains("Salzlandkreis (mit dem Gebiet von Landkreis Bernburg, Landkreis Schönebeck)"));
        long links = Pattern.compile("<a href=").matcher(svg).results().count();
        // 119 units, 15 of them merged into 12 drawn Kreise (Mecklenburg-Strelitz, Ostvorpommern and Döbeln into
        // Kreise the registry does not list): 104 units of their own + 3 successors outside the registry
        assertEquals(107, links);
    }

    /** The small maps (a unit's location, a ring's members) use coarser outlines: under 80 KB, all 401 Kreise. */
    @Test
    public void small_map_is_under_80_kb() {
        KreisMap small = KreisMap.bundled(KreisMap.SMALL_TOLERANCE);
        assertEquals(401, small.kreise().size());
        String svg = MapDrawing.svg(small, "k", "Lage", MapDrawing.highlighted(small, registry, Set.of("08426")));
        int bytes = svg.getBytes(StandardCharsets.UTF_8).length;
        System.out.println("KreisMapTest: small SVG " + bytes + " bytes");
        assertTrue(bytes + " bytes", bytes < 80 * 1024);
    }

    /** Highlighted units are filled; a hostile title is escaped. */
    @Test
    public void highlight_map_escapes_its_title() {
        String svg = MapDrawing.svg(map, "k1", "<script>alert(1)</script>",
                MapDrawing.highlighted(map, registry, Set.of("05558", "15153")));
        assertTrue(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(svg.contains("/kommunen/05558"));
        assertTrue("Bernburg drawn through the Salzlandkreis", svg.contains("<a href=\"/kommunen/15153\"><title>Salzlandkreis (mit dem Gebiet von Landkreis Bernburg)"));
        assertEquals(2, Pattern.compile("<a href=").matcher(svg).results().count());
    }
}
