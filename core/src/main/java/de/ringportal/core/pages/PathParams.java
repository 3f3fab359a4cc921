package de.ringportal.core.pages;

import java.util.Map;

/**
 * The placeholders of a matched route by name: {@code /{id:int}} matched by {@code /42} gives {@code id} = "42".
 * The pattern's type has already checked the shape, so {@link #integer} never fails for an {@code int} or
 * {@code year} placeholder.
 */
public record PathParams(Map<String, String> values) {

    /** No placeholders, as for {@code /} or the check of {@link Routes.Builder#guardAll}. */
    public static final PathParams NONE = new PathParams(Map.of());

    public PathParams {
        values = Map.copyOf(values);
    }

    /** The text of a placeholder; IllegalArgumentException for a name the route does not have. */
    public String text(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("The route has no placeholder {" + name + "}");
        }
        return value;
    }

    /** The placeholder as a number (for {@code int}, {@code year} and {@code ags} placeholders). */
    public int integer(String name) {
        return Integer.parseInt(text(name));
    }
}
