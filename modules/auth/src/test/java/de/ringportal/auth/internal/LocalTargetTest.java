package de.ringportal.auth.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

/** Where a login may send the browser afterwards: a path of this site, never another host or a script. */
public class LocalTargetTest {

    /** Every way of naming another host, or no page at all, falls back to the start page. */
    @Test
    public void targets_off_this_site_become_the_start_page() {
        List<String> hostile = List.of(
                "//evil.example",
                "//evil.example/anmelden",
                "https://evil.example",
                "http://evil.example/",
                "HTTPS://evil.example",
                "/\\evil.example",
                "\\\\evil.example",
                "/\\/evil.example",
                "javascript:alert(1)",
                "JavaScript:alert(1)",
                "data:text/html,<script>alert(1)</script>",
                "%2F%2Fevil.example",
                "/%09/evil.example".replace("%09", "\t"),
                "/\r\nLocation: https://evil.example",
                " //evil.example",
                "evil.example",
                "impressum",
                "",
                "/" + "a".repeat(2001));
        for (String target : hostile) {
            assertEquals(target, "/", LocalTarget.of(target));
        }
        assertEquals("/", LocalTarget.of(null));
    }

    /** A path of this site, with its query and fragment, is kept as it is. */
    @Test
    public void paths_of_this_site_are_kept() {
        for (String target : List.of("/", "/impressum", "/impressum?x=1", "/ring/3/bericht.pdf",
                "/suche?q=a%2Fb&seite=2", "/seite#abschnitt", "/%2F%2Fevil.example")) {
            assertEquals(target, target, LocalTarget.of(target));
        }
    }
}
