package de.ringportal.benchmark.internal;

import de.ringportal.core.format.GermanNumbers;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Reads the first sheet of an XLSX workbook row by row, with bounded work (issue 17): it stops when the receiver
 * wants no more rows, and refuses, with a German message, a zip entry that inflates more than {@link Limits#maxRatio}
 * times its compressed bytes read so far (as POI's {@code ZipSecureFile} does) or beyond {@link Limits#maxEntryBytes},
 * more than {@link Limits#maxCells} cells, and more than {@link Limits#maxSharedChars} characters of shared strings.
 * Only what an import needs: cell texts and numbers, no styles or formulas (their cached values are read).
 */
final class XlsxReader {

    /** The bounds; {@link #IMPORT} for the key-figure import. */
    record Limits(long maxCells, int maxRatio, long ratioGrace, long maxEntryBytes, long maxSharedChars) {
        /**
         * 200,000 rows of 20 cells; POI's default ratio (0.01) after POI's grace of 100 KB; 128 MB of XML per entry
         * (200,000 exported rows of nine cells are about 75 MB); 32 million characters of shared strings.
         */
        static final Limits IMPORT = new Limits(4_000_000, 100, 100 * 1024, 128L * 1024 * 1024, 32L * 1024 * 1024);
    }

    /** A bound was hit or the file is not a workbook; the message is German, for the person importing. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        private final boolean overLimit;

        /** The file exceeds a bound (the import answers 422). */
        Refused(String message) {
            this(message, true);
        }

        private Refused(String message, boolean overLimit) {
            super(message);
            this.overLimit = overLimit;
        }

        /** The file is no workbook this reader can read (the import answers 400, as for other bad files). */
        static Refused unreadable(String message) {
            return new Refused(message, false);
        }

        boolean overLimit() {
            return overLimit;
        }
    }

    /** Receives the rows, numbered as in the sheet (the first is 1), cells by column (0 = A); false stops reading. */
    interface Rows {
        boolean row(long number, List<String> cells);
    }

    /** Excel's last column (XFD); cells beyond it are counted but not kept, so a row's list stays bounded. */
    static final int MAX_COLUMNS = 16_384;
    private static final Pattern ROW_NUMBER = Pattern.compile("\\d{1,9}");
    /** Excel's longest cell text. */
    static final int MAX_CELL_CHARS = 32_767;
    /** Longer than any number Excel writes; longer digit strings are not parsed (BigDecimal is quadratic in them). */
    private static final int MAX_NUMBER_CHARS = 64;

    private final Limits limits;
    private long rows;
    private long cells;

    XlsxReader(Limits limits) {
        this.limits = limits;
    }

    /** Rows handed to the receiver so far. */
    long rowsRead() {
        return rows;
    }

    /** Cells met so far (sheet cells and shared strings). */
    long cellsRead() {
        return cells;
    }

    void read(byte[] file, Rows receiver) throws IOException {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(file)).get()) {
            WorkbookParts parts = WorkbookParts.of(this, zip);
            List<String> shared = parts.sharedStrings() == null ? List.of() : sharedStrings(zip, parts.sharedStrings());
            sheet(zip, parts.firstSheet(), shared, receiver);
        } catch (XMLStreamException | IllegalArgumentException malformed) {
            // the parser wraps what the bounded stream threw
            for (Throwable cause = malformed; cause != null; cause = cause.getCause()) {
                if (cause instanceof Refused refused) {
                    throw refused;
                }
                if (cause instanceof XMLStreamException xml && xml.getNestedException() instanceof Refused refused) {
                    throw refused;
                }
            }
            throw Refused.unreadable("Die Datei ist keine lesbare XLSX-Tabelle. Nichts wurde importiert.");
        } catch (Refused refused) {
            throw refused;
        } catch (IOException unreadable) {
            throw Refused.unreadable("Die Datei ist keine lesbare XLSX-Tabelle (kein gültiges ZIP-Archiv). "
                    + "Nichts wurde importiert.");
        }
    }

    private void sheet(ZipFile zip, String name, List<String> shared, Rows receiver)
            throws IOException, XMLStreamException {
        try (InputStream in = open(zip, name)) {
            XMLStreamReader xml = xml(in);
            long rowNumber = 0;
            TreeMap<Integer, String> row = null;
            int column = -1;
            String type = null;
            StringBuilder text = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "row" -> {
                            String r = xml.getAttributeValue(null, "r");
                            rowNumber = r != null && ROW_NUMBER.matcher(r).matches() ? Long.parseLong(r)
                                    : rowNumber + 1;
                            row = new TreeMap<>();
                            column = -1;
                        }
                        case "c" -> {
                            if (++cells > limits.maxCells()) {
                                throw new Refused("Die Tabelle hat mehr als " + GermanNumbers.format(limits.maxCells())
                                        + " Zellen und wird nicht gelesen. Nichts wurde importiert.");
                            }
                            String ref = xml.getAttributeValue(null, "r");
                            column = ref == null ? column + 1 : column(ref);
                            type = xml.getAttributeValue(null, "t");
                            text = new StringBuilder();
                        }
                        case "v", "t" -> {
                            if (text != null) {
                                text.append(xml.getElementText());
                            }
                        }
                        default -> {
                            // styles, formulas, extensions: not needed for an import
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if ("c".equals(xml.getLocalName()) && row != null && text != null) {
                        if (text.length() > MAX_CELL_CHARS) {
                            throw new Refused("Eine Zelle der Tabelle ist länger als " + GermanNumbers.format(
                                    MAX_CELL_CHARS) + " Zeichen. Nichts wurde importiert.");
                        }
                        if (column >= 0 && column < MAX_COLUMNS) {
                            row.put(column, value(type, text.toString(), shared));
                        }
                        text = null;
                    } else if ("row".equals(xml.getLocalName()) && row != null) {
                        rows++;
                        if (!receiver.row(rowNumber, list(row))) {
                            return;
                        }
                        row = null;
                    }
                }
            }
        }
    }

    private static List<String> list(TreeMap<Integer, String> row) {
        List<String> cells = new ArrayList<>();
        row.forEach((column, value) -> {
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value);
        });
        return cells;
    }

    private static String value(String type, String text, List<String> shared) throws Refused {
        if ("s".equals(type)) {
            try {
                return shared.get(Integer.parseInt(text.strip()));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                throw Refused.unreadable("Die Datei ist keine lesbare XLSX-Tabelle (Verweis auf einen fehlenden Text). "
                        + "Nichts wurde importiert.");
            }
        }
        if ((type == null || "n".equals(type)) && text.length() <= MAX_NUMBER_CHARS) {
            try {
                return text.isBlank() ? "" : GermanNumbers.format(new BigDecimal(text.strip()).doubleValue(), 10);
            } catch (NumberFormatException notANumber) {
                return text;
            }
        }
        return text;
    }

    /** "C12" → 2; a reference that is not a cell address → beyond the last column. */
    static int column(String ref) {
        int column = 0;
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i)) && i < 3) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            i++;
        }
        return i == 0 || column > MAX_COLUMNS ? MAX_COLUMNS : column - 1;
    }

    private List<String> sharedStrings(ZipFile zip, String name) throws IOException, XMLStreamException {
        List<String> strings = new ArrayList<>();
        long chars = 0;
        try (InputStream in = open(zip, name)) {
            XMLStreamReader xml = xml(in);
            StringBuilder item = null;
            int phonetic = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "si" -> item = new StringBuilder();
                        case "rPh" -> phonetic++;
                        case "t" -> {
                            String text = xml.getElementText();
                            if (item != null && phonetic == 0) {
                                chars += text.length();
                                item.append(text);
                            }
                        }
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if ("rPh".equals(xml.getLocalName())) {
                        phonetic--;
                    } else if ("si".equals(xml.getLocalName()) && item != null) {
                        if (++cells > limits.maxCells() || chars > limits.maxSharedChars()) {
                            throw new Refused("Die Tabelle enthält zu viele Texte und wird nicht gelesen. "
                                    + "Nichts wurde importiert.");
                        }
                        strings.add(item.toString());
                        item = null;
                    }
                }
            }
        }
        return strings;
    }

    /** An entry's content, inflated under the bounds. */
    InputStream open(ZipFile zip, String name) throws IOException {
        ZipArchiveEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw Refused.unreadable("Die Datei ist keine lesbare XLSX-Tabelle (" + name + " fehlt). "
                    + "Nichts wurde importiert.");
        }
        if (entry.getMethod() != ZipArchiveEntry.STORED && entry.getMethod() != ZipArchiveEntry.DEFLATED) {
            throw Refused.unreadable("Die XLSX-Datei ist mit einem nicht unterstützten Verfahren komprimiert. "
                    + "Nichts wurde importiert.");
        }
        InputStream raw = zip.getInputStream(entry);
        if (!(raw instanceof InputStreamStatistics)) {
            raw.close();
            throw Refused.unreadable("Die XLSX-Datei ist mit einem nicht unterstützten Verfahren komprimiert. "
                    + "Nichts wurde importiert.");
        }
        return new BoundedInflation(raw, limits);
    }

    static XMLStreamReader xml(InputStream in) throws XMLStreamException {
        // the JDK's own parser, without DTDs or external entities (no entity expansion, no file or network access)
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory.createXMLStreamReader(in);
    }
}
