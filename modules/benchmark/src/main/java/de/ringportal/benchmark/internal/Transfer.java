package de.ringportal.benchmark.internal;

import de.ringportal.core.format.GermanNumbers;
import de.ringportal.core.format.SpreadsheetCells;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Reading and writing the exchange formats, streaming: CSV (semicolon-separated, UTF-8, German numbers, as spreadsheet
 * programs in Germany write it) with commons-csv, and XLSX written with fastexcel and read with {@link XlsxReader},
 * which bounds the work a hostile workbook can cause. Both have the columns of
 * {@link ImportValidator#COLUMNS}; the export adds name and status, which the import ignores.
 */
public final class Transfer {

    static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").get();
    static final List<String> EXPORT_COLUMNS = List.of("kommune", "name", "kennzahl", "zeitraum", "zaehler", "nenner",
            "wert", "kommentar", "status");

    private Transfer() {
    }

    /** Feeds the CSV's header and rows to the validator; rows are numbered as in the file (header = 1). */
    public static void readCsv(InputStream in, ImportValidator validator) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        try (CSVParser parser = CSV.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true).setIgnoreSurroundingSpaces(true).get().parse(reader)) {
            List<String> header = parser.getHeaderNames().stream().map(Transfer::columnName).toList();
            if (!validator.header(header)) {
                return;
            }
            Iterator<CSVRecord> records = parser.iterator();
            // the limit stops reading, not only accepting (issue 17)
            while (validator.accepting()) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException malformed) {
                    validator.problem(parser.getCurrentLineNumber(), "Die CSV-Datei ist hier nicht lesbar "
                            + "(zum Beispiel ein nicht geschlossenes Anführungszeichen). Nichts wurde importiert.");
                    return;
                }
                Map<String, String> cells = new HashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    cells.put(header.get(i), record.get(i));
                }
                validator.row(record.getRecordNumber() + 1, cells);
            }
        } catch (IllegalArgumentException badHeader) {
            validator.problem(1, "Die Kopfzeile ist nicht lesbar: " + badHeader.getMessage());
        }
    }

    /** Feeds the first sheet of an XLSX workbook to the validator; stops at its row limit and the reader's bounds. */
    public static void readXlsx(InputStream in, ImportValidator validator) throws IOException {
        readXlsx(in, validator, new XlsxReader(XlsxReader.Limits.IMPORT));
    }

    static void readXlsx(InputStream in, ImportValidator validator, XlsxReader reader) throws IOException {
        List<String> header = new ArrayList<>();
        try {
            reader.read(in.readAllBytes(), (number, cells) -> {
                if (header.isEmpty()) {
                    cells.forEach(cell -> header.add(columnName(cell)));
                    return validator.header(header);
                }
                Map<String, String> named = new HashMap<>();
                boolean any = false;
                for (int i = 0; i < header.size() && i < cells.size(); i++) {
                    any |= !cells.get(i).isBlank();
                    named.put(header.get(i), cells.get(i));
                }
                if (any) {
                    validator.row(number, named);
                }
                return validator.accepting();
            });
        } catch (XlsxReader.Refused refused) {
            if (refused.overLimit()) {
                validator.refuse(reader.rowsRead() + 1, refused.getMessage());
            } else {
                validator.problem(1, refused.getMessage());
            }
            return;
        } catch (RuntimeException unreadable) {
            // an archive the zip library chokes on is a file we cannot read, not a server error
            validator.problem(1, "Die Datei ist keine lesbare XLSX-Tabelle. Nichts wurde importiert.");
            return;
        }
        if (header.isEmpty()) {
            validator.problem(1, "Die Tabelle ist leer.");
        }
    }

    private static String columnName(String name) {
        return SpreadsheetCells.stripBom(name).strip().toLowerCase(Locale.ROOT).replace("ä", "ae");
    }

    /** One exported line. */
    private static List<String> line(StoredValue value, Function<String, String> names) {
        return List.of(value.ags(), names.apply(value.ags()), value.figureCode(), value.period(),
                value.numerator() == null ? "" : GermanNumbers.format(value.numerator(), 6),
                value.denominator() == null ? "" : GermanNumbers.format(value.denominator(), 6),
                GermanNumbers.format(value.value(), 6), value.note() == null ? "" : value.note(),
                (value.released() ? "freigegeben" : "Entwurf") + (value.synthetic() ? ", synthetisch" : ""));
    }

    /**
     * Writes the values of {@code ags} (null: all) that pass {@code visible} and flushes; closing {@code out} is the
     * caller's, who opened it (closing it here too made the caller's flush fail with "Stream closed", issue 17).
     */
    public static void writeCsv(KeyFigureStore store, String ags, Predicate<StoredValue> visible,
            Function<String, String> names, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSV);
        printer.printRecord(EXPORT_COLUMNS);
        store.forEachValue(ags, value -> {
            if (!visible.test(value)) {
                return;
            }
            try {
                List<String> cells = new ArrayList<>(line(value, names));
                // the free-text columns (name, comment) may start like a formula; the numbers may not
                cells.set(1, SpreadsheetCells.neutralise(cells.get(1)));
                cells.set(7, SpreadsheetCells.neutralise(cells.get(7)));
                printer.printRecord(cells);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        printer.flush();
    }

    /** Writes the values of {@code ags} (null: all) that pass {@code visible} as a workbook; {@code out} stays open. */
    public static void writeXlsx(KeyFigureStore store, String ags, Predicate<StoredValue> visible,
            Function<String, String> names, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Ringportal", "1.0");
        Worksheet sheet = workbook.newWorksheet("Kennzahlen");
        for (int c = 0; c < EXPORT_COLUMNS.size(); c++) {
            sheet.value(0, c, EXPORT_COLUMNS.get(c));
        }
        int[] row = {1};
        store.forEachValue(ags, value -> {
            if (!visible.test(value)) {
                return;
            }
            List<String> cells = line(value, names);
            for (int c = 0; c < cells.size(); c++) {
                // numbers as numbers, so that the spreadsheet computes with them
                if (c == 4 && value.numerator() != null) {
                    sheet.value(row[0], c, value.numerator());
                } else if (c == 5 && value.denominator() != null) {
                    sheet.value(row[0], c, value.denominator());
                } else if (c == 6) {
                    sheet.value(row[0], c, value.value());
                } else {
                    sheet.value(row[0], c, cells.get(c));
                }
            }
            try {
                if (row[0] % 10_000 == 0) {
                    sheet.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            row[0]++;
        });
        workbook.finish();
    }
}
