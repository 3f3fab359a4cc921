package de.ringportal.reports.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class FileNamesTest {

    @Test
    public void folders_are_dropped() {
        assertEquals("passwd.pdf", FileNames.safe("../../etc/passwd", FileKind.PDF));
        assertEquals("the sent extension gives way to the kind's", "boot.pdf",
                FileNames.safe("..\\..\\windows\\boot.ini", FileKind.PDF));
        assertEquals("bericht.pdf", FileNames.safe("../..", FileKind.PDF));
    }

    @Test
    public void nul_and_control_characters_are_removed() {
        assertEquals("evilpdf.exe.pdf", FileNames.safe("evil\u0000pdf.exe.pdf", FileKind.PDF));
        String safe = FileNames.safe("a\r\nContent-Type: text/html.pdf", FileKind.PDF);
        assertFalse(safe.contains("\r"));
        assertFalse(safe.contains("\n"));
        assertFalse(safe.contains(":"));
    }

    /** Markup and template syntax lose their special characters; the extension is the kind's. */
    @Test
    public void markup_is_made_inert() {
        String safe = FileNames.safe("<script>alert(1)</script>{{x}}.pdf", FileKind.PDF);
        assertFalse(safe.contains("<"));
        assertFalse(safe.contains("{"));
        assertTrue(safe.endsWith(".pdf"));
        assertEquals("zahlen.csv", FileNames.safe("zahlen.txt", FileKind.CSV));
    }

    @Test
    public void three_hundred_characters_are_cut_keeping_the_extension() {
        String safe = FileNames.safe("ä".repeat(300) + ".xlsx", FileKind.XLSX);
        assertEquals(FileNames.MAX_LENGTH, safe.length());
        assertTrue(safe.endsWith(".xlsx"));
    }

    @Test
    public void umlauts_are_kept() {
        assertEquals("Kennzahlen Übersicht 2025.pdf", FileNames.safe("Kennzahlen  Übersicht 2025.pdf", FileKind.PDF));
    }

    /** RFC 6266 / 5987: ASCII fallback and the exact UTF-8 name. */
    @Test
    public void content_disposition_carries_both_names() {
        assertEquals("attachment; filename=\"Uebersicht Koeln.pdf\"; filename*=UTF-8''%C3%9Cbersicht%20K%C3%B6ln.pdf",
                FileNames.contentDisposition("Übersicht Köln.pdf"));
        assertEquals("attachment; filename=\"a_b.pdf\"; filename*=UTF-8''a%22b.pdf",
                FileNames.contentDisposition("a\"b.pdf"));
    }
}
