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

    /** Any line break inside a paragraph becomes one space, together with the spaces around it. */
    @Test
    public void line_breaks_with_spaces_around_become_one_space() {
        SitePage page = new SitePage("x", "X", "Seit dem 1. 1. 2005 \n  gilt das SGB II.\n\n\nNeu: „Lernen\u2028von den Besten“ –\n seit 2006.");
        assertEquals(List.of("Seit dem 1. 1. 2005 gilt das SGB II.", "Neu: „Lernen von den Besten“ – seit 2006."),
                page.paragraphs());
    }

    /** A paragraph without line breaks stays exactly as written, inner spaces and tabs included. */
    @Test
    public void one_line_stays_as_written() {
        assertEquals(List.of("Ein  Absatz\tmit Tab."), new SitePage("x", "X", " Ein  Absatz\tmit Tab. ").paragraphs());
    }

    /** Text typed in a browser arrives with CRLF line ends: one CRLF is a line break, two are a new paragraph. */
    @Test
    public void crlf_line_ends_break_lines_not_paragraphs() {
        SitePage page = new SitePage("x", "X", "Erste Zeile\r\nzweite Zeile.\r\n\r\nNeuer Absatz.");
        assertEquals(List.of("Erste Zeile zweite Zeile.", "Neuer Absatz."), page.paragraphs());
    }

    /** An empty body has no paragraphs rather than one empty one. */
    @Test
    public void empty_body_has_no_paragraphs() {
        assertEquals(List.of(), new SitePage("x", "X", "  \n\n ").paragraphs());
    }
}
