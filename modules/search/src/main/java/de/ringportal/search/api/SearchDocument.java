package de.ringportal.search.api;

import java.time.Instant;
import java.util.Set;

/**
 * One searchable item as its module describes it.
 *
 * @param source      the source's name, as in its service property {@link SearchSource#SOURCE}
 * @param id          the item's id within the source
 * @param title       the title, plain text
 * @param text        the body, plain text (for reports, the description and the text extracted from the file)
 * @param path        the item's page, a portal path ("/aktuelles/2026/neue-kennzahlen")
 * @param rings       the rings that may see it; empty means everyone
 * @param visibleFrom when it becomes visible (embargo, future publication); null means now
 */
public record SearchDocument(String source, String id, String title, String text, String path, Set<String> rings,
        Instant visibleFrom) {

    public SearchDocument {
        rings = Set.copyOf(rings);
    }

    public boolean isPublic() {
        return rings.isEmpty();
    }
}
