package de.ringportal.benchmark.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;

import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;

@RunWith(BothDatabases.class)
public class KeyFigureStoreTest {

    private final KeyFigureStore store = new KeyFigureStore(TestDatabase.migrated(KeyFigureStore.class, "benchmark"));

    /** The seeded catalogue holds the 22 figures of the bundled CSV, with direction and period. */
    @Test
    public void catalogue_is_seeded_from_the_bundled_csv() {
        List<Figure> figures = store.figures();
        assertEquals(22, figures.size());
        Figure k2 = store.figure("K2").orElseThrow();
        assertEquals("Integrationsquote", k2.name());
        assertEquals(Figure.Better.HIGHER, k2.better());
        assertTrue(k2.monthly());
        assertEquals(Figure.Kind.CHANGE, store.figure("K1").orElseThrow().kind());
        assertEquals(Figure.Better.LOWER, store.figure("KDU").orElseThrow().better());
    }

    /** A change keeps the old value in the history and makes the value a draft again. */
    @Test
    public void changes_keep_history_and_drafts_stay_out_of_comparisons() {
        store.save("08426", List.of(new KeyFigureStore.Change("SGB2Q", "2024", null, null, 5.5, null)), "anna", "t");
        assertTrue(store.released("SGB2Q", "2024", List.of("08426")).isEmpty());

        assertEquals(1, store.release("08426", 2024, "anna"));
        assertEquals(5.5, store.released("SGB2Q", "2024", List.of("08426")).get("08426").value(), 0);

        store.save("08426", List.of(new KeyFigureStore.Change("SGB2Q", "2024", null, null, 6.0, "neu")), "ben", "t");
        assertTrue("changed value is a draft again", store.released("SGB2Q", "2024", List.of("08426")).isEmpty());
        List<KeyFigureStore.HistoryEntry> history = store.history("08426", 2024, 0, 10);
        assertEquals(2, history.size());
        assertEquals(5.5, history.get(0).oldValue(), 0);
        assertEquals(6.0, history.get(0).newValue(), 0);
        assertEquals("ben", history.get(0).changedBy());
        assertEquals(null, history.get(1).oldValue());
    }

    /** One bad row: the validator lists it with its row number and nothing reaches the database. */
    @Test
    public void an_import_with_a_bad_row_lists_it_and_writes_nothing() throws IOException {
        String csv = "kommune;kennzahl;zeitraum;zaehler;nenner;wert;kommentar\n"
                + "08426;SGB2Q;2024;;;5,5;\n"
                + "08426;K2;2024;;;20;\n"
                + "08426;KDU;2024;;;;\n"
                + "08426;BGD;2024;10;0;;\n"
                + "08426;SGB2Q;2024;;;5,5;\n";
        ImportValidator validator = validator("08426");
        Transfer.readCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), validator);

        assertFalse(validator.valid());
        assertEquals(List.of(
                "Zeile 3: Der Zeitraum „2024“ passt nicht zur Kennzahl K2 (monatlich: JJJJ-MM, zum Beispiel 2024-12).",
                "Zeile 4: Die Zeile enthält keinen Wert (Zellen „wert“ oder „zaehler“ und „nenner“ sind leer).",
                "Zeile 5: Nenner: Der Nenner darf nicht 0 sein.",
                "Zeile 6: Die Kennzahl SGB2Q für 2024 und 08426 steht mehrfach in der Datei."),
                validator.problems());
        assertEquals(0, store.values("08426", 2024).size());
    }

    /** A valid import is written in batches, as drafts, with its history. */
    @Test
    public void a_valid_import_is_written_completely_as_drafts() throws IOException {
        StringBuilder csv = new StringBuilder("\uFEFFkommune;kennzahl;zeitraum;wert\n");
        for (int year = 2000 + 5; year < 2005 + 30; year++) {
            for (String ags : List.of("08426", "08435", "08236", "08118")) {
                csv.append(ags).append(";SGB2Q;").append(year).append(";5,5\n");
            }
        }
        ImportValidator validator = validator(null);
        Transfer.readCsv(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), validator);
        assertTrue(validator.problems().toString(), validator.valid());
        assertEquals(120, store.importRows(validator.rows(), "redaktion", false));
        assertEquals(1, store.releaseStates(List.of("08426"), 2010).get("08426").drafts());
    }

    /** The export writes German numbers and keeps a comment that looks like a formula inert. */
    @Test
    public void csv_export_has_german_numbers_and_inert_text() throws IOException {
        store.save("08426", List.of(new KeyFigureStore.Change("KDU", "2024", 123456.0, 100.0, 1234.56, "=1+2"),
                new KeyFigureStore.Change("K1", "2024-12", null, null, -3.5, null)), "anna", "t");
        java.io.StringWriter out = new java.io.StringWriter();
        Transfer.writeCsv(store, "08426", value -> true, ags -> "Landkreis Biberach", out);
        assertEquals("kommune;name;kennzahl;zeitraum;zaehler;nenner;wert;kommentar;status\r\n"
                + "08426;Landkreis Biberach;K1;2024-12;;;-3,5;;Entwurf\r\n"
                + "08426;Landkreis Biberach;KDU;2024;123.456;100;1.234,56;'=1+2;Entwurf\r\n", out.toString());
    }

    /** A comment the export neutralised ("'=1+2") comes back from an import as it was typed. */
    @Test
    public void an_exported_formula_comment_is_restored_by_the_import() throws IOException {
        String csv = "kommune;kennzahl;zeitraum;wert;kommentar\n08426;SGB2Q;2023;5,5;'=1+2\n";
        ImportValidator validator = validator("08426");
        Transfer.readCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), validator);
        assertTrue(validator.problems().toString(), validator.valid());
        assertEquals("=1+2", validator.rows().get(0).change().note());
    }

    private ImportValidator validator(String onlyAgs) {
        return new ImportValidator(store.figures(), onlyAgs, ags -> true, ags -> Map.of(), 30);
    }
}
