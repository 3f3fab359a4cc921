package de.ringportal.municipalities.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The list's filters and order as the address carries them. Values the list does not offer are ignored (the filter
 * stays "alle"), so a hand-made or hostile address shows the whole list rather than an error.
 *
 * @param state   Land, or null for all
 * @param type    "Landkreis" / "Kreisfreie Stadt", or null
 * @param year    year of admission as text, "unbekannt", or null
 * @param ring    ring id, or null
 * @param status  "aktiv", "aufgeloest" or null
 * @param sort    column key
 * @param descending reverse order
 */
public record ListQuery(String state, String type, String year, String ring, String status, String sort,
        boolean descending) {

    public static final Set<String> SORTS = Set.of("name", "ags", "land", "art", "jahr", "einwohner");
    public static final String UNKNOWN_YEAR = "unbekannt";

    /** Reads the parameters, dropping every value that is not one of the offered ones. */
    public static ListQuery of(Function<String, String> parameter, Set<String> years, Set<String> rings) {
        String state = offered(parameter.apply("land"), Set.copyOf(RegistryColumns.STATES));
        String type = offered(parameter.apply("art"), RegistryColumns.TYPES);
        String year = offered(parameter.apply("jahr"), years);
        String ring = offered(parameter.apply("ring"), rings);
        String status = offered(parameter.apply("status"), Set.of("aktiv", "aufgeloest"));
        String sort = offered(parameter.apply("sortierung"), SORTS);
        return new ListQuery(state, type, year, ring, status, sort == null ? "name" : sort,
                "ab".equals(parameter.apply("richtung")));
    }

    private static String offered(String value, Set<String> offered) {
        return value != null && offered.contains(value) ? value : null;
    }

    /** Does the entry pass the filters? {@code ringOf} answers the rings of a unit (only asked with a ring filter). */
    public Predicate<Entry> filter(Function<String, Set<String>> ringsOf) {
        return e -> (state == null || state.equals(e.state()))
                && (type == null || type.equals(e.type()))
                && (year == null || (UNKNOWN_YEAR.equals(year) ? e.admittedYear() == null
                        : e.admittedYear() != null && year.equals(e.admittedYear().toString())))
                && (status == null || ("aktiv".equals(status) != e.merged()))
                && (ring == null || ringsOf.apply(e.ags()).contains(ring));
    }

    /**
     * The order of the list; unknown values (year, population) come last either way. {@code rank} is each unit's
     * position in the registry's German alphabetical order, so that no request has to collate names again.
     */
    public Comparator<Entry> order(Function<String, Integer> population, Function<String, Integer> rank) {
        Collator german = Collator.getInstance(Locale.GERMAN);
        Comparator<Entry> byName = Comparator.comparing(e -> rank.apply(e.ags()));
        Comparator<Entry> primary = switch (sort) {
            case "ags" -> Comparator.comparing(Entry::ags);
            case "land" -> Comparator.comparing(Entry::state, german::compare);
            case "art" -> Comparator.comparing(Entry::type);
            case "jahr" -> nullsLast(Entry::admittedYear);
            case "einwohner" -> nullsLast(e -> population.apply(e.ags()));
            default -> byName;
        };
        if (descending) {
            primary = "jahr".equals(sort) || "einwohner".equals(sort) ? reversedNullsLast(sort, population)
                    : primary.reversed();
        }
        return primary.thenComparing(byName).thenComparing(Entry::ags);
    }

    private static Comparator<Entry> nullsLast(Function<Entry, Integer> key) {
        return Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    private static Comparator<Entry> reversedNullsLast(String sort, Function<String, Integer> population) {
        Function<Entry, Integer> key = "jahr".equals(sort) ? Entry::admittedYear : e -> population.apply(e.ags());
        return Comparator.comparing(key, Comparator.nullsLast(Comparator.<Integer>reverseOrder()));
    }

    /** The parameters of this query (without page), for links; {@code overrides} replace single values. */
    public String link(Map<String, String> overrides) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("land", state);
        parameters.put("art", type);
        parameters.put("jahr", year);
        parameters.put("ring", ring);
        parameters.put("status", status);
        parameters.put("sortierung", "name".equals(sort) ? null : sort);
        parameters.put("richtung", descending ? "ab" : null);
        parameters.putAll(overrides);
        StringBuilder link = new StringBuilder("/kommunen?");
        parameters.forEach((key, value) -> {
            if (value != null) {
                link.append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        });
        return link.toString();
    }

    public boolean filtered() {
        return state != null || type != null || year != null || ring != null || status != null;
    }

    /** The list's sortable columns, for the table head. */
    public List<String> sorts() {
        return List.of("name", "ags", "art", "land", "jahr", "einwohner");
    }
}
