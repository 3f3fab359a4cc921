package de.ringportal.benchmark.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.Test;
import org.junit.runner.RunWith;

import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;

/**
 * The XLSX import under hostile workbooks (issue 17): a bomb is refused after little work, reading stops at the row
 * limit, and the cell, size and ratio bounds refuse with German messages. Work is counted (rows handed on, cells
 * met), never timed.
 */
@RunWith(BothDatabases.class)
public class XlsxImportTest {

    private final KeyFigureStore store = new KeyFigureStore(TestDatabase.migrated(KeyFigureStore.class, "benchmark"));

    /**
     * A bomb: 400,000 identical rows (twice the row limit), about 40 MB of XML in some ten KB. Refused as too
     * compressed long before its end; the validator got a few thousand rows at most (before: all 400,000).
     */
    @Test
    public void a_bomb_is_refused_after_little_work() throws IOException {
        byte[] bomb = bomb(400_000);
        assertTrue("a bomb: " + bomb.length, bomb.length < 1_500_000);
        ImportValidator validator = validator();

        Transfer.readXlsx(new ByteArrayInputStream(bomb), validator);

        assertTrue("rows read: " + validator.rowCount(), validator.rowCount() < 10_000);
        assertTrue(validator.refused());
        assertTrue(validator.problems().get(0), validator.problems().get(0).contains(
                "Die XLSX-Datei ist ungewöhnlich stark komprimiert (mehr als 100-fach, ZIP-Bombe?)"));
    }

    /**
     * An ordinary workbook over the row limit (1,000 here; 200,000 in the import): reading stops at the first row
     * beyond it instead of going on to the end.
     */
    @Test
    public void reading_stops_at_the_row_limit() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(file, "Test", "1.0");
        Worksheet sheet = workbook.newWorksheet("Kennzahlen");
        List<String> header = List.of("kommune", "kennzahl", "zeitraum", "wert");
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
        }
        Random random = new Random(17);
        for (int r = 1; r <= 5_000; r++) {
            sheet.value(r, 0, String.format("%05d", random.nextInt(100_000)));
            sheet.value(r, 1, "SGB2Q");
            sheet.value(r, 2, Integer.toString(2005 + random.nextInt(20)));
            sheet.value(r, 3, random.nextDouble() * 100);
        }
        workbook.finish();
        ImportValidator validator = new ImportValidator(store.figures(), null, ags -> true, ags -> Map.of(), 30,
                1_000);
        XlsxReader reader = new XlsxReader(XlsxReader.Limits.IMPORT);

        Transfer.readXlsx(new ByteArrayInputStream(file.toByteArray()), validator, reader);

        assertEquals(1_001, validator.rowCount());
        assertEquals("the header and the rows up to the first one over the limit", 1_002, reader.rowsRead());
        assertTrue(validator.refused());
        assertEquals("Zeile 1002: Die Datei hat mehr als 1.000 Zeilen. Nichts wurde importiert. Bitte teilen Sie "
                + "sie auf.", validator.problems().get(0));
    }

    /** The CSV import stops at the row limit too. */
    @Test
    public void csv_reading_stops_at_the_row_limit() throws IOException {
        StringBuilder csv = new StringBuilder("kommune;kennzahl;zeitraum;wert\n");
        for (int r = 0; r < 5_000; r++) {
            csv.append("08426;SGB2Q;").append(2005 + r % 20).append(";").append(r).append("\n");
        }
        ImportValidator validator = new ImportValidator(store.figures(), null, ags -> true, ags -> Map.of(), 30,
                1_000);

        Transfer.readCsv(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), validator);

        assertEquals(1_001, validator.rowCount());
        assertTrue(validator.refused());
    }

    /** What the export writes, the import reads: German numbers, texts, and the own municipality's rows. */
    @Test
    public void the_export_reads_back() throws IOException {
        store.save("08426", List.of(new KeyFigureStore.Change("KDU", "2024", 123456.0, 100.0, 1234.56, "Anmerkung"),
                new KeyFigureStore.Change("K2", "2024-12", null, null, 20.5, null)), "anna", "t");
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        Transfer.writeXlsx(store, "08426", value -> true, ags -> "Landkreis Biberach", file);
        ImportValidator validator = validator();

        Transfer.readXlsx(new ByteArrayInputStream(file.toByteArray()), validator);

        assertTrue(validator.problems().toString(), validator.valid());
        assertEquals(2, validator.rows().size());
        assertTrue(validator.rows().stream().anyMatch(row -> row.change().figureCode().equals("KDU")
                && row.change().value() == 1234.56 && "Anmerkung".equals(row.change().note())));
    }

    /** The cell bound: a workbook with more cells than allowed is refused, counting stops at the first one over. */
    @Test
    public void too_many_cells_are_refused() throws IOException {
        XlsxReader reader = new XlsxReader(new XlsxReader.Limits(50, 100, 100 * 1024, 1 << 20, 1 << 20));
        try {
            reader.read(sheet(10, 10, false), (number, cells) -> true);
            throw new AssertionError("not refused");
        } catch (XlsxReader.Refused refused) {
            assertEquals("Die Tabelle hat mehr als 50 Zellen und wird nicht gelesen. Nichts wurde importiert.",
                    refused.getMessage());
        }
        assertEquals(51, reader.cellsRead());
        assertEquals(5, reader.rowsRead());
    }

    /** The size bound holds for an entry that is not very compressible too. */
    @Test
    public void an_entry_inflating_beyond_the_size_bound_is_refused() throws IOException {
        XlsxReader reader = new XlsxReader(new XlsxReader.Limits(1_000_000, 100, 100 * 1024, 64 * 1024, 1 << 20));
        try {
            reader.read(sheet(2_000, 10, false), (number, cells) -> true);
            throw new AssertionError("not refused");
        } catch (XlsxReader.Refused refused) {
            assertTrue(refused.getMessage(), refused.getMessage().startsWith("Die XLSX-Datei entpackt sich auf mehr"));
        }
        assertTrue("rows read: " + reader.rowsRead(), reader.rowsRead() < 2_000);
    }

    /** Not a zip, or a zip without a workbook: a German message, not an exception. */
    @Test
    public void a_file_that_is_no_workbook_is_refused_with_a_message() throws IOException {
        ImportValidator validator = validator();
        Transfer.readXlsx(new ByteArrayInputStream("kommune;kennzahl".getBytes(StandardCharsets.UTF_8)), validator);
        assertTrue(validator.problems().get(0), validator.problems().get(0).contains("keine lesbare XLSX-Tabelle"));
    }

    private ImportValidator validator() {
        return new ImportValidator(store.figures(), null, ags -> true, ags -> Map.of(), 30);
    }

    /** The bomb: header plus {@code rows} identical rows, inline strings, no cell references. */
    static byte[] bomb(int rows) throws IOException {
        return sheet(rows, 0, true);
    }

    /**
     * A minimal workbook by hand: {@code rows} rows of {@code columns} numbered cells, or (bomb) a header and
     * identical key-figure rows.
     */
    private static byte[] sheet(int rows, int columns, boolean bomb) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(file)) {
            // the package parts other readers (fastexcel's, Excel) insist on
            entry(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                    + "content-types\"><Default Extension=\"rels\" ContentType=\"application/"
                    + "vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
                    + "ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\""
                    + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override "
                    + "PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                    + "relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            entry(zip, "xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
                    + "2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                    + "<sheet name=\"T\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
                    + "2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "</Relationships>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            StringBuilder xml = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
                    + "2006/main\"><sheetData>");
            if (bomb) {
                xml.append(row("kommune", "kennzahl", "zeitraum", "wert"));
            }
            for (int r = 1; r <= rows; r++) {
                if (bomb) {
                    xml.append(row("08426", "SGB2Q", "2024", "5,5"));
                } else {
                    xml.append("<row r=\"").append(r).append("\">");
                    for (int c = 0; c < columns; c++) {
                        xml.append("<c r=\"").append((char) ('A' + c)).append(r).append("\"><v>").append(r * 31L + c)
                                .append("</v></c>");
                    }
                    xml.append("</row>");
                }
                if (xml.length() > 64 * 1024) {
                    zip.write(xml.toString().getBytes(StandardCharsets.UTF_8));
                    xml.setLength(0);
                }
            }
            xml.append("</sheetData></worksheet>");
            zip.write(xml.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file.toByteArray();
    }

    private static String row(String... cells) {
        StringBuilder row = new StringBuilder("<row>");
        for (String cell : cells) {
            row.append("<c t=\"inlineStr\"><is><t>").append(cell).append("</t></is></c>");
        }
        return row.append("</row>").toString();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
