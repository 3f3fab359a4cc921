package de.ringportal.site.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import de.ringportal.content.api.ContentVersion;
import de.ringportal.content.api.DiffLine;
import de.ringportal.content.api.Versions;
import de.ringportal.core.format.GermanDates;
import de.ringportal.core.pages.Exchange;

/**
 * The versions of a page in the editor: the history, the comparison of two versions, and restoring an earlier one
 * as a new version. The seeded text of a built-in page becomes version 1 before its first edit.
 */
public final class PageHistory {

    private static final String KIND = PageEditor.KIND;

    private final SitePages pages;
    private final Versions versions;
    private final Function<Exchange, String> author;
    private final Consumer<String> changed;

    /** One version in the history; the newest is {@code current}, the radio buttons preselect the newest two. */
    public record Row(ContentVersion version, String time, boolean current, boolean olderChecked,
            boolean newerChecked) {
    }

    public record HistoryPage(SitePage page, List<Row> rows, String restored) {

        public boolean empty() {
            return rows.isEmpty();
        }

        public boolean comparable() {
            return rows.size() > 1;
        }
    }

    public record ComparePage(SitePage page, ContentVersion older, ContentVersion newer, List<DiffLine> lines) {

        public String olderTime() {
            return GermanDates.dateTime(older.createdAt());
        }

        public String newerTime() {
            return GermanDates.dateTime(newer.createdAt());
        }
    }

    PageHistory(SitePages pages, Versions versions, Function<Exchange, String> author, Consumer<String> changed) {
        this.pages = pages;
        this.versions = versions;
        this.author = author;
        this.changed = changed;
    }

    /** Before a built-in page's first edit, its seeded text is saved as version 1, so it can be restored. */
    void keepOriginal(SitePage page) {
        if (versions.list(KIND, page.slug()).isEmpty()) {
            versions.save(KIND, page.slug(), "Ersteinrichtung", page.title(), "", page.body());
        }
    }

    void list(Exchange x, SitePage page) throws IOException {
        List<ContentVersion> all = versions.list(KIND, page.slug());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            rows.add(new Row(all.get(i), GermanDates.dateTime(all.get(i).createdAt()), i == 0,
                    i == Math.min(1, all.size() - 1), i == 0));
        }
        String restored = x.parameter("wiederhergestellt");
        x.render("Versionen: " + page.title(), "page-versions",
                new HistoryPage(page, rows, restored.matches("\\d{1,6}") ? restored : null));
    }

    void compare(Exchange x, SitePage page) throws IOException {
        Optional<Versions.Comparison> found = versions.compare(KIND, page.slug(), x.request().getParameter("a"),
                x.request().getParameter("b"));
        if (found.isEmpty()) {
            x.notFound();
            return;
        }
        Versions.Comparison comparison = found.get();
        x.render("Versionen vergleichen", "page-compare",
                new ComparePage(page, comparison.older(), comparison.newer(), comparison.lines()));
    }

    void restore(Exchange x, SitePage page) throws IOException {
        Optional<ContentVersion> version = versions.get(KIND, page.slug(), x.request().getParameter("nummer"));
        if (version.isEmpty()) {
            x.notFound();
            return;
        }
        ContentVersion old = version.get();
        pages.update(page.slug(), old.title(), old.body(), page.menuLabel(), page.menuOrder());
        ContentVersion created = versions.save(KIND, page.slug(), author.apply(x), old.title(), "", old.body());
        changed.accept(page.slug());
        x.seeOther("/redaktion/seiten/" + page.slug() + "/versionen?wiederhergestellt=" + old.number()
                + "#v" + created.number());
    }
}
