package de.ringportal.site.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.ModuleSchema;

/** Reads the site's pages from the {@code site_page} table. */
@Component(service = SitePages.class)
public class SitePages {

    private final DataSource dataSource;

    /**
     * @param schema not used directly: referencing it keeps this component, and every page that needs it, inactive
     *               until core has migrated the site's tables, and for good if that migration failed
     */
    @Activate
    public SitePages(@Reference DataSource dataSource,
            @Reference(target = "(" + ModuleSchema.NAME + "=site)") ModuleSchema schema) {
        this.dataSource = dataSource;
    }

    public Optional<SitePage> find(String slug) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT title, body FROM site_page WHERE slug = ?")) {
            query.setString(1, slug);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new SitePage(slug, row.getString(1), row.getString(2)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read site page " + slug, e);
        }
    }
}
