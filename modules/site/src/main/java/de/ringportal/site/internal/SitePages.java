package de.ringportal.site.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.content.api.RichText;
import de.ringportal.core.api.ModuleSchema;

/** Reads and writes the site's pages in the {@code site_page} table and renders their bodies. */
@Component(service = SitePages.class)
public class SitePages {

    private static final String COLUMNS = "slug, title, body, format, menu_label, menu_order";

    private final DataSource dataSource;
    private final RichText richText;

    /**
     * @param schema not used directly: referencing it keeps this component, and every page that needs it, inactive
     *               until core has migrated the site's tables, and for good if that migration failed
     */
    @Activate
    public SitePages(@Reference DataSource dataSource,
            @Reference(target = "(" + ModuleSchema.NAME + "=site)") ModuleSchema schema,
            @Reference RichText richText) {
        this.dataSource = dataSource;
        this.richText = richText;
    }

    public Optional<SitePage> find(String slug) {
        List<SitePage> pages = query("SELECT " + COLUMNS + " FROM site_page WHERE slug = ?", slug);
        return pages.stream().findFirst();
    }

    /** Every page: the built-in ones first, then the created ones in menu order. */
    public List<SitePage> all() {
        return query("SELECT " + COLUMNS + " FROM site_page ORDER BY CASE WHEN menu_label IS NULL THEN 0 ELSE 1 END,"
                + " menu_order, title");
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
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE site_page SET title = ?, body = ?, "
                        + "format = ?, menu_label = ?, menu_order = ?, updated_at = CURRENT_TIMESTAMP WHERE slug = ?")) {
            update.setString(1, title);
            update.setString(2, body);
            update.setString(3, SitePage.MARKDOWN);
            setMenu(update, 4, slug, menuLabel, menuOrder);
            update.setString(6, slug);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot save site page " + slug, e);
        }
    }

    /** Adds a page; false when the slug is taken. */
    public boolean create(String slug, String title, String body, String menuLabel, int menuOrder) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO site_page (slug, title, body, "
                        + "format, menu_label, menu_order, updated_at) VALUES (?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
            insert.setString(1, slug);
            insert.setString(2, title);
            insert.setString(3, body);
            insert.setString(4, SitePage.MARKDOWN);
            setMenu(insert, 5, slug, menuLabel, menuOrder);
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return false;
            }
            throw new IllegalStateException("Cannot create site page " + slug, e);
        }
    }

    /** Deletes a page the Redaktion created; the built-in pages cannot be deleted. */
    public void delete(String slug) {
        if (SitePage.BUILT_IN.containsKey(slug)) {
            throw new IllegalArgumentException("Built-in page " + slug + " cannot be deleted");
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM site_page WHERE slug = ?")) {
            delete.setString(1, slug);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot delete site page " + slug, e);
        }
    }

    private static void setMenu(PreparedStatement statement, int index, String slug, String label, int order)
            throws SQLException {
        if (SitePage.BUILT_IN.containsKey(slug)) {
            statement.setNull(index, Types.VARCHAR);
            statement.setNull(index + 1, Types.INTEGER);
        } else {
            statement.setString(index, label);
            statement.setInt(index + 1, order);
        }
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

    private List<SitePage> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<SitePage> pages = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    pages.add(new SitePage(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), row.getInt(6)));
                }
            }
            return pages;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read site pages", e);
        }
    }
}
