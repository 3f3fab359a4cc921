package de.ringportal.municipalities.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Draws the SVG of the Kreise: every Kreis outlined, the filled ones as links to their detail pages with a title.
 * Registry units that no longer exist are drawn through the Kreis of 2021 they became part of (following
 * {@code successor_ags}). Colours are presentation attributes, not CSS, so the portal's Content-Security-Policy
 * (no inline styles) leaves them alone.
 */
public final class MapDrawing {

    /** Fill of the units admitted in 2005 (the original Optionskommunen). */
    public static final String ORIGINAL = "#1d4f91";
    /** Fill of the units admitted in 2012 or later. */
    public static final String NEW = "#d4761c";
    /** Fill of Kreise that are not filled otherwise. */
    public static final String OTHER = "#e6e9ee";
    private static final String OUTLINE = "#7a8594";
    /** Presentation attributes of the Kreis outlines. */
    private static final String KREIS_LINES = "stroke=\"" + OUTLINE
            + "\" stroke-width=\"0.7\" stroke-linejoin=\"round\"";
    /** Presentation attributes of the thicker Land outlines on top. */
    private static final String LAND_LINES = "fill=\"none\" stroke=\"#3b4350\" stroke-width=\"1.6\" "
            + "stroke-linejoin=\"round\"";
    /** What the ids of shared outlines and of maps on them may be: an XML name without colons or dots. */
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    /** How one Kreis of the map is filled: colour, link and title. */
    record Fill(String colour, String href, String title) {
    }

    private MapDrawing() {
    }

    /** The Kreis of the map that holds a unit's area: itself, or the last successor, or null if none is drawn. */
    static String drawnAs(String ags, Map<String, Entry> registry, java.util.function.Predicate<String> drawn) {
        String current = ags;
        Set<String> seen = new HashSet<>();
        while (current != null && !drawn.test(current) && seen.add(current)) {
            Entry entry = registry.get(current);
            current = entry == null ? null : entry.successorAgs();
        }
        return current != null && drawn.test(current) ? current : null;
    }

    /** The overview: every admitted unit filled by the year of its admission. */
    static Map<String, Fill> byAdmission(KreisMap map, Map<String, Entry> registry) {
        Map<String, List<Entry>> units = unitsPerKreis(map, registry, registry.keySet());
        Map<String, Fill> fills = new LinkedHashMap<>();
        units.forEach((kreis, entries) -> {
            List<Entry> admitted = entries.stream().filter(e -> e.admittedYear() != null).toList();
            if (admitted.isEmpty()) {
                return;
            }
            int first = admitted.stream().mapToInt(Entry::admittedYear).min().orElseThrow();
            String years = first < 2012 ? "ursprüngliche Optionskommune, zugelassen " + first
                    : "zugelassen " + first;
            fills.put(kreis, new Fill(first < 2012 ? ORIGINAL : NEW, href(kreis, entries),
                    title(kreis, map, registry, entries) + ": " + years));
        });
        return fills;
    }

    /** The given units filled in one colour (a ring's members, say). */
    static Map<String, Fill> highlighted(KreisMap map, Map<String, Entry> registry, Set<String> highlighted) {
        Map<String, List<Entry>> units = unitsPerKreis(map, registry, highlighted);
        Map<String, Fill> fills = new LinkedHashMap<>();
        units.forEach((kreis, entries) -> fills.put(kreis, new Fill(ORIGINAL, href(kreis, entries),
                title(kreis, map, registry, entries))));
        return fills;
    }

    private static Map<String, List<Entry>> unitsPerKreis(KreisMap map, Map<String, Entry> registry,
            Set<String> wanted) {
        Set<String> drawn = new HashSet<>();
        map.kreise().forEach(k -> drawn.add(k.ags()));
        Map<String, List<Entry>> units = new LinkedHashMap<>();
        for (String ags : wanted) {
            String kreis = drawnAs(ags, registry, drawn::contains);
            if (kreis == null) {
                continue;
            }
            Entry entry = registry.get(ags);
            List<Entry> list = units.computeIfAbsent(kreis, k -> new ArrayList<>());
            if (entry != null) {
                list.add(entry);
            } else {
                // a Kreis the registry does not know, highlighted by another module: drawn, titled from the map
                list.add(new Entry(ags, null, null, null, null, null, null, null, null, null, null, null, null));
            }
        }
        return units;
    }

    /** The registry's page of the Kreis itself, else of the first unit that merged into it. */
    private static String href(String kreis, List<Entry> entries) {
        boolean known = entries.stream().anyMatch(e -> e.ags().equals(kreis) && e.name() != null);
        String target = known ? kreis : entries.stream().filter(e -> e.name() != null).map(Entry::ags).sorted()
                .findFirst().orElse(null);
        return target == null ? null : "/kommunen/" + target;
    }

    private static String title(String kreis, KreisMap map, Map<String, Entry> registry, List<Entry> entries) {
        Entry self = registry.get(kreis);
        String name = self != null ? self.name() : map.kreise().stream().filter(k -> k.ags().equals(kreis))
                .map(k -> k.kind() + " " + k.name()).findFirst().orElse(kreis);
        List<String> former = entries.stream().filter(e -> !e.ags().equals(kreis) && e.name() != null)
                .map(Entry::name).sorted().toList();
        return former.isEmpty() ? name : name + " (mit dem Gebiet von " + String.join(", ", former) + ")";
    }

    /**
     * The SVG element. {@code id} makes the title's id unique on the page; Kreise without a fill are drawn in one
     * hidden group, the filled ones as links in a group per colour.
     */
    static String svg(KreisMap map, String id, String title, Map<String, Fill> fills) {
        StringBuilder svg = new StringBuilder(200_000);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"kreis-map\" viewBox=\"0 0 ")
                .append(map.width()).append(' ').append(map.height())
                .append("\" width=\"100%\" role=\"group\" aria-labelledby=\"").append(id).append("\">")
                .append("<title id=\"").append(id).append("\">").append(escape(title)).append("</title>")
                .append("<g ").append(KREIS_LINES).append(">")
                .append("<g fill=\"").append(OTHER).append("\" aria-hidden=\"true\">");
        for (KreisMap.Kreis kreis : map.kreise()) {
            if (!fills.containsKey(kreis.ags())) {
                svg.append("<path d=\"").append(kreis.path()).append("\"/>");
            }
        }
        svg.append("</g>");
        filled(svg, map, fills);
        svg.append("</g><g ").append(LAND_LINES).append(" pointer-events=\"none\" aria-hidden=\"true\">");
        for (KreisMap.Land land : map.laender()) {
            svg.append("<path d=\"").append(land.path()).append("\"/>");
        }
        return svg.append("</g></svg>").toString();
    }

    /** The filled Kreise, as links where they have a page, in a group per colour. */
    private static void filled(StringBuilder svg, KreisMap map, Map<String, Fill> fills) {
        Map<String, List<KreisMap.Kreis>> byColour = new LinkedHashMap<>();
        for (KreisMap.Kreis kreis : map.kreise()) {
            Fill fill = fills.get(kreis.ags());
            if (fill != null) {
                byColour.computeIfAbsent(fill.colour(), c -> new ArrayList<>()).add(kreis);
            }
        }
        byColour.forEach((colour, kreise) -> {
            svg.append("<g fill=\"").append(colour).append("\">");
            for (KreisMap.Kreis kreis : kreise) {
                Fill fill = fills.get(kreis.ags());
                if (fill.href() != null) {
                    svg.append("<a href=\"").append(escape(fill.href())).append("\"><title>")
                            .append(escape(fill.title())).append("</title><path d=\"").append(kreis.path())
                            .append("\"/></a>");
                } else {
                    svg.append("<path d=\"").append(kreis.path()).append("\"><title>").append(escape(fill.title()))
                            .append("</title></path>");
                }
            }
            svg.append("</g>");
        });
    }

    /**
     * The outlines for the maps of one page to share ({@link #svgOnOutlines}): a zero-sized SVG element, hidden from
     * assistive technology, whose {@code <defs>} hold every Kreis outlined and filled grey ({@code <id>-kreise}) and
     * the Länder outlines ({@code <id>-laender}). Nothing in {@code <defs>} is drawn or focusable by itself.
     */
    static String outlines(KreisMap map, String id) {
        checkId(id);
        StringBuilder svg = new StringBuilder(80_000);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"kreis-map-outlines\" width=\"0\" height=\"0\" "
                + "aria-hidden=\"true\"><defs><g id=\"").append(id).append("-kreise\" ").append(KREIS_LINES)
                .append(" fill=\"").append(OTHER).append("\">");
        for (KreisMap.Kreis kreis : map.kreise()) {
            svg.append("<path d=\"").append(kreis.path()).append("\"/>");
        }
        svg.append("</g><g id=\"").append(id).append("-laender\" ").append(LAND_LINES).append('>');
        for (KreisMap.Land land : map.laender()) {
            svg.append("<path d=\"").append(land.path()).append("\"/>");
        }
        return svg.append("</g></defs></svg>").toString();
    }

    /**
     * A map on shared {@link #outlines}: the grey Kreise by reference, the filled ones drawn as in {@link #svg} (on top
     * of their grey copies, which they cover), the Länder outlines by reference on top, not catching the pointer.
     */
    static String svgOnOutlines(KreisMap map, String outlinesId, String id, String title, Map<String, Fill> fills) {
        checkId(outlinesId);
        checkId(id);
        StringBuilder svg = new StringBuilder(8_000);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"kreis-map\" viewBox=\"0 0 ")
                .append(map.width()).append(' ').append(map.height())
                .append("\" width=\"100%\" role=\"group\" aria-labelledby=\"").append(id).append("\">")
                .append("<title id=\"").append(id).append("\">").append(escape(title)).append("</title>")
                .append("<use href=\"#").append(outlinesId).append("-kreise\" aria-hidden=\"true\"/>")
                .append("<g ").append(KREIS_LINES).append('>');
        filled(svg, map, fills);
        return svg.append("</g><use href=\"#").append(outlinesId)
                .append("-laender\" pointer-events=\"none\" aria-hidden=\"true\"/></svg>").toString();
    }

    static void checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not an id for a map: " + id);
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
