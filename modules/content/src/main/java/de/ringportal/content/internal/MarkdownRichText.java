package de.ringportal.content.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.osgi.service.component.annotations.Component;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import de.ringportal.content.api.RichText;

/**
 * Markdown by commonmark-java (CommonMark plus GitHub tables), then the OWASP Java HTML Sanitizer with an allow-list
 * of text elements: raw HTML that editors type passes only where the list allows it, so scripts, event handlers,
 * styles and {@code javascript:} URLs never reach a page. Headings start at h2, since the page title is the one h1.
 */
@Component(service = RichText.class)
public class MarkdownRichText implements RichText {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Pattern NUMBER = Pattern.compile("\\d{1,6}");

    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code", "em",
                    "strong", "del", "br", "hr", "a", "img", "table", "thead", "tbody", "tr", "th", "td")
            // the page's title is its only h1: a Markdown "# x" becomes the first heading level below it
            .allowElements((name, attributes) -> "h2", "h1")
            .allowAttributes("href", "title").onElements("a")
            .allowAttributes("src", "alt", "title").onElements("img")
            .allowAttributes("start").matching(NUMBER).onElements("ol")
            .allowAttributes("scope").matching(Pattern.compile("col|row")).onElements("th")
            .allowStandardUrlProtocols()
            .requireRelsOnLinks("noopener", "noreferrer")
            .toFactory();

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS)
            // header cells get scope="col" (tables need it for screen readers); GFM's align attribute is obsolete HTML
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                attributes.remove("align");
                if (node instanceof TableCell cell && cell.isHeader()) {
                    attributes.put("scope", "col");
                }
            })
            .build();
    private final TextContentRenderer textRenderer = TextContentRenderer.builder().extensions(EXTENSIONS).build();

    @Override
    public String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return POLICY.sanitize(renderer.render(parser.parse(markdown)));
    }

    @Override
    public String toText(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node document = parser.parse(markdown);
        // raw HTML is markup, not text: drop it, so teasers and search never show tags
        List<Node> html = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock block) {
                html.add(block);
            }

            @Override
            public void visit(HtmlInline inline) {
                html.add(inline);
            }
        });
        html.forEach(Node::unlink);
        return textRenderer.render(document).strip();
    }
}
