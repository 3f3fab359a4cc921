package de.ringportal.it;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import de.ringportal.core.api.Role;
import de.ringportal.it.Visitor.Page;

/**
 * The XLSX import in the packaged bundle (issue 17, point 4): its own bounded reader reads a workbook, and refuses a
 * bomb (many identical rows, highly compressible) with 422, the import form and the German reason, writing nothing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KeyFigureImportLimitsIT extends AuthTestSupport {

    static final String EDITOR = "kfi-redaktion";
    static final String ROW = "<row><c t=\"inlineStr\"><is><t>08118</t></is></c><c t=\"inlineStr\"><is><t>SGB2Q</t>"
            + "</is></c><c t=\"inlineStr\"><is><t>%s</t></is></c><c><v>5.5</v></c></row>";

    @Before
    public void createEditor() {
        createAccount(EDITOR, "Redaktion Import", null, Role.REDAKTION);
        waitFor("the key figure pages answer", () -> get("/kennzahlen").status() == 200);
    }

    /** A small workbook imports: one row checked, one value stored as a draft. */
    @Test
    public void a_workbook_is_imported() {
        Visitor editor = loggedIn();
        Page imported = editor.postFile("/kennzahlen/austausch/", editor.get("/kennzahlen/austausch").csrfToken(),
                "datei", "werte.xlsx", workbook(1, "2011"));
        assertEquals(imported.body(), 200, imported.status());
        assertThat(imported.body(), containsString("1 Zeilen geprüft, 1 Werte gespeichert"));
        assertEquals(1, count("SELECT COUNT(*) FROM kf_value WHERE ags = '08118' AND period = '2011' AND val = 5.5"));
    }

    /** 400,000 identical rows in a few KB: 422 with the form and the reason; nothing stored. */
    @Test
    public void a_bomb_is_refused_with_422_and_the_reason() {
        Visitor editor = loggedIn();
        byte[] bomb = workbook(400_000, "2012");
        Page refused = editor.postFile("/kennzahlen/austausch/", editor.get("/kennzahlen/austausch").csrfToken(),
                "datei", "bombe.xlsx", bomb);
        assertEquals(422, refused.status());
        assertThat(refused.body(), containsString("Die XLSX-Datei ist ungewöhnlich stark komprimiert"));
        assertThat(refused.body(), containsString("name=\"datei\""));
        assertEquals(0, count("SELECT COUNT(*) FROM kf_value WHERE ags = '08118' AND period = '2012'"));
    }

    private Visitor loggedIn() {
        Visitor visitor = visitor();
        assertEquals(303, visitor.login(EDITOR, PASSWORD, "/").status());
        return visitor;
    }

    /** A minimal workbook: a header and {@code rows} identical value rows for the period. */
    private static byte[] workbook(int rows, String period) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(file)) {
            // the package parts other readers (Excel, fastexcel) insist on; the portal's reader needs only xl/
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
                    + "2006/main\""
                    + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet "
                    + "name=\"Kennzahlen\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
                    + "2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "</Relationships>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    + "<row><c t=\"inlineStr\"><is><t>kommune</t></is></c><c t=\"inlineStr\"><is><t>kennzahl</t></is>"
                    + "</c><c t=\"inlineStr\"><is><t>zeitraum</t></is></c><c t=\"inlineStr\"><is><t>wert</t></is></c>"
                    + "</row>").getBytes(StandardCharsets.UTF_8));
            byte[] row = String.format(ROW, period).getBytes(StandardCharsets.UTF_8);
            for (int r = 0; r < rows; r++) {
                zip.write(row);
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
