package de.ringportal.news.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class SlugsTest {

    /** German titles become readable ASCII segments; hostile or empty titles still give a safe one. */
    @Test
    public void titles_become_readable_segments() {
        assertEquals("neue-kennzahlen-fuer-2026", Slugs.of("Neue Kennzahlen für 2026!"));
        assertEquals("gruesse-aus-der-strasse", Slugs.of("Grüße aus der Straße"));
        assertEquals("script-alert-1-script", Slugs.of("<script>alert(1)</script>"));
        assertEquals("beitrag", Slugs.of("!!!"));
        assertEquals("etc-passwd", Slugs.of("../../etc/passwd"));
        assertTrue(Slugs.of("a".repeat(300)).length() <= Slugs.MAX);
    }
}
