package de.ringportal.municipalities.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;

/** Reading (validation first, every problem with its line) and writing (formula cells neutralised) of the CSV. */
public class RegistryCsvTest {

    private static final String HEADER = String.join(",", RegistryColumns.COLUMNS) + "\n";
    private static final String BIBERACH = "08426,Landkreis Biberach,Landkreis,Baden-Württemberg,2005,,,,ja,,,belegt,"
            + "KomtrZV\n";
    private static final String COESFELD = "05558,Kreis Coesfeld,Landkreis,Nordrhein-Westfalen,2005,,,,ja,,,belegt,"
            + "Vorlage SV-7-0669\n";

    /** The bundled seed is valid: 119 units, the unknown cells empty. */
    @Test
    public void the_seed_file_is_valid() {
        RegistryCsv.Result seed = RegistryCsv.read(Seed.bytes());
        assertTrue(seed.problems().toString(), seed.valid());
        assertEquals(119, seed.entries().size());
        assertEquals("UTF-8", seed.encoding());
    }

    /** One bad line among good ones: nothing is taken, and the problem names its line. */
    @Test
    public void one_bad_line_rejects_the_whole_file_and_names_the_line() {
        RegistryCsv.Result result = RegistryCsv.read(HEADER + BIBERACH
                + "05558,Kreis Coesfeld,Landkreis,Nordrhein-Westfalen,zweitausend,,,,ja,,,belegt,x\n");
        assertFalse(result.valid());
        assertTrue(result.entries().isEmpty());
        assertEquals(1, result.problems().size());
        assertEquals(3, result.problems().get(0).line());
        assertTrue(result.problems().get(0).message().contains("Zulassungsjahr"));
    }

    /** Every problem is listed, not only the first; a quoted cell over two lines keeps later line numbers right. */
    @Test
    public void every_problem_is_listed_with_its_line() {
        RegistryCsv.Result result = RegistryCsv.read(HEADER
                + "08426,\"Landkreis\nBiberach\",Landkreis,Baden-Württemberg,2005,,,,ja,,,belegt,x\n"
                + "1234,Kreis X,Landkreis,Nordrhein-Westfalen,2005,,,,ja,,,belegt,x\n"
                + "05558,Kreis Coesfeld,Landkreis,Atlantis,2005,,2008-13-01,,vielleicht,,,belegt,x\n");
        List<Integer> lines = result.problems().stream().map(RegistryCsv.Problem::line).toList();
        assertEquals(result.problems().toString(), Arrays.asList(4, 5, 5, 5), lines);
    }

    /** The same AGS twice: the second line is reported with the first one's number. */
    @Test
    public void duplicate_ags_is_reported() {
        RegistryCsv.Result result = RegistryCsv.read(HEADER + BIBERACH + COESFELD + BIBERACH);
        assertEquals("Zeile 4: Der Kreisschlüssel 08426 steht schon in Zeile 2.", result.problems().get(0).toString());
    }

    /** Missing, unknown and doubled columns are named in the one problem of line 1. */
    @Test
    public void wrong_columns_are_named() {
        RegistryCsv.Result result = RegistryCsv.read("ags;name;type\n08426;Landkreis Biberach;Landkreis\n");
        assertEquals(1, result.problems().size());
        assertEquals(1, result.problems().get(0).line());
        assertTrue(result.problems().get(0).message().contains("Es fehlen die Spalten: ags, name"));
        RegistryCsv.Result extra = RegistryCsv.read(HEADER.strip() + ",passwort\n" + BIBERACH);
        assertTrue(extra.problems().get(0).message().contains("Unbekannt: passwort"));
    }

    /** UTF-8 with and without BOM and Latin-1 all read "Baden-Württemberg" right; UTF-16 is refused. */
    @Test
    public void encodings_are_detected() {
        String text = HEADER + BIBERACH;
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        for (byte[] bytes : List.of(utf8, bom, text.getBytes(StandardCharsets.ISO_8859_1))) {
            RegistryCsv.Result result = RegistryCsv.read(bytes);
            assertTrue(result.problems().toString(), result.valid());
            assertEquals("Baden-Württemberg", result.entries().get(0).state());
        }
        assertEquals("UTF-8 mit BOM", RegistryCsv.read(bom).encoding());
        assertEquals("ISO-8859-1 (Latin-1)", RegistryCsv.read(text.getBytes(StandardCharsets.ISO_8859_1)).encoding());
        assertFalse(RegistryCsv.read(text.getBytes(StandardCharsets.UTF_16)).valid());
    }

    /** A file over 10 MB is refused before it is parsed. */
    @Test
    public void more_than_10_mb_is_refused() {
        byte[] big = new byte[RegistryCsv.MAX_BYTES + 1];
        Arrays.fill(big, (byte) 'a');
        RegistryCsv.Result result = RegistryCsv.read(big);
        assertEquals("Die Datei ist größer als 10 MB.", result.problems().get(0).message());
    }

    /** Cells a spreadsheet would run are reported, whichever column they are in. */
    @Test
    public void formula_cells_are_reported() {
        RegistryCsv.Result result = RegistryCsv.read(HEADER
                + "08426,=CMD(\"calc\"),Landkreis,Baden-Württemberg,2005,,,,ja,,,belegt,@SUM(A1)\n");
        assertEquals(2, result.problems().size());
        assertTrue(result.problems().get(0).message().startsWith("Spalte name beginnt mit „=“"));
        assertTrue(result.problems().get(1).message().startsWith("Spalte source beginnt mit „@“"));
    }

    /** Hostile text that is no formula is data: kept as it is, for the pages to escape. */
    @Test
    public void hostile_text_is_kept_as_data() {
        RegistryCsv.Result result = RegistryCsv.read(HEADER
                + "08426,<script>alert(1)</script>,Landkreis,Baden-Württemberg,2005,,,,ja,' OR 1=1 --,../../etc,,x\n");
        assertTrue(result.problems().toString(), result.valid());
        assertEquals("<script>alert(1)</script>", result.entries().get(0).name());
        assertEquals("' OR 1=1 --", result.entries().get(0).areaNote());
    }

    /** Export: cells starting with = + - @ get an apostrophe; reading the export gives the same registry back. */
    @Test
    public void export_neutralises_formulas_and_round_trips() {
        List<Entry> entries = new ArrayList<>(Seed.entries());
        Entry first = entries.get(0);
        entries.set(0, new Entry(first.ags(), "=HYPERLINK(\"http://x\")", first.type(), first.state(),
                first.admittedYear(), first.since(), first.until(), first.successorAgs(), first.komtrzv2012(),
                "+49 Notiz", "-Alt", "belegt", "@quelle"));
        String csv = RegistryCsvWriter.write(entries);
        assertTrue(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","));
        assertTrue(csv.contains(",'+49 Notiz,'-Alt,belegt,'@quelle"));
        for (String line : csv.split("\n")) {
            for (String cell : line.split(",")) {
                assertFalse(cell, !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0);
            }
        }
        RegistryCsv.Result back = RegistryCsv.read(csv);
        assertTrue(back.problems().toString(), back.valid());
        assertEquals(entries, back.entries());
    }
}
