package de.ringportal.content.internal;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class MarkdownRichTextTest {

    private final MarkdownRichText richText = new MarkdownRichText();

    /** Ordinary Markdown becomes the expected HTML: paragraphs, emphasis, lists, links, headings below the h1. */
    @Test
    public void markdown_renders_to_html() {
        String html = richText.toHtml("# Neu\n\nText mit *Betonung* und [Link](https://example.org/x).\n\n- eins\n- zwei");
        assertThat(html, containsString("<h2>Neu</h2>"));
        assertThat(html, not(containsString("<h1")));
        assertThat(html, containsString("<em>Betonung</em>"));
        assertThat(html, containsString("<a href=\"https://example.org/x\" rel=\"noopener noreferrer\">Link</a>"));
        assertThat(html, containsString("<li>eins</li>"));
    }

    /** Script elements and their content are removed, whether typed as a block or inline. */
    @Test
    public void script_is_removed() {
        String html = richText.toHtml("Hallo <script>alert(1)</script> Welt\n\n<script>\nalert(2)\n</script>");
        assertThat(html, not(containsString("<script")));
        assertThat(html, not(containsString("alert")));
        assertThat(html, containsString("Hallo"));
    }

    /** Event handlers, javascript: links and inline styles are dropped; the harmless rest stays. */
    @Test
    public void event_handlers_and_javascript_links_are_removed() {
        String html = richText.toHtml("<img src=x onerror=alert(1) alt=\"Bild\">\n\n[klick](javascript:alert(1)) "
                + "<a href=\"JaVaScRiPt:alert(2)\">zwei</a> <p style=\"color:red\" onclick=\"x()\">rot</p>");
        assertThat(html, not(containsString("onerror")));
        assertThat(html, not(containsString("onclick")));
        assertThat(html, not(containsString("style")));
        assertThat(html.toLowerCase(), not(containsString("javascript")));
        assertThat(html, containsString("klick"));
        assertThat(html, containsString("rot"));
    }

    /**
     * Mustache tags in a body are shown as typed; the sanitiser even breaks up every "{{" with an empty comment, so
     * no template engine could evaluate them.
     */
    @Test
    public void mustache_is_plain_text() {
        String html = richText.toHtml("{{viewer}} & {{{csrfToken}}}").strip();
        assertThat(html, not(containsString("{{")));
        assertEquals("<p>{{viewer}} &amp; {{{csrfToken}}}</p>", html.replace("<!-- -->", ""));
    }

    /** Tables get header cells with a scope and no obsolete align attribute. */
    @Test
    public void tables_are_accessible_and_valid() {
        String html = richText.toHtml("| Jahr | Wert |\n|:---|---:|\n| 2026 | 5 |");
        assertThat(html, containsString("<th scope=\"col\">Jahr</th>"));
        assertThat(html, not(containsString("align")));
    }

    /** The text form has neither markup nor Markdown syntax. */
    @Test
    public void text_drops_markup() {
        String text = richText.toText("## Titel\n\nEin **fetter** <b>Satz</b><script>x()</script>.");
        assertThat(text, containsString("Titel"));
        assertThat(text, containsString("fetter"));
        assertThat(text, not(containsString("*")));
        assertThat(text, not(containsString("<")));
    }

    /** Nothing in, nothing out. */
    @Test
    public void blank_gives_empty() {
        assertEquals("", richText.toHtml(null));
        assertEquals("", richText.toHtml("  \n"));
        assertEquals("", richText.toText(null));
    }
}
