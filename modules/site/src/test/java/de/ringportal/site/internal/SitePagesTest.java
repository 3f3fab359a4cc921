package de.ringportal.site.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** How the seeded plain-text pages are shown: escaped paragraphs, so their text can never become markup. */
public class SitePagesTest {

    /** Markup-like characters in a seeded text are escaped, braces included. */
    @Test
    public void seeded_text_is_escaped() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#123;&#123;viewer}} &quot;",
                SitePages.escape("<script>alert('x')</script> & {{viewer}} \""));
    }

    /** A page's path: built-in pages at their fixed address, created ones under /seiten/. */
    @Test
    public void paths_of_built_in_and_created_pages() {
        assertEquals("/", new SitePage("start", "Willkommen", "x").path());
        assertEquals("/impressum", new SitePage("impressum", "Impressum", "x").path());
        SitePage created = new SitePage("ueber-uns", "Über uns", "x", SitePage.MARKDOWN, "Über uns", 40);
        assertEquals("/seiten/ueber-uns", created.path());
        assertEquals(true, created.isCustom());
        assertEquals(true, created.isMarkdown());
    }
}
