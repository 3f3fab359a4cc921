package de.ringportal.core.pages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The route table of one {@link RoutedServlet}: which handler answers which method and path below the servlet's
 * pattern. A pattern is made of literals and placeholders {@code {name:type}}, where the type fixes the shape:
 * <ul>
 * <li>{@code int}: {@code [0-9]{1,9}}; {@code year}: {@code [0-9]{4}}; {@code ags}: {@code [0-9]{5}};</li>
 * <li>{@code slug}: {@code [a-z0-9][a-z0-9-]{0,99}}; {@code word}: {@code [A-Za-z0-9_-]{1,32}}.</li>
 * </ul>
 * A literal may follow a placeholder in the same segment ({@code /ring/{ring:word}.ics}). Missing path info is
 * {@code /}, and a trailing {@code /} of the request path is ignored ({@code /4/} is {@code /4}). A path made of
 * literals only wins over placeholders; otherwise the first route declared wins.
 */
public final class Routes {

    private static final Map<String, String> TYPES = Map.of("int", "[0-9]{1,9}", "year", "[0-9]{4}", "ags",
            "[0-9]{5}", "slug", "[a-z0-9][a-z0-9-]{0,99}", "word", "[A-Za-z0-9_-]{1,32}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*):([a-z]+)\\}");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@%/-]*");

    private final List<Route> routes;
    private final Guard guardAll;

    private Routes(List<Route> routes, Guard guardAll) {
        this.routes = List.copyOf(routes);
        this.guardAll = guardAll;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A route that answers: its handler, its guard (null: anyone) and the placeholders' values. */
    public record Match(Handler handler, Guard guard, PathParams path) {
    }

    /**
     * The route for the method ({@code GET}, {@code POST}; {@code HEAD} is answered as GET) and the path info.
     *
     * @param pathInfo the request's path info, null for the servlet's own path
     */
    public Optional<Match> match(String method, String pathInfo) {
        String path = normalise(pathInfo);
        String wanted = "HEAD".equals(method) ? "GET" : method;
        Match byPattern = null;
        for (Route route : routes) {
            if (!route.method.equals(wanted)) {
                continue;
            }
            Matcher matcher = route.regex.matcher(path);
            if (!matcher.matches()) {
                continue;
            }
            Match match = new Match(route.handler, route.guard, new PathParams(values(route, matcher)));
            if (route.names.isEmpty()) {
                return Optional.of(match);
            }
            if (byPattern == null) {
                byPattern = match;
            }
        }
        return Optional.ofNullable(byPattern);
    }

    /** The methods some route answers for this path, for the {@code Allow} header of a 405; empty: no such path. */
    public Set<String> methods(String pathInfo) {
        String path = normalise(pathInfo);
        Set<String> methods = new LinkedHashSet<>();
        for (Route route : routes) {
            if (route.regex.matcher(path).matches()) {
                if ("GET".equals(route.method)) {
                    methods.add("GET");
                    methods.add("HEAD");
                } else {
                    methods.add(route.method);
                }
            }
        }
        return methods;
    }

    /** The guard that every request passes first, before any 404 (null: none). */
    public Guard guardAll() {
        return guardAll;
    }

    static String normalise(String pathInfo) {
        if (pathInfo == null || pathInfo.isEmpty()) {
            return "/";
        }
        return pathInfo.length() > 1 && pathInfo.endsWith("/") ? pathInfo.substring(0, pathInfo.length() - 1)
                : pathInfo;
    }

    private static Map<String, String> values(Route route, Matcher matcher) {
        Map<String, String> values = new HashMap<>();
        for (String name : route.names) {
            values.put(name, matcher.group(name));
        }
        return values;
    }

    private record Route(String method, Pattern regex, List<String> names, Guard guard,
            Handler handler) {
    }

    /** Collects the routes; {@link #build} checks them. */
    public static final class Builder {

        private final List<Route> routes = new ArrayList<>();
        private final Map<String, String> shapes = new LinkedHashMap<>();
        private Guard guardAll;

        private Builder() {
        }

        /**
         * A guard every request of the servlet passes before its route is looked up, so that an administration area
         * answers the login page or 403 for unknown paths too, never a 404 that tells what exists.
         */
        public Builder guardAll(Guard guard) {
            this.guardAll = Objects.requireNonNull(guard);
            return this;
        }

        public Builder get(String pattern, Handler handler) {
            return add("GET", pattern, null, handler);
        }

        public Builder get(String pattern, Guard guard, Handler handler) {
            return add("GET", pattern, Objects.requireNonNull(guard), handler);
        }

        public Builder post(String pattern, Handler handler) {
            return add("POST", pattern, null, handler);
        }

        public Builder post(String pattern, Guard guard, Handler handler) {
            return add("POST", pattern, Objects.requireNonNull(guard), handler);
        }

        /** The table; IllegalArgumentException for a malformed pattern or a method and pattern declared twice. */
        public Routes build() {
            return new Routes(routes, guardAll);
        }

        private Builder add(String method, String pattern, Guard guard, Handler handler) {
            Objects.requireNonNull(handler, "handler");
            if (pattern == null || !pattern.startsWith("/") || pattern.contains("//")) {
                throw new IllegalArgumentException("A route pattern starts with one /: " + pattern);
            }
            String normalised = normalise(pattern);
            StringBuilder regex = new StringBuilder();
            StringBuilder shape = new StringBuilder();
            List<String> names = new ArrayList<>();
            Matcher placeholder = PLACEHOLDER.matcher(normalised);
            int at = 0;
            while (placeholder.find()) {
                literal(normalised.substring(at, placeholder.start()), pattern, regex, shape);
                String name = placeholder.group(1);
                String type = TYPES.get(placeholder.group(2));
                if (type == null) {
                    throw new IllegalArgumentException("Unknown placeholder type " + placeholder.group(2) + " in "
                            + pattern + " (known: " + String.join(", ", TYPES.keySet()) + ")");
                }
                if (names.contains(name)) {
                    throw new IllegalArgumentException("Placeholder {" + name + "} twice in " + pattern);
                }
                if (!names.isEmpty() && at == placeholder.start()) {
                    throw new IllegalArgumentException("Two placeholders side by side in " + pattern);
                }
                names.add(name);
                regex.append("(?<").append(name).append('>').append(type).append(')');
                shape.append('{').append(placeholder.group(2)).append('}');
                at = placeholder.end();
            }
            literal(normalised.substring(at), pattern, regex, shape);
            String key = method + " " + shape;
            if (shapes.containsKey(key)) {
                throw new IllegalArgumentException(method + " " + pattern + " duplicates " + shapes.get(key));
            }
            shapes.put(key, pattern);
            routes.add(new Route(method, Pattern.compile(regex.toString()), List.copyOf(names),
                    guard, handler));
            return this;
        }

        private static void literal(String text, String pattern, StringBuilder regex, StringBuilder shape) {
            if (text.contains("{") || text.contains("}") || !LITERAL.matcher(text).matches()) {
                throw new IllegalArgumentException("Malformed route pattern " + pattern);
            }
            if (!text.isEmpty()) {
                regex.append(Pattern.quote(text));
                shape.append(text);
            }
        }
    }
}
