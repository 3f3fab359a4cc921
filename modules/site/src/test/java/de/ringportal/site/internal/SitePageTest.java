package de.ringportal.site.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

/** How a stored page body becomes paragraphs. */
public class SitePageTest {

    /** Blank lines separate paragraphs; single line breaks inside one are folded into spaces. */
    @Test
    public void blank_lines_separate_paragraphs() {
        SitePage page = new SitePage("x", "X", "Erster Absatz,\nzweite Zeile.\n\n  \nZweiter Absatz.\r\n\r\nDritter.\n");
        assertEquals(List.of("Erster Absatz, zweite Zeile.", "Zweiter Absatz.", "Dritter."), page.paragraphs());
    }

    /** An empty body has no paragraphs rather than one empty one. */
    @Test
    public void empty_body_has_no_paragraphs() {
        assertEquals(List.of(), new SitePage("x", "X", "  \n\n ").paragraphs());
    }
}
