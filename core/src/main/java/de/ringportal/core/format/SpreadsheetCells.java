package de.ringportal.core.format;

/**
 * CSV cells for spreadsheets. A cell that starts like a formula ({@code = + - @}, tab, carriage return) would run in
 * Excel or LibreOffice when the file is opened, so exports write it with a leading apostrophe, which the
 * spreadsheet shows as text ({@link #neutralise}); imports take that form back ({@link #restore}). Exports start with
 * the UTF-8 byte order mark so that Excel reads umlauts right; imports drop it ({@link #stripBom}).
 */
public final class SpreadsheetCells {

    /** The byte order mark U+FEFF, written first into a UTF-8 CSV file for Excel. */
    public static final String BOM = "\uFEFF";

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetCells() {
    }

    /** The UTF-8 bytes of {@link #BOM}: EF BB BF. */
    public static byte[] bomBytes() {
        return new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    }

    /** Does this text start like a formula? */
    public static boolean startsLikeFormula(String cell) {
        return cell != null && !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0;
    }

    /** The cell as a spreadsheet only ever shows it: "=1+2" becomes "'=1+2"; null becomes "". */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        return startsLikeFormula(cell) ? "'" + cell : cell;
    }

    /** The text back from {@link #neutralise}: "'=1+2" becomes "=1+2"; other cells stay as they are. */
    public static String restore(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && startsLikeFormula(cell.substring(1))) {
            return cell.substring(1);
        }
        return cell;
    }

    /** The text without a leading byte order mark (a spreadsheet's CSV export starts with one). */
    public static String stripBom(String text) {
        return text != null && text.startsWith(BOM) ? text.substring(1) : text;
    }

    /** Does the file start with the UTF-8 byte order mark? */
    public static boolean hasBom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
    }
}
