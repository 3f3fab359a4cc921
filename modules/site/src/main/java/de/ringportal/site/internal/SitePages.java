package de.ringportal.site.internal;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.content.api.RichText;
import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.data.RowMapper;
import de.ringportal.core.data.Sql;

/** Reads and writes the site's pages in the {@code site_page} table and renders their bodies. */
@Component(service = SitePages.class)
public class SitePages {

    private static final String SELECT = "SELECT slug, title, body, format, menu_label, menu_order FROM site_page";
    private static final RowMapper<SitePage> PAGE = row -> new SitePage(row.getString(1), row.getString(2),
            row.getString(3), row.getString(4), row.getString(5), row.getInt(6));

    private final Sql sql;
    private final RichText richText;

    /**
     * @param schema not used directly: referencing it keeps this component, and every page that needs it, inactive
     *               until core has migrated the site's tables, and for good if that migration failed
     */
    @Activate
    public SitePages(@Reference DataSource dataSource,
            @Reference(target = "(" + ModuleSchema.NAME + "=site)") ModuleSchema schema,
            @Reference RichText richText) {
        this.sql = Sql.over(dataSource);
        this.richText = richText;
    }

    public Optional<SitePage> find(String slug) {
        return sql.first(SELECT + " WHERE slug = ?", PAGE, slug);
    }

    /** Every page: the built-in ones first, then the created ones in menu order. */
    public List<SitePage> all() {
        return sql.list(SELECT + " ORDER BY CASE WHEN menu_label IS NULL THEN 0 ELSE 1 END, menu_order, title", PAGE);
    }

    /** The page's body as HTML: sanitised Markdown, or the seeded paragraphs escaped. */
    public String html(SitePage page) {
        return page.isMarkdown() ? richText.toHtml(page.body()) : paragraphsHtml(page);
    }

    /** The page's body as plain text, for the search. */
    public String text(SitePage page) {
        return page.isMarkdown() ? richText.toText(page.body()) : String.join("\n\n", page.paragraphs());
    }

    /** Markdown rendered for a preview, without saving. */
    public String preview(String markdown) {
        return richText.toHtml(markdown);
    }

    /** Saves a page's new text as Markdown (the built-in pages keep no menu entry). */
    public void update(String slug, String title, String body, String menuLabel, int menuOrder) {
        boolean builtIn = SitePage.BUILT_IN.containsKey(slug);
        sql.update("UPDATE site_page SET title = ?, body = ?, format = ?, menu_label = ?, menu_order = ?, "
                + "updated_at = CURRENT_TIMESTAMP WHERE slug = ?", title, body, SitePage.MARKDOWN,
                builtIn ? null : menuLabel, builtIn ? null : menuOrder, slug);
    }

    /** Adds a page the Redaktion created; false when the slug is taken. */
    public boolean create(String slug, String title, String body, String menuLabel, int menuOrder) {
        return sql.write(tx -> tx.unlessDuplicate(same -> same.update("INSERT INTO site_page (slug, title, body, "
                + "format, menu_label, menu_order, updated_at) VALUES (?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)", slug,
                title, body, SitePage.MARKDOWN, menuLabel, menuOrder))).isPresent();
    }

    /** Deletes a page the Redaktion created; the built-in pages cannot be deleted. */
    public void delete(String slug) {
        if (SitePage.BUILT_IN.containsKey(slug)) {
            throw new IllegalArgumentException("Built-in page " + slug + " cannot be deleted");
        }
        sql.update("DELETE FROM site_page WHERE slug = ?", slug);
    }

    private static String paragraphsHtml(SitePage page) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : page.paragraphs()) {
            html.append("<p>").append(escape(paragraph)).append("</p>\n");
        }
        return html.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                // "{{" would be inert here anyway (the layout inserts the page once, unevaluated); this keeps it so
                case '{' -> out.append("&#123;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
