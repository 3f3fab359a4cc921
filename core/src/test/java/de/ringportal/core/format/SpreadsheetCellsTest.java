package de.ringportal.core.format;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.Test;

/** Exported cells cannot run as formulas, imports take the exported form back, and the byte order mark. */
public class SpreadsheetCellsTest {

    /** Every start a spreadsheet treats as a formula gets an apostrophe; other cells stay as they are. */
    @Test
    public void cells_that_start_like_formulas_get_an_apostrophe() {
        for (String formula : new String[] {"=1+2", "+49 30", "-5", "@SUM(A1)", "\tx", "\rx"}) {
            assertEquals("'" + formula, SpreadsheetCells.neutralise(formula));
        }
        assertEquals("Landkreis Emsland", SpreadsheetCells.neutralise("Landkreis Emsland"));
        assertEquals("1,5", SpreadsheetCells.neutralise("1,5"));
        assertEquals("'quoted", SpreadsheetCells.neutralise("'quoted"));
        assertEquals("", SpreadsheetCells.neutralise(""));
        assertEquals("", SpreadsheetCells.neutralise(null));
    }

    /** What neutralise wrote comes back as typed; an apostrophe before anything else stays. */
    @Test
    public void restore_takes_the_exported_form_back() {
        for (String formula : new String[] {"=1+2", "+49 30", "-5", "@SUM(A1)", "\tx"}) {
            assertEquals(formula, SpreadsheetCells.restore(SpreadsheetCells.neutralise(formula)));
        }
        assertEquals("'Emsland", SpreadsheetCells.restore("'Emsland"));
        assertEquals("'", SpreadsheetCells.restore("'"));
        assertEquals("", SpreadsheetCells.restore(""));
        assertNull(SpreadsheetCells.restore(null));
        assertTrue(SpreadsheetCells.startsLikeFormula("=A1"));
        assertFalse(SpreadsheetCells.startsLikeFormula("A1"));
    }

    /** The byte order mark: written first, recognised in bytes, stripped from the text's start only. */
    @Test
    public void byte_order_mark() {
        assertArrayEquals(SpreadsheetCells.BOM.getBytes(StandardCharsets.UTF_8), SpreadsheetCells.bomBytes());
        assertTrue(SpreadsheetCells.hasBom("\uFEFFags;name".getBytes(StandardCharsets.UTF_8)));
        assertFalse(SpreadsheetCells.hasBom("ags;name".getBytes(StandardCharsets.UTF_8)));
        assertFalse(SpreadsheetCells.hasBom(new byte[] {(byte) 0xEF}));
        assertEquals("ags;name", SpreadsheetCells.stripBom("\uFEFFags;name"));
        assertEquals("ags;name", SpreadsheetCells.stripBom("ags;name"));
        assertNull(SpreadsheetCells.stripBom(null));
    }
}
