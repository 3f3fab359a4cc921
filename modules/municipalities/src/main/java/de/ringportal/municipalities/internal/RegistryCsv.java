package de.ringportal.municipalities.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import de.ringportal.core.format.SpreadsheetCells;

/**
 * Reads the registry as CSV, the format of the seed file and of an import: the whole file is validated first and
 * every problem reported with its line number (nothing is taken unless all lines are valid); each line's cells are
 * checked by {@link RegistryColumns}, and {@link RegistryCsvWriter} writes the same format.
 */
public final class RegistryCsv {

    /** Largest file an import accepts. */
    static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final int MAX_ROWS = 5000;

    private RegistryCsv() {
    }

    /**
     * A problem of an import file or an edited unit.
     *
     * @param line   the file's line; 0 for the file as a whole (and for the edit form)
     * @param column the column at fault; null for the line or the file as a whole
     */
    public record Problem(int line, String column, String message) {

        Problem(int line, String message) {
            this(line, null, message);
        }

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
        if (SpreadsheetCells.hasBom(bytes)) {
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
        Matcher line = Pattern.compile("line (\\d+)").matcher(message);
        return line.find() ? "Anführungszeichen oder Zeilenende passen nicht (bis Zeile " + line.group(1) + " gelesen)."
                : "Anführungszeichen oder Zeilenende passen nicht.";
    }

    private static Map<String, Integer> header(CSVRecord record, List<Problem> problems) {
        Map<String, Integer> column = new HashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).strip();
            if (!RegistryColumns.COLUMNS.contains(name)) {
                unknown.add(name.isEmpty() ? "(leer)" : name);
            } else if (column.putIfAbsent(name, i) != null) {
                unknown.add(name + " (doppelt)");
            }
        }
        List<String> missing = RegistryColumns.COLUMNS.stream().filter(name -> !column.containsKey(name)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            StringBuilder message = new StringBuilder("Die Kopfzeile passt nicht.");
            if (!missing.isEmpty()) {
                message.append(" Es fehlen die Spalten: ").append(String.join(", ", missing)).append('.');
            }
            if (!unknown.isEmpty()) {
                message.append(" Unbekannt: ").append(String.join(", ", unknown)).append('.');
            }
            message.append(" Erwartet: ").append(String.join(",", RegistryColumns.COLUMNS)).append(" (Komma-getrennt).");
            problems.add(new Problem(1, message.toString()));
            return null;
        }
        return column;
    }

    private static Entry row(CSVRecord record, Map<String, Integer> column, int line, List<Problem> problems) {
        if (record.size() != RegistryColumns.COLUMNS.size()) {
            problems.add(new Problem(line, record.size() + " statt " + RegistryColumns.COLUMNS.size() + " Spalten."));
            return null;
        }
        Map<String, String> raw = new HashMap<>();
        for (String name : RegistryColumns.COLUMNS) {
            raw.put(name, record.get(column.get(name)));
        }
        return RegistryColumns.entry(raw, line, problems);
    }
}
