package de.ringportal.municipalities.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.municipalities.api.MunicipalityMap;

/**
 * The maps, drawn once and kept until the registry changes: the overview by year of admission, and the maps other
 * modules ask for (a ring's members), the last few dozen of them.
 */
@Component(service = { MunicipalityMap.class, SvgMap.class })
public class SvgMap implements MunicipalityMap {

    private static final int KEPT = 64;

    private final Registry registry;
    private volatile KreisMap geometry;
    private volatile KreisMap small;
    private volatile Drawn overview;
    private final Map<String, Drawn> cache = new LinkedHashMap<>(KEPT, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Drawn> eldest) {
            return size() > KEPT;
        }
    };

    private record Drawn(long version, String svg) {
    }

    @Activate
    public SvgMap(@Reference Registry registry) {
        this.registry = registry;
    }

    /** The Kreise for the large map, read and simplified at the first use (under a second), then kept. */
    KreisMap geometry() {
        KreisMap current = geometry;
        if (current == null) {
            synchronized (this) {
                current = geometry;
                if (current == null) {
                    current = KreisMap.bundled(KreisMap.TOLERANCE);
                    geometry = current;
                }
            }
        }
        return current;
    }

    /** The Kreise for small maps, coarser. */
    KreisMap small() {
        KreisMap current = small;
        if (current == null) {
            synchronized (this) {
                current = small;
                if (current == null) {
                    current = KreisMap.bundled(KreisMap.SMALL_TOLERANCE);
                    small = current;
                }
            }
        }
        return current;
    }

    /** Every Optionskommune filled by the year of its admission. */
    public String overview() {
        Registry.Snapshot snapshot = registry.snapshot();
        Drawn drawn = overview;
        if (drawn == null || drawn.version() != snapshot.version()) {
            drawn = new Drawn(snapshot.version(), MapDrawing.svg(geometry(), "karte-kommunen",
                    "Karte der Optionskommunen in Deutschland nach Jahr der Zulassung",
                    MapDrawing.byAdmission(geometry(), snapshot.byAgs())));
            overview = drawn;
        }
        return drawn.svg();
    }

    @Override
    public String svg(String title, Set<String> highlighted) {
        Set<String> sorted = new TreeSet<>(highlighted);
        String key = title + "\u0000" + String.join(",", sorted);
        String id = "karte-" + Integer.toHexString(key.hashCode());
        return cached(key, snapshot -> MapDrawing.svg(small(), id, title,
                MapDrawing.highlighted(small(), snapshot.byAgs(), sorted)));
    }

    @Override
    public String outlines(String id) {
        MapDrawing.checkId(id);
        return cached("outlines\u0000" + id, snapshot -> MapDrawing.outlines(small(), id));
    }

    @Override
    public String svgOnOutlines(String outlinesId, String id, String title, Set<String> highlighted) {
        MapDrawing.checkId(outlinesId);
        MapDrawing.checkId(id);
        Set<String> sorted = new TreeSet<>(highlighted);
        String key = "on\u0000" + outlinesId + "\u0000" + id + "\u0000" + title + "\u0000" + String.join(",", sorted);
        return cached(key, snapshot -> MapDrawing.svgOnOutlines(small(), outlinesId, id, title,
                MapDrawing.highlighted(small(), snapshot.byAgs(), sorted)));
    }

    /** The drawing kept under that key while the registry's data version stays, else drawn anew and kept. */
    private String cached(String key, Function<Registry.Snapshot, String> draw) {
        Registry.Snapshot snapshot = registry.snapshot();
        synchronized (cache) {
            Drawn drawn = cache.get(key);
            if (drawn != null && drawn.version() == snapshot.version()) {
                return drawn.svg();
            }
        }
        String svg = draw.apply(snapshot);
        synchronized (cache) {
            cache.put(key, new Drawn(snapshot.version(), svg));
        }
        return svg;
    }
}
