package de.ringportal.news.internal;

import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import de.ringportal.content.api.RichText;

/**
 * Writes an Atom 1.0 feed (RFC 4287) of public articles with the JDK's StAX writer, which escapes every value. Ids
 * are the articles' absolute URLs: they are permanent, since an article's URL never changes.
 */
final class AtomFeed {

    static final String NS = "http://www.w3.org/2005/Atom";
    static final String TITLE = "Aktuelles – Benchmarking der Optionskommunen";
    static final String PATH = "/aktuelles/feed.atom";

    private AtomFeed() {
    }

    /**
     * @param base     scheme, host and port the reader used, such as {@code https://portal.example}
     * @param articles the entries, newest first
     */
    static void write(Writer out, String base, List<Article> articles, RichText richText) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(NS);
        xml.writeAttribute("xml:lang", "de");
        element(xml, "id", base + "/aktuelles");
        element(xml, "title", TITLE);
        element(xml, "updated", time(articles.stream().map(Article::updatedAt).max(Instant::compareTo)
                .orElse(Instant.EPOCH)));
        xml.writeStartElement("author");
        element(xml, "name", "Projektleitung Benchmarking der Optionskommunen");
        xml.writeEndElement();
        link(xml, "self", base + PATH, "application/atom+xml");
        link(xml, "alternate", base + "/aktuelles", "text/html");
        for (Article article : articles) {
            xml.writeStartElement("entry");
            element(xml, "id", base + article.path());
            element(xml, "title", article.title());
            element(xml, "published", time(article.publishedAt()));
            // "updated" must not lie before "published" for readers that sort by it
            element(xml, "updated", time(article.updatedAt().isAfter(article.publishedAt())
                    ? article.updatedAt() : article.publishedAt()));
            xml.writeStartElement("author");
            element(xml, "name", article.author());
            xml.writeEndElement();
            link(xml, "alternate", base + article.path(), "text/html");
            if (!article.teaser().isBlank()) {
                element(xml, "summary", article.teaser());
            }
            xml.writeStartElement("content");
            xml.writeAttribute("type", "html");
            xml.writeCharacters(richText.toHtml(article.body()));
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href);
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
