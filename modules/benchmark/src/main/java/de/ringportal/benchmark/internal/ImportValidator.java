package de.ringportal.benchmark.internal;

import de.ringportal.core.format.GermanNumbers;
import de.ringportal.core.format.SpreadsheetCells;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Validates an import row by row, before anything is written: every problem is kept with its row number, and the
 * valid rows are collected for one all-or-nothing write. The same plausibility checks as the form apply; the jump
 * check compares with the previous period from the same file or, failing that, from the database.
 */
public final class ImportValidator {

    /** More rows than this are refused as a whole. */
    public static final int MAX_ROWS = 200_000;
    /** Problems listed in full; beyond that only counted. */
    public static final int MAX_LISTED = 500;

    static final List<String> COLUMNS = List.of("kommune", "kennzahl", "zeitraum", "zaehler", "nenner", "wert",
            "kommentar");
    private static final Pattern AGS = Pattern.compile("\\d{5}");

    private final Map<String, Figure> figures = new HashMap<>();
    private final String onlyAgs;
    private final Function<String, Boolean> knownAgs;
    private final Function<String, Map<String, Double>> storedValues;
    private final double jumpPercent;
    private final Map<String, Map<String, Double>> stored = new HashMap<>();
    private final Map<String, Double> imported = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final List<KeyFigureStore.ImportRow> rows = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int problemCount;
    private boolean refused;
    private int rowCount;
    private final int maxRows;

    /**
     * @param onlyAgs      the only municipality the importer may write, or null for the Redaktion (all)
     * @param knownAgs     whether a Kreisschlüssel is known
     * @param storedValues the stored values of a municipality, keyed by {@link KeyFigureStore#key}
     */
    public ImportValidator(List<Figure> catalogue, String onlyAgs, Function<String, Boolean> knownAgs,
            Function<String, Map<String, Double>> storedValues, double jumpPercent) {
        this(catalogue, onlyAgs, knownAgs, storedValues, jumpPercent, MAX_ROWS);
    }

    /** With another row limit than {@link #MAX_ROWS}, for tests that show where reading stops. */
    ImportValidator(List<Figure> catalogue, String onlyAgs, Function<String, Boolean> knownAgs,
            Function<String, Map<String, Double>> storedValues, double jumpPercent, int maxRows) {
        this.maxRows = maxRows;
        catalogue.forEach(figure -> figures.put(figure.code(), figure));
        this.onlyAgs = onlyAgs;
        this.knownAgs = knownAgs;
        this.storedValues = storedValues;
        this.jumpPercent = jumpPercent;
    }

    /** Checks the header: the required columns must be there. */
    public boolean header(List<String> names) {
        for (String required : List.of("kommune", "kennzahl", "zeitraum")) {
            if (!names.contains(required)) {
                problem(1, "Die Spalte „" + required + "“ fehlt. Erwartet werden die Spalten "
                        + String.join(";", COLUMNS) + ".");
            }
        }
        if (!names.contains("wert") && !(names.contains("zaehler") && names.contains("nenner"))) {
            problem(1, "Es fehlen die Spalte „wert“ oder die Spalten „zaehler“ und „nenner“.");
        }
        return problemCount == 0;
    }

    /** Validates one data row; {@code line} is its row number in the file (the header is row 1). */
    public void row(long line, Map<String, String> cells) {
        if (++rowCount > maxRows) {
            if (rowCount == maxRows + 1) {
                refuse(line, "Die Datei hat mehr als " + GermanNumbers.format(maxRows)
                        + " Zeilen. Nichts wurde importiert. Bitte teilen Sie sie auf.");
            }
            return;
        }
        String ags = cell(cells, "kommune");
        String code = cell(cells, "kennzahl").toUpperCase(java.util.Locale.ROOT);
        String period = cell(cells, "zeitraum");
        int before = problemCount;
        if (!AGS.matcher(ags).matches()) {
            problem(line, "„" + shorten(ags) + "“ ist kein Kreisschlüssel (fünf Ziffern, zum Beispiel 08426).");
        } else if (onlyAgs != null && !onlyAgs.equals(ags)) {
            problem(line, "Sie dürfen nur Werte Ihrer eigenen Kommune (" + onlyAgs + ") importieren, nicht " + ags
                    + ".");
        } else if (onlyAgs == null && !knownAgs.apply(ags)) {
            problem(line, "Den Kreisschlüssel " + ags + " kennt das Portal nicht.");
        }
        Figure figure = figures.get(code);
        if (figure == null) {
            problem(line, code.isEmpty() ? "Die Kennzahl fehlt." : "Die Kennzahl „" + shorten(code)
                    + "“ gibt es im Katalog nicht.");
        } else if (!Periods.valid(period, figure)) {
            problem(line, "Der Zeitraum „" + shorten(period) + "“ passt nicht zur Kennzahl " + code + " ("
                    + (figure.monthly() ? "monatlich: JJJJ-MM, zum Beispiel 2024-12" : "jährlich: JJJJ") + ").");
        }
        if (problemCount > before) {
            return;
        }
        String key = KeyFigureStore.key(code, period);
        if (!seen.add(ags + "|" + key)) {
            problem(line, "Die Kennzahl " + code + " für " + period + " und " + ags + " steht mehrfach in der Datei.");
            return;
        }
        Plausibility.Input input = new Plausibility.Input(cell(cells, "zaehler"), cell(cells, "nenner"),
                cell(cells, "wert"), SpreadsheetCells.restore(cell(cells, "kommentar")));
        String previousKey = ags + "|" + KeyFigureStore.key(code, Periods.previous(period));
        Double previous = imported.containsKey(previousKey) ? imported.get(previousKey)
                : stored.computeIfAbsent(ags, storedValues::apply)
                        .get(KeyFigureStore.key(code, Periods.previous(period)));
        Plausibility.Result result = Plausibility.check(figure, input, previous, jumpPercent);
        if (!result.ok()) {
            result.errors().forEach((field, message) -> problem(line, label(field) + ": " + message));
            return;
        }
        if (result.empty()) {
            problem(line, "Die Zeile enthält keinen Wert (Zellen „wert“ oder „zaehler“ und „nenner“ sind leer).");
            return;
        }
        imported.put(ags + "|" + key, result.value());
        rows.add(new KeyFigureStore.ImportRow(ags, new KeyFigureStore.Change(code, period, result.numerator(),
                result.denominator(), result.value(), result.note())));
    }

    private static String label(String field) {
        return switch (field) {
            case "zaehler" -> "Zähler";
            case "nenner" -> "Nenner";
            case "wert" -> "Wert";
            default -> "Kommentar";
        };
    }

    private static String cell(Map<String, String> cells, String column) {
        String value = cells.get(column);
        return value == null ? "" : value.strip();
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    public void problem(long line, String message) {
        problemCount++;
        if (problems.size() < MAX_LISTED) {
            problems.add("Zeile " + line + ": " + message);
        }
    }

    /**
     * Refuses the file as a whole because it exceeds a bound of the import (rows, cells, decompression): reading
     * stops, and the page answers 422 (issue 17).
     */
    public void refuse(long line, String message) {
        refused = true;
        problemCount++;
        // the reason the whole file is refused comes first, even after many listed problems
        problems.add(0, "Zeile " + line + ": " + message);
        if (problems.size() > MAX_LISTED) {
            problems.remove(problems.size() - 1);
        }
    }

    /** Was the file refused as a whole for exceeding a bound? */
    public boolean refused() {
        return refused;
    }

    /** Does the import still take rows? Not after the row limit or a refusal: readers stop reading then. */
    public boolean accepting() {
        return !refused;
    }

    public boolean valid() {
        return problemCount == 0;
    }

    public List<String> problems() {
        return problems;
    }

    public int problemCount() {
        return problemCount;
    }

    public List<KeyFigureStore.ImportRow> rows() {
        return rows;
    }

    public int rowCount() {
        return rowCount;
    }
}
