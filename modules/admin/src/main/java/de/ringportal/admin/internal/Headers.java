package de.ringportal.admin.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses OSGi manifest headers (Import-Package, Require-Capability, ...) into clauses: comma-separated clauses, each
 * with one or more names and then {@code name=value} attributes or {@code name:=value} directives; quoted values may
 * contain commas and semicolons. Typed attributes ({@code version:Version=1.0}) keep only their name.
 */
final class Headers {

    /** One clause: the names it applies to, its attributes and its directives. */
    record Clause(List<String> names, Map<String, String> attributes, Map<String, String> directives) {

        String attribute(String name) {
            return attributes.get(name);
        }

        String directive(String name) {
            return directives.get(name);
        }
    }

    private Headers() {
    }

    /** The clauses of a header value; an empty list for null or blank. */
    static List<Clause> parse(String header) {
        List<Clause> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return clauses;
        }
        for (String clause : split(header, ',')) {
            if (clause.isBlank()) {
                continue;
            }
            List<String> names = new ArrayList<>();
            Map<String, String> attributes = new LinkedHashMap<>();
            Map<String, String> directives = new LinkedHashMap<>();
            for (String part : split(clause, ';')) {
                part = part.strip();
                if (part.isEmpty()) {
                    continue;
                }
                int equals = indexOutsideQuotes(part, '=');
                if (equals < 0) {
                    if (!attributes.isEmpty() || !directives.isEmpty()) {
                        throw new IllegalArgumentException("Name after a parameter in: " + clause);
                    }
                    names.add(part);
                } else if (equals > 0 && part.charAt(equals - 1) == ':') {
                    directives.put(part.substring(0, equals - 1).strip(), unquote(part.substring(equals + 1)));
                } else {
                    String key = part.substring(0, equals).strip();
                    int type = key.indexOf(':');
                    attributes.put(type < 0 ? key : key.substring(0, type).strip(), unquote(part.substring(equals + 1)));
                }
            }
            if (names.isEmpty()) {
                throw new IllegalArgumentException("A clause without a name: " + clause);
            }
            clauses.add(new Clause(List.copyOf(names), attributes, directives));
        }
        return clauses;
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted) {
                i++;
            } else if (c == separator && !quoted) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("Unbalanced quotes in: " + text);
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static int indexOutsideQuotes(String text, char wanted) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String value) {
        String v = value.strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1).replace("\\\"", "\"");
        }
        return v;
    }
}
