package de.ringportal.municipalities.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.coverage.CoverageSimplifier;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Kreise of Germany as SVG path data: read from the bundled BKG VG5000 GeoJSON (WGS84 longitude/latitude),
 * projected onto a plane, simplified as one coverage, and written with integer coordinates. Built once; the
 * boundaries do not change at run time.
 * <p>
 * Projection: equirectangular with the longitude scaled by the cosine of Germany's middle latitude (51.2°), so that
 * a kilometre east–west and north–south have the same length in the middle of the map; at this scale the distortion
 * towards the coasts and the Alps (under 5 %) does not show. Simplification: JTS's {@link CoverageSimplifier}, which
 * simplifies each boundary shared by two Kreise once, so neighbours keep meeting without gaps or overlaps (a
 * per-polygon simplifier such as TopologyPreservingSimplifier would move the two copies of a shared edge apart).
 */
public final class KreisMap {

    public static final String FILE = "geo/kreise-vg5000-2021.geojson";
    /** Width of the drawing in SVG user units. */
    public static final int WIDTH = 1000;
    /** Germany's middle latitude, whose cosine scales the longitudes. */
    static final double MIDDLE_LATITUDE = 51.2;
    /** Simplification tolerance in SVG user units for the large map (about a tenth of a percent of the width). */
    static final double TOLERANCE = 1.2;
    /**
     * Tolerance of the small maps (a unit's location, a ring's members), shown at a third of the large map's width or
     * less: a third of the bytes (about 60 KB instead of 170 KB), the same look at that size.
     */
    static final double SMALL_TOLERANCE = 4.0;

    /** One Kreis: its key (ARS), name (GEN), kind (BEZ) and the SVG path data of its outline. */
    public record Kreis(String ags, String name, String kind, String path) {
    }

    /** The outline of a Land (the union of its Kreise), drawn thicker on top. */
    public record Land(String key, String path) {
    }

    private final List<Kreis> kreise;
    private final List<Land> laender;
    private final int height;

    private KreisMap(List<Kreis> kreise, List<Land> laender, int height) {
        this.kreise = List.copyOf(kreise);
        this.laender = List.copyOf(laender);
        this.height = height;
    }

    public List<Land> laender() {
        return laender;
    }

    public List<Kreis> kreise() {
        return kreise;
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return height;
    }

    public static KreisMap bundled(double tolerance) {
        try (InputStream in = KreisMap.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the bundle");
            }
            return read(in, tolerance);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The projection: longitude/latitude to plane coordinates (before scaling), y growing southwards. */
    static double[] project(double longitude, double latitude) {
        return new double[] { longitude * Math.cos(Math.toRadians(MIDDLE_LATITUDE)), -latitude };
    }

    static KreisMap read(InputStream geoJson, double tolerance) throws IOException {
        JsonNode features = new ObjectMapper().readTree(geoJson).path("features");
        GeometryFactory factory = new GeometryFactory();
        List<JsonNode> properties = new ArrayList<>();
        List<Geometry> projected = new ArrayList<>();
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (JsonNode feature : features) {
            JsonNode geometry = feature.path("geometry");
            List<JsonNode> polygons = new ArrayList<>();
            if ("Polygon".equals(geometry.path("type").asText())) {
                polygons.add(geometry.path("coordinates"));
            } else if ("MultiPolygon".equals(geometry.path("type").asText())) {
                geometry.path("coordinates").forEach(polygons::add);
            } else {
                continue;
            }
            List<Polygon> parts = new ArrayList<>();
            for (JsonNode polygon : polygons) {
                List<LinearRing> rings = new ArrayList<>();
                for (JsonNode ring : polygon) {
                    Coordinate[] coordinates = new Coordinate[ring.size()];
                    for (int i = 0; i < ring.size(); i++) {
                        double[] xy = project(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
                        coordinates[i] = new Coordinate(xy[0], xy[1]);
                        minX = Math.min(minX, xy[0]);
                        maxX = Math.max(maxX, xy[0]);
                        minY = Math.min(minY, xy[1]);
                        maxY = Math.max(maxY, xy[1]);
                    }
                    rings.add(factory.createLinearRing(coordinates));
                }
                parts.add(factory.createPolygon(rings.get(0), rings.subList(1, rings.size()).toArray(LinearRing[]::new)));
            }
            properties.add(feature.path("properties"));
            projected.add(parts.size() == 1 ? parts.get(0)
                    : factory.createMultiPolygon(parts.toArray(Polygon[]::new)));
        }
        double scale = WIDTH / (maxX - minX);
        double left = minX;
        double top = minY;
        for (Geometry geometry : projected) {
            geometry.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
                c.x = (c.x - left) * scale;
                c.y = (c.y - top) * scale;
            });
            geometry.geometryChanged();
        }
        Geometry[] simplified = CoverageSimplifier.simplify(projected.toArray(Geometry[]::new), tolerance);
        List<Kreis> kreise = new ArrayList<>();
        for (int i = 0; i < simplified.length; i++) {
            JsonNode p = properties.get(i);
            kreise.add(new Kreis(p.path("ARS").asText(), p.path("GEN").asText(), p.path("BEZ").asText(),
                    path(simplified[i])));
        }
        // the Länder as unions of their simplified Kreise (the first two digits of the key), so that their outlines
        // lie exactly on the Kreis boundaries
        java.util.Map<String, List<Geometry>> byLand = new java.util.TreeMap<>();
        for (int i = 0; i < simplified.length; i++) {
            byLand.computeIfAbsent(kreise.get(i).ags().substring(0, 2), k -> new ArrayList<>()).add(simplified[i]);
        }
        List<Land> laender = new ArrayList<>();
        byLand.forEach((key, parts) -> laender.add(new Land(key,
                path(CoverageUnion.union(parts.toArray(Geometry[]::new))))));
        return new KreisMap(kreise, laender, (int) Math.ceil((maxY - minY) * scale));
    }

    /** SVG path data: one subpath per ring, relative integer moves, consecutive repeats dropped. */
    static String path(Geometry geometry) {
        StringBuilder d = new StringBuilder();
        int[] pen = { 0, 0 };
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (!(geometry.getGeometryN(i) instanceof Polygon polygon)) {
                continue;
            }
            ring(polygon.getExteriorRing().getCoordinates(), d, pen);
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                ring(polygon.getInteriorRingN(h).getCoordinates(), d, pen);
            }
        }
        return d.toString();
    }

    private static void ring(Coordinate[] coordinates, StringBuilder d, int[] pen) {
        List<int[]> points = new ArrayList<>();
        for (Coordinate c : coordinates) {
            int[] point = { (int) Math.round(c.x), (int) Math.round(c.y) };
            int[] last = points.isEmpty() ? null : points.get(points.size() - 1);
            if (last == null || last[0] != point[0] || last[1] != point[1]) {
                points.add(point);
            }
        }
        if (points.size() > 1 && points.get(0)[0] == points.get(points.size() - 1)[0]
                && points.get(0)[1] == points.get(points.size() - 1)[1]) {
            points.remove(points.size() - 1);
        }
        if (points.size() < 3) {
            return;
        }
        int[] first = points.get(0);
        d.append(d.length() == 0 ? "M" : "m");
        number(d, first[0] - pen[0], true);
        number(d, first[1] - pen[1], false);
        d.append('l');
        boolean firstNumber = true;
        for (int i = 1; i < points.size(); i++) {
            number(d, points.get(i)[0] - points.get(i - 1)[0], firstNumber);
            number(d, points.get(i)[1] - points.get(i - 1)[1], false);
            firstNumber = false;
        }
        d.append('z');
        // after "z" the pen is back at the subpath's first point
        pen[0] = first[0];
        pen[1] = first[1];
    }

    /** A number with the shortest separator: none before a minus sign or right after a command letter. */
    private static void number(StringBuilder d, int value, boolean afterCommand) {
        if (!afterCommand && value >= 0) {
            d.append(' ');
        }
        d.append(value);
    }
}
