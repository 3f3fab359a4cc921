package de.ringportal.news.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import de.ringportal.content.api.ContentVersion;
import de.ringportal.content.api.DiffLine;
import de.ringportal.content.api.Versions;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.format.GermanDates;
import de.ringportal.core.pages.Exchange;

/**
 * An article's version history in the editor: the list, the comparison of two versions and the restore of an older
 * one as a new version. {@link NewsEditor} routes to it once it has checked the writer's right to the article.
 */
final class NewsHistory {

    static final String KIND = "news";

    /** A row of the history: the version, when it was saved, and which radio buttons start checked. */
    record Row(ContentVersion version, String time, boolean current, boolean olderChecked, boolean newerChecked) {
    }

    record HistoryPage(Article article, List<Row> rows, boolean comparable, String restored) {
    }

    record ComparePage(Article article, ContentVersion older, ContentVersion newer, List<DiffLine> lines, String olderTime,
            String newerTime) {
    }

    private final NewsStore store;
    private final Versions versions;
    private final ChangeEvents events;

    NewsHistory(NewsStore store, Versions versions, ChangeEvents events) {
        this.store = store;
        this.versions = versions;
        this.events = events;
    }

    /** {@code GET /<id>/versionen}, newest first; after a restore with its notice. */
    void list(Exchange exchange, Article article) throws IOException {
        List<ContentVersion> all = versions.list(KIND, String.valueOf(article.id()));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            ContentVersion version = all.get(i);
            rows.add(new Row(version, GermanDates.dateTime(version.createdAt()), i == 0,
                    i == Math.min(1, all.size() - 1), i == 0));
        }
        String restored = exchange.parameter("wiederhergestellt");
        exchange.render("Versionen: " + article.title(), "versions", new HistoryPage(article, rows, all.size() > 1,
                restored.matches("\\d{1,6}") ? restored : null));
    }

    /** {@code GET /<id>/vergleich?a=&b=}: 404 unless both versions exist. */
    void compare(Exchange exchange, Article article) throws IOException {
        Optional<Versions.Comparison> comparison = versions.compare(KIND, String.valueOf(article.id()),
                exchange.request().getParameter("a"), exchange.request().getParameter("b"));
        if (comparison.isEmpty()) {
            exchange.notFound();
            return;
        }
        ContentVersion older = comparison.get().older();
        ContentVersion newer = comparison.get().newer();
        exchange.render("Versionen vergleichen", "compare", new ComparePage(article, older, newer,
                comparison.get().lines(), GermanDates.dateTime(older.createdAt()),
                GermanDates.dateTime(newer.createdAt())));
    }

    /** {@code POST /<id>/wiederherstellen}: the old text as a new version; date, state and audience stay. */
    void restore(Exchange exchange, Article article) throws IOException {
        Optional<ContentVersion> version = versions.get(KIND, String.valueOf(article.id()),
                exchange.request().getParameter("nummer"));
        if (version.isEmpty()) {
            exchange.notFound();
            return;
        }
        ContentVersion old = version.get();
        NewsForm form = NewsForm.of(article).withText(old.title(), old.summary(), old.body());
        Article saved = store.update(article.id(), form);
        ContentVersion created = versions.save(KIND, String.valueOf(saved.id()), author(exchange.viewer()),
                saved.title(), saved.teaser(), saved.body());
        events.changed(saved.id());
        exchange.seeOther("/aktuelles/redaktion/" + article.id() + "/versionen?wiederhergestellt=" + old.number()
                + "#v" + created.number());
    }

    /** The name a version is signed with: the display name, else the user name. */
    static String author(Viewer viewer) {
        return viewer.displayName().isBlank() ? viewer.userName() : viewer.displayName();
    }
}
