package de.ringportal.news.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import de.ringportal.content.api.RichText;

/**
 * The feed checked against RFC 4287: parsed by the JDK's namespace-aware XML parser (so it is well-formed), then the
 * elements the specification requires of a feed and of each entry, their cardinality and formats.
 */
public class AtomFeedTest {

    private static final String BASE = "https://portal.example";
    private static final RichText ESCAPING = new RichText() {
        @Override
        public String toHtml(String markdown) {
            return "<p>" + markdown.replace("&", "&amp;").replace("<", "&lt;") + "</p>";
        }

        @Override
        public String toText(String markdown) {
            return markdown;
        }
    };

    private static Article article(int id, String slug, String title, String teaser, String body, Instant published) {
        return new Article(id, 2026, slug, title, teaser, body, "Erika <Redaktion> & Co", "erika",
                Article.Status.PUBLISHED, published, published.plusSeconds(60), Set.of());
    }

    private static Document feed(List<Article> articles) throws Exception {
        StringWriter out = new StringWriter();
        AtomFeed.write(out, BASE, articles, ESCAPING);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Feed and entries carry every element RFC 4287 requires, once, in valid formats, with hostile text escaped. */
    @Test
    public void feed_is_valid_atom() throws Exception {
        Document document = feed(List.of(
                article(2, "zweite", "<script>alert(1)</script> Neu", "Kurz & knapp", "Text **zwei**",
                        Instant.parse("2026-03-02T10:00:00Z")),
                article(1, "erste", "Erste Nachricht", "", "{{mustache}}", Instant.parse("2026-01-15T08:30:00Z"))));

        Element feed = document.getDocumentElement();
        assertEquals(AtomFeed.NS, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        // atom:feed: exactly one id, title, updated; an author (no entry may lack one); a self link
        assertEquals(BASE + "/aktuelles", only(feed, "id").getTextContent());
        assertEquals(AtomFeed.TITLE, only(feed, "title").getTextContent());
        assertDate(only(feed, "updated").getTextContent());
        assertEquals("2026-03-02T10:01:00Z", only(feed, "updated").getTextContent());
        assertFalse(only(only(feed, "author"), "name").getTextContent().isBlank());
        assertEquals(BASE + AtomFeed.PATH, link(feed, "self").getAttribute("href"));
        assertEquals(BASE + "/aktuelles", link(feed, "alternate").getAttribute("href"));

        List<Element> entries = children(feed, "entry");
        assertEquals(2, entries.size());
        Set<String> ids = new HashSet<>();
        for (Element entry : entries) {
            String id = only(entry, "id").getTextContent();
            assertTrue(id, id.startsWith(BASE + "/aktuelles/2026/"));
            assertTrue("ids are unique", ids.add(id));
            assertFalse(only(entry, "title").getTextContent().isBlank());
            assertDate(only(entry, "updated").getTextContent());
            assertDate(only(entry, "published").getTextContent());
            assertEquals("Erika <Redaktion> & Co", only(only(entry, "author"), "name").getTextContent());
            assertEquals(id, link(entry, "alternate").getAttribute("href"));
            assertEquals("html", only(entry, "content").getAttribute("type"));
            assertTrue("at most one summary", children(entry, "summary").size() <= 1);
        }
        Element first = entries.get(0);
        // hostile text stays text: the title element holds the characters, not markup
        assertEquals("<script>alert(1)</script> Neu", only(first, "title").getTextContent());
        assertEquals(0, first.getElementsByTagName("script").getLength());
        assertEquals("Kurz & knapp", only(first, "summary").getTextContent());
        assertEquals("<p>Text **zwei**</p>", only(first, "content").getTextContent());
        assertEquals(0, children(entries.get(1), "summary").size());
    }

    /** A feed without entries is still valid: updated falls back to a fixed date. */
    @Test
    public void empty_feed_is_valid() throws Exception {
        Element feed = feed(List.of()).getDocumentElement();
        assertNotNull(only(feed, "id"));
        assertDate(only(feed, "updated").getTextContent());
        assertEquals(0, children(feed, "entry").size());
    }

    private static void assertDate(String text) {
        // RFC 3339 date-time, as RFC 4287 section 3.3 requires
        assertNotNull(OffsetDateTime.parse(text));
    }

    private static Element link(Element parent, String rel) {
        return children(parent, "link").stream().filter(link -> rel.equals(link.getAttribute("rel"))).findFirst()
                .orElseThrow(() -> new AssertionError("no link rel=" + rel));
    }

    private static Element only(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertEquals("exactly one atom:" + name + " in " + parent.getLocalName(), 1, found.size());
        return found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        NodeList nodes = parent.getChildNodes();
        List<Element> found = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && AtomFeed.NS.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }
}
