package de.ringportal.core.internal;

import java.util.List;
import java.util.Map;

import de.ringportal.core.api.MenuEntry;

/**
 * One menu entry as read from a contributing service's properties.
 *
 * @param roles roles that see the entry; empty means everyone
 */
public record MenuItem(String label, String path, int order, String area, List<String> roles) {

    static final String LABEL = MenuEntry.PREFIX_ + "label";
    static final String PATH = MenuEntry.PREFIX_ + "path";
    static final String ORDER = MenuEntry.PREFIX_ + "order";
    static final String AREA = MenuEntry.PREFIX_ + "area";
    static final String ROLE = MenuEntry.PREFIX_ + "role";

    /** Reads an entry from service properties; returns null when label or path is missing or the path is not local. */
    static MenuItem fromProperties(Map<String, Object> properties) {
        Object label = properties.get(LABEL);
        Object path = properties.get(PATH);
        if (!(label instanceof String l) || l.isBlank() || !(path instanceof String p) || !isLocalPath(p)) {
            return null;
        }
        Object area = properties.get(AREA);
        return new MenuItem(l, p, toInt(properties.get(ORDER)), area instanceof String a ? a : MenuEntry.MAIN,
                toStrings(properties.get(ROLE)));
    }

    /** A menu may only link within the site: "/x", never "//host" or "http:". */
    static boolean isLocalPath(String path) {
        return path.startsWith("/") && !path.startsWith("//") && !path.contains("\\");
    }

    private static int toInt(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                return 100;
            }
        }
        return 100;
    }

    private static List<String> toStrings(Object value) {
        if (value instanceof String s) {
            return s.isEmpty() ? List.of() : List.of(s);
        }
        if (value instanceof String[] a) {
            return List.of(a);
        }
        return List.of();
    }
}
