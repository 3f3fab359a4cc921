package de.ringportal.municipalities.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import de.ringportal.core.format.SpreadsheetCells;
import de.ringportal.municipalities.internal.RegistryCsv.Problem;

/**
 * The registry's columns and what each may hold: one unit's cells, as an import line or the edit form sends them,
 * checked into an {@link Entry} or into problems that name their column (the edit form links each to its field).
 */
final class RegistryColumns {

    /** The columns, in the order the export writes them; an import must have exactly these, in any order. */
    static final List<String> COLUMNS = List.of("ags", "name", "type", "state", "admitted_year", "since",
            "until", "successor_ags", "komtrzv_2012", "area_note", "former_names", "evidence", "source");
    static final Set<String> TYPES = Set.of("Landkreis", "Kreisfreie Stadt");
    static final List<String> STATES = List.of("Baden-Württemberg", "Bayern", "Berlin", "Brandenburg", "Bremen",
            "Hamburg", "Hessen", "Mecklenburg-Vorpommern", "Niedersachsen", "Nordrhein-Westfalen", "Rheinland-Pfalz",
            "Saarland", "Sachsen", "Sachsen-Anhalt", "Schleswig-Holstein", "Thüringen");
    static final Set<String> EVIDENCE = Set.of("belegt", "abgeleitet");
    private static final Pattern AGS = Pattern.compile("[0-9]{5}");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final Map<String, Integer> MAX_LENGTH = Map.of("name", 200, "area_note", 1000, "former_names", 1000,
            "source", 2000);

    private RegistryColumns() {
    }

    /**
     * Validates one unit's cells and returns it, or null after adding every problem found to {@code problems}.
     * A cell that starts like a formula is refused; the export's neutralised form ({@code '=...}) is taken back.
     */
    static Entry entry(Map<String, String> raw, int line, List<Problem> problems) {
        int before = problems.size();
        Map<String, String> cell = new HashMap<>();
        Set<String> refused = new HashSet<>();
        for (String name : COLUMNS) {
            String value = raw.get(name) == null ? "" : raw.get(name).strip();
            if (SpreadsheetCells.startsLikeFormula(value)) {
                problems.add(new Problem(line, name, "Spalte " + name + " beginnt mit „" + visible(value.charAt(0))
                        + "“ und würde in einer Tabellenkalkulation als Formel ausgeführt; solche Zellen werden nicht "
                        + "übernommen."));
                refused.add(name);
                continue;
            }
            value = SpreadsheetCells.restore(value);
            if (value.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
                problems.add(new Problem(line, name, "Spalte " + name + " enthält Steuerzeichen."));
                refused.add(name);
                continue;
            }
            Integer max = MAX_LENGTH.get(name);
            if (max != null && value.length() > max) {
                problems.add(new Problem(line, name, "Spalte " + name + " ist länger als " + max + " Zeichen."));
                refused.add(name);
                continue;
            }
            cell.put(name, value.isEmpty() ? null : value);
        }
        String ags = cell.get("ags");
        if (ags == null || !AGS.matcher(ags).matches()) {
            problems.add(new Problem(line, "ags", "Der Kreisschlüssel (ags) muss aus fünf Ziffern bestehen."));
        }
        if (cell.get("name") == null && !refused.contains("name")) {
            problems.add(new Problem(line, "name", "Der Name fehlt."));
        }
        String type = cell.get("type");
        if (type == null || !TYPES.contains(type)) {
            problems.add(new Problem(line, "type", "Die Art (type) muss „Landkreis“ oder „Kreisfreie Stadt“ sein."));
        }
        String state = cell.get("state");
        if (state == null || !STATES.contains(state)) {
            problems.add(new Problem(line, "state", "Das Land (state) ist kein deutsches Bundesland."));
        }
        Integer year = year(cell.get("admitted_year"), line, problems);
        LocalDate since = date(cell.get("since"), "since", line, problems);
        LocalDate until = date(cell.get("until"), "until", line, problems);
        if (since != null && until != null && until.isBefore(since)) {
            problems.add(new Problem(line, "until", "Das Ende (until) liegt vor dem Beginn (since)."));
        }
        String successor = cell.get("successor_ags");
        if (successor != null && (!AGS.matcher(successor).matches() || successor.equals(ags))) {
            problems.add(new Problem(line, "successor_ags", "Der Nachfolger (successor_ags) muss ein anderer "
                    + "fünfstelliger Kreisschlüssel sein."));
        }
        if (successor != null && until == null) {
            problems.add(new Problem(line, "successor_ags", "Ein Nachfolger (successor_ags) ist nur mit einem Ende "
                    + "(until) möglich."));
        }
        Boolean listed = null;
        String komtrzv = cell.get("komtrzv_2012");
        if (komtrzv != null) {
            if (!komtrzv.equals("ja") && !komtrzv.equals("nein")) {
                problems.add(new Problem(line, "komtrzv_2012", "komtrzv_2012 muss „ja“, „nein“ oder leer sein."));
            } else {
                listed = komtrzv.equals("ja");
            }
        }
        String evidence = cell.get("evidence");
        if (evidence != null && !EVIDENCE.contains(evidence)) {
            problems.add(new Problem(line, "evidence", "evidence muss „belegt“, „abgeleitet“ oder leer sein."));
        }
        if (problems.size() > before) {
            return null;
        }
        return new Entry(ags, cell.get("name"), type, state, year, since, until, successor, listed,
                cell.get("area_note"), cell.get("former_names"), evidence, cell.get("source"));
    }

    /** The cells of a unit as the export writes them and the edit form shows them. */
    static Map<String, String> cells(Entry e) {
        Map<String, String> values = new HashMap<>();
        values.put("ags", e.ags());
        values.put("name", e.name());
        values.put("type", e.type());
        values.put("state", e.state());
        values.put("admitted_year", e.admittedYear() == null ? "" : e.admittedYear().toString());
        values.put("since", e.since() == null ? "" : e.since().toString());
        values.put("until", e.until() == null ? "" : e.until().toString());
        values.put("successor_ags", nonNull(e.successorAgs()));
        values.put("komtrzv_2012", e.komtrzv2012() == null ? "" : e.komtrzv2012() ? "ja" : "nein");
        values.put("area_note", nonNull(e.areaNote()));
        values.put("former_names", nonNull(e.formerNames()));
        values.put("evidence", nonNull(e.evidence()));
        values.put("source", nonNull(e.source()));
        return values;
    }

    private static Integer year(String admitted, int line, List<Problem> problems) {
        if (admitted == null) {
            return null;
        }
        if (!YEAR.matcher(admitted).matches() || Integer.parseInt(admitted) < 2005
                || Integer.parseInt(admitted) > 2100) {
            problems.add(new Problem(line, "admitted_year", "Das Zulassungsjahr (admitted_year) muss leer oder eine "
                    + "Jahreszahl ab 2005 sein."));
            return null;
        }
        return Integer.parseInt(admitted);
    }

    private static LocalDate date(String value, String name, int line, List<Problem> problems) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(line, name, "Spalte " + name + " muss leer oder ein Datum wie 2008-08-01 sein."));
            return null;
        }
    }

    private static String visible(char c) {
        return c == '\t' ? "Tabulator" : c == '\r' ? "Zeilenrücklauf" : String.valueOf(c);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
