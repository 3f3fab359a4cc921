package de.ringportal.municipalities.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The registry as CSV, the format of the seed file: reading validates the whole file first and reports every problem
 * with its line number (nothing is taken unless all lines are valid); writing neutralises cells a spreadsheet would
 * run as a formula.
 */
public final class RegistryCsv {

    /** The columns, in the order the export writes them; an import must have exactly these, in any order. */
    public static final List<String> COLUMNS = List.of("ags", "name", "type", "state", "admitted_year", "since",
            "until", "successor_ags", "komtrzv_2012", "area_note", "former_names", "evidence", "source");
    /** Largest file an import accepts. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final Set<String> TYPES = Set.of("Landkreis", "Kreisfreie Stadt");
    public static final List<String> STATES = List.of("Baden-Württemberg", "Bayern", "Berlin", "Brandenburg", "Bremen",
            "Hamburg", "Hessen", "Mecklenburg-Vorpommern", "Niedersachsen", "Nordrhein-Westfalen", "Rheinland-Pfalz",
            "Saarland", "Sachsen", "Sachsen-Anhalt", "Schleswig-Holstein", "Thüringen");
    public static final Set<String> EVIDENCE = Set.of("belegt", "abgeleitet");
    private static final Pattern AGS = Pattern.compile("[0-9]{5}");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    /** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final int MAX_ROWS = 5000;
    private static final Map<String, Integer> MAX_LENGTH = Map.of("name", 200, "area_note", 1000, "former_names", 1000,
            "source", 2000);

    private RegistryCsv() {
    }

    /** A problem of an import file; line 0 is the file as a whole. */
    public record Problem(int line, String message) {

        @Override
        public String toString() {
            return line > 0 ? "Zeile " + line + ": " + message : message;
        }
    }

    /** What reading a file found: the entries (only when there are no problems) and how the bytes were decoded. */
    public record Result(List<Entry> entries, List<Problem> problems, String encoding) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** Text of an uploaded file: UTF-8 with or without byte order mark, else Latin-1 (Windows spreadsheets). */
    record Decoded(String text, String encoding) {
    }

    static Decoded decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8 mit BOM");
        }
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)) {
            return new Decoded(null, "UTF-16");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return new Decoded(text, "UTF-8");
        } catch (CharacterCodingException notUtf8) {
            // every byte sequence is valid Latin-1: a file saved by a Windows spreadsheet lands here
            return new Decoded(new String(bytes, StandardCharsets.ISO_8859_1), "ISO-8859-1 (Latin-1)");
        }
    }

    /** Reads and validates a whole file. */
    public static Result read(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return new Result(List.of(), List.of(new Problem(0, "Die Datei ist größer als 10 MB.")), "");
        }
        Decoded decoded = decode(bytes);
        if (decoded.text() == null) {
            return new Result(List.of(), List.of(new Problem(0, "Die Datei ist in UTF-16 gespeichert; bitte als "
                    + "UTF-8 (oder Latin-1) speichern.")), decoded.encoding());
        }
        Result result = read(decoded.text());
        return new Result(result.entries(), result.problems(), decoded.encoding());
    }

    /** Reads and validates a whole file's text. */
    public static Result read(String text) {
        List<Problem> problems = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        if (text.isBlank()) {
            return new Result(List.of(), List.of(new Problem(0, "Die Datei ist leer.")), "");
        }
        try (CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get()
                .parse(new StringReader(text))) {
            Map<String, Integer> column = null;
            Map<String, Integer> seenAt = new HashMap<>();
            long lineAfterPrevious = 0;
            for (CSVRecord record : parser) {
                int line = (int) lineAfterPrevious + 1;
                lineAfterPrevious = parser.getCurrentLineNumber();
                if (column == null) {
                    column = header(record, problems);
                    if (column == null) {
                        return new Result(List.of(), problems, "");
                    }
                    continue;
                }
                if (entries.size() + problems.size() >= MAX_ROWS) {
                    problems.add(new Problem(line, "Mehr als " + MAX_ROWS + " Zeilen: Der Rest der Datei wurde nicht "
                            + "geprüft."));
                    break;
                }
                Entry entry = row(record, column, line, problems);
                if (entry != null) {
                    Integer earlier = seenAt.putIfAbsent(entry.ags(), line);
                    if (earlier != null) {
                        problems.add(new Problem(line, "Der Kreisschlüssel " + entry.ags() + " steht schon in Zeile "
                                + earlier + "."));
                    } else {
                        entries.add(entry);
                    }
                }
            }
            if (column == null) {
                problems.add(new Problem(0, "Die Datei ist leer."));
            } else if (entries.isEmpty() && problems.isEmpty()) {
                problems.add(new Problem(0, "Die Datei enthält keine Kommunen, nur die Kopfzeile."));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException broken) {
            // commons-csv reports an unterminated quote and the like this way, with the line it reached
            problems.add(new Problem(0, "Die Datei ist kein lesbares CSV: " + describe(broken)));
        }
        return new Result(problems.isEmpty() ? List.copyOf(entries) : List.of(), List.copyOf(problems), "");
    }

    private static String describe(Exception broken) {
        String message = broken.getMessage() == null ? "" : broken.getMessage();
        java.util.regex.Matcher line = Pattern.compile("line (\\d+)").matcher(message);
        return line.find() ? "Anführungszeichen oder Zeilenende passen nicht (bis Zeile " + line.group(1) + " gelesen)."
                : "Anführungszeichen oder Zeilenende passen nicht.";
    }

    private static Map<String, Integer> header(CSVRecord record, List<Problem> problems) {
        Map<String, Integer> column = new HashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).strip();
            if (!COLUMNS.contains(name)) {
                unknown.add(name.isEmpty() ? "(leer)" : name);
            } else if (column.putIfAbsent(name, i) != null) {
                unknown.add(name + " (doppelt)");
            }
        }
        List<String> missing = COLUMNS.stream().filter(name -> !column.containsKey(name)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            StringBuilder message = new StringBuilder("Die Kopfzeile passt nicht.");
            if (!missing.isEmpty()) {
                message.append(" Es fehlen die Spalten: ").append(String.join(", ", missing)).append('.');
            }
            if (!unknown.isEmpty()) {
                message.append(" Unbekannt: ").append(String.join(", ", unknown)).append('.');
            }
            message.append(" Erwartet: ").append(String.join(",", COLUMNS)).append(" (Komma-getrennt).");
            problems.add(new Problem(1, message.toString()));
            return null;
        }
        return column;
    }

    private static Entry row(CSVRecord record, Map<String, Integer> column, int line, List<Problem> problems) {
        if (record.size() != COLUMNS.size()) {
            problems.add(new Problem(line, record.size() + " statt " + COLUMNS.size() + " Spalten."));
            return null;
        }
        Map<String, String> raw = new HashMap<>();
        for (String name : COLUMNS) {
            raw.put(name, record.get(column.get(name)));
        }
        return entry(raw, line, problems);
    }

    /**
     * Validates one unit's cells (as an import line or an edit form sends them) and returns it, or null after adding
     * every problem found to {@code problems}.
     */
    static Entry entry(Map<String, String> raw, int line, List<Problem> problems) {
        int before = problems.size();
        Map<String, String> cell = new HashMap<>();
        Set<String> refused = new java.util.HashSet<>();
        for (String name : COLUMNS) {
            String value = raw.get(name) == null ? "" : raw.get(name).strip();
            if (!value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) {
                problems.add(new Problem(line, "Spalte " + name + " beginnt mit „" + visible(value.charAt(0))
                        + "“ und würde in einer Tabellenkalkulation als Formel ausgeführt; solche Zellen werden nicht "
                        + "übernommen."));
                refused.add(name);
                continue;
            }
            if (value.startsWith("'") && value.length() > 1 && FORMULA_STARTS.indexOf(value.charAt(1)) >= 0) {
                // the export's neutralised form of a text that starts like a formula: take the text back
                value = value.substring(1);
            }
            if (value.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
                problems.add(new Problem(line, "Spalte " + name + " enthält Steuerzeichen."));
                refused.add(name);
                continue;
            }
            Integer max = MAX_LENGTH.get(name);
            if (max != null && value.length() > max) {
                problems.add(new Problem(line, "Spalte " + name + " ist länger als " + max + " Zeichen."));
                refused.add(name);
                continue;
            }
            cell.put(name, value.isEmpty() ? null : value);
        }
        String ags = cell.get("ags");
        if (ags == null || !AGS.matcher(ags).matches()) {
            problems.add(new Problem(line, "Der Kreisschlüssel (ags) muss aus fünf Ziffern bestehen."));
        }
        if (cell.get("name") == null && !refused.contains("name")) {
            problems.add(new Problem(line, "Der Name fehlt."));
        }
        String type = cell.get("type");
        if (type == null || !TYPES.contains(type)) {
            problems.add(new Problem(line, "Die Art (type) muss „Landkreis“ oder „Kreisfreie Stadt“ sein."));
        }
        String state = cell.get("state");
        if (state == null || !STATES.contains(state)) {
            problems.add(new Problem(line, "Das Land (state) ist kein deutsches Bundesland."));
        }
        Integer year = null;
        String admitted = cell.get("admitted_year");
        if (admitted != null) {
            if (!YEAR.matcher(admitted).matches() || Integer.parseInt(admitted) < 2005
                    || Integer.parseInt(admitted) > 2100) {
                problems.add(new Problem(line, "Das Zulassungsjahr (admitted_year) muss leer oder eine Jahreszahl ab "
                        + "2005 sein."));
            } else {
                year = Integer.parseInt(admitted);
            }
        }
        LocalDate since = date(cell.get("since"), "since", line, problems);
        LocalDate until = date(cell.get("until"), "until", line, problems);
        if (since != null && until != null && until.isBefore(since)) {
            problems.add(new Problem(line, "Das Ende (until) liegt vor dem Beginn (since)."));
        }
        String successor = cell.get("successor_ags");
        if (successor != null && (!AGS.matcher(successor).matches() || successor.equals(ags))) {
            problems.add(new Problem(line, "Der Nachfolger (successor_ags) muss ein anderer fünfstelliger "
                    + "Kreisschlüssel sein."));
        }
        if (successor != null && until == null) {
            problems.add(new Problem(line, "Ein Nachfolger (successor_ags) ist nur mit einem Ende (until) möglich."));
        }
        Boolean listed = null;
        String komtrzv = cell.get("komtrzv_2012");
        if (komtrzv != null) {
            if (!komtrzv.equals("ja") && !komtrzv.equals("nein")) {
                problems.add(new Problem(line, "komtrzv_2012 muss „ja“, „nein“ oder leer sein."));
            } else {
                listed = komtrzv.equals("ja");
            }
        }
        String evidence = cell.get("evidence");
        if (evidence != null && !EVIDENCE.contains(evidence)) {
            problems.add(new Problem(line, "evidence muss „belegt“, „abgeleitet“ oder leer sein."));
        }
        if (problems.size() > before) {
            return null;
        }
        return new Entry(ags, cell.get("name"), type, state, year, since, until, successor, listed,
                cell.get("area_note"), cell.get("former_names"), evidence, cell.get("source"));
    }

    private static LocalDate date(String value, String name, int line, List<Problem> problems) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(line, "Spalte " + name + " muss leer oder ein Datum wie 2008-08-01 sein."));
            return null;
        }
    }

    private static String visible(char c) {
        return c == '\t' ? "Tabulator" : c == '\r' ? "Zeilenrücklauf" : String.valueOf(c);
    }

    /** The whole registry as CSV text (the caller adds a byte order mark if it wants one). */
    public static String write(List<Entry> entries) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(COLUMNS);
            for (Entry e : entries) {
                printer.printRecord(neutral(e.ags()), neutral(e.name()), neutral(e.type()), neutral(e.state()),
                        e.admittedYear() == null ? "" : e.admittedYear().toString(),
                        e.since() == null ? "" : e.since().toString(), e.until() == null ? "" : e.until().toString(),
                        neutral(e.successorAgs()),
                        e.komtrzv2012() == null ? "" : e.komtrzv2012() ? "ja" : "nein",
                        neutral(e.areaNote()), neutral(e.formerNames()), neutral(e.evidence()), neutral(e.source()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A cell as a spreadsheet will only ever show it: text starting like a formula gets a leading apostrophe. */
    static String neutral(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
