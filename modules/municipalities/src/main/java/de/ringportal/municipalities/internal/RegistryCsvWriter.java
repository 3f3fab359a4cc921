package de.ringportal.municipalities.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import de.ringportal.core.format.SpreadsheetCells;

/**
 * The registry as the export writes it: the columns of {@link RegistryColumns}, RFC 4180, every text cell that starts
 * like a formula neutralised ({@link SpreadsheetCells#neutralise}), so that an import reads the file back unchanged.
 */
final class RegistryCsvWriter {

    /** Cells that hold numbers, dates or a yes/no the import checks; they never start like a formula. */
    private static final List<String> PLAIN = List.of("admitted_year", "since", "until", "komtrzv_2012");

    private RegistryCsvWriter() {
    }

    /** The whole registry as CSV text, without a byte order mark. */
    static String write(List<Entry> entries) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(RegistryColumns.COLUMNS);
            for (Entry e : entries) {
                Map<String, String> cells = RegistryColumns.cells(e);
                printer.printRecord(RegistryColumns.COLUMNS.stream().map(column -> PLAIN.contains(column)
                        ? cells.get(column) : SpreadsheetCells.neutralise(cells.get(column))).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The download: UTF-8 with a byte order mark first, so that Excel reads the umlauts right. */
    static byte[] download(List<Entry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(SpreadsheetCells.bomBytes());
        bytes.writeBytes(write(entries).getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }
}
