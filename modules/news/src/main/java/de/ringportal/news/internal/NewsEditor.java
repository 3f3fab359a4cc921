package de.ringportal.news.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ringportal.content.api.RichText;
import de.ringportal.content.api.Versions;
import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.Pager;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.StoreBusyException;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.api.Views;
import de.ringportal.core.forms.FormErrors;
import de.ringportal.core.pages.Exchange;
import de.ringportal.core.pages.Handler;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import de.ringportal.rings.api.Ring;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Writing news, for the Redaktion (any audience) and ring moderators (their rings): the list of articles they may
 * edit, the form with a preview, the version history ({@link NewsHistory}), and deleting with a confirmation. Every
 * request checks the writer's rights on the server: the area in {@code guardAll}, then the article at hand.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/aktuelles/redaktion/*")
@MenuEntry(label = "Nachrichten schreiben", path = "/aktuelles/redaktion", order = 80,
        role = {"redaktion", "ringmoderation"})
public class NewsEditor extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(NewsEditor.class);
    static final String KIND = NewsHistory.KIND;
    static final int LIST_SIZE = 20;
    private static final String BUSY = "speichern";

    record Row(Article article, String audience) {
    }

    record ListPage(List<Row> rows, boolean empty, Pager pager) {
    }

    record RingChoice(String id, String name, boolean checked) {
    }

    /** The article as it will look, after "Vorschau". */
    record Preview(String title, String teaser, String html, String audience) {
    }

    /** The form page; {@code summary} is null when there is nothing to correct. */
    record EditPage(NewsForm form, String action, Article article, String currentAudience,
            FormErrors.Summary summary, boolean draft, boolean mayPublic, List<RingChoice> rings, boolean hasRings,
            int maxTitle, int maxTeaser, int maxBody, Preview preview) {
    }

    record DeletePage(Article article) {
    }

    /** A route's work once the article is found and the writer may edit it. */
    @FunctionalInterface
    private interface ArticleHandler {
        void handle(Exchange exchange, Article article) throws IOException;
    }

    private final transient NewsStore store;
    private final transient NewsAccess newsAccess;
    private final transient RichText richText;
    private final transient Versions versions;
    private final transient ChangeEvents events;
    private final transient NewsHistory history;

    @Activate
    public NewsEditor(@Reference NewsStore store, @Reference NewsAccess newsAccess, @Reference Views views,
            @Reference RichText richText, @Reference Versions versions, @Reference ChangeEvents events) {
        super(newsAccess.access(), views);
        this.store = store;
        this.newsAccess = newsAccess;
        this.richText = richText;
        this.versions = versions;
        this.events = events;
        this.history = new NewsHistory(store, versions, events);
    }

    @Override
    protected Routes routes() {
        return Routes.builder().guardAll((request, path) -> newsAccess.mayWrite(request))
                .get("/", this::list)
                .get("/neu", exchange -> form(exchange, null, NewsForm.empty(), new FormErrors(), null))
                .post("/neu", exchange -> save(exchange, null))
                .get("/{id:int}", item((exchange, article) -> form(exchange, article, NewsForm.of(article),
                        new FormErrors(), null)))
                .post("/{id:int}", item(this::save))
                .get("/{id:int}/versionen", item(history::list))
                .get("/{id:int}/vergleich", item(history::compare))
                .post("/{id:int}/wiederherstellen", item(history::restore))
                .get("/{id:int}/loeschen", item((exchange, article) -> exchange.render("Nachricht löschen",
                        "delete", new DeletePage(article))))
                .post("/{id:int}/loeschen", item(this::delete))
                .build();
    }

    /** The article the path names, if this person may edit it: 404 when there is none, else login page or 403. */
    private Handler item(ArticleHandler handler) {
        return exchange -> {
            Optional<Article> article = store.find(exchange.path().integer("id"));
            if (article.isEmpty()) {
                exchange.notFound();
            } else if (exchange.require(newsAccess.mayEdit(exchange.request(), article.get()))) {
                handler.handle(exchange, article.get());
            }
        };
    }

    private void list(Exchange exchange) throws IOException {
        HttpServletRequest request = exchange.request();
        List<Article> editable = store.all().stream().filter(a -> newsAccess.mayEdit(request, a)).toList();
        Pager pager = Pager.of(request.getParameter(Pager.PARAMETER), editable.size(), LIST_SIZE,
                "/aktuelles/redaktion?");
        List<Row> rows = editable.subList(pager.offset(), Math.min(editable.size(), pager.offset() + LIST_SIZE))
                .stream().map(article -> new Row(article, newsAccess.audienceLabel(article.rings()))).toList();
        exchange.render("Nachrichten schreiben", "editor-list", new ListPage(rows, rows.isEmpty(), pager));
    }

    /** The form, with the problems to correct (422, or 503 when busy) and, after "Vorschau", the preview. */
    private void form(Exchange exchange, Article article, NewsForm form, FormErrors errors, String previewHtml)
            throws IOException {
        HttpServletRequest request = exchange.request();
        List<RingChoice> rings = newsAccess.writableRings(request).stream()
                .map((Ring ring) -> new RingChoice(ring.id(), ring.name(), form.rings().contains(ring.id())))
                .toList();
        Preview preview = previewHtml == null ? null : new Preview(form.title(), form.teaser(), previewHtml,
                newsAccess.audienceLabel(form.rings()));
        EditPage page = new EditPage(form,
                article == null ? "/aktuelles/redaktion/neu" : "/aktuelles/redaktion/" + article.id(), article,
                article == null ? "" : newsAccess.audienceLabel(article.rings()),
                errors.hasErrors() ? errors.summary() : null, form.status() == Article.Status.DRAFT,
                newsAccess.access().mayEditPublicContent(request), rings, !rings.isEmpty(), NewsForm.MAX_TITLE,
                NewsForm.MAX_TEASER, NewsForm.MAX_BODY, preview);
        exchange.render(errors, article == null ? "Neue Nachricht" : "Nachricht bearbeiten", "edit", page);
    }

    private void save(Exchange exchange, Article article) throws IOException {
        HttpServletRequest request = exchange.request();
        request.setCharacterEncoding("UTF-8");
        NewsForm form = NewsForm.from(request);
        if (article != null && newsAccess.writableRings(request).isEmpty()) {
            // the form offered no rings (rings module not running): the article keeps its audience, never
            // silently turning a ring's article public
            form = form.withRings(article.rings());
        }
        FormErrors errors = form.check(new FormErrors());
        if (!newsAccess.mayPublishTo(request, form.rings())) {
            errors.add(NewsForm.RING, NewsForm.RING_ANCHOR, form.rings().isEmpty()
                    ? "Bitte wählen Sie mindestens einen Ring, für den Sie schreiben dürfen."
                    : "Sie dürfen nur für Ringe schreiben, die Sie moderieren.");
        }
        boolean preview = "vorschau".equals(request.getParameter("aktion"));
        if (preview || errors.hasErrors()) {
            form(exchange, article, form, errors,
                    preview && form.body().length() <= NewsForm.MAX_BODY ? richText.toHtml(form.body()) : null);
            return;
        }
        Viewer viewer = exchange.viewer();
        String author = NewsHistory.author(viewer);
        Article saved;
        try {
            saved = article == null ? store.create(form, author, viewer.userName()) : store.update(article.id(), form);
        } catch (StoreBusyException busy) {
            // nothing was stored: the form comes back as sent, to be sent again
            form(exchange, article, form, new FormErrors().add(BUSY, NewsForm.TITLE, StoreBusyException.MESSAGE)
                    .status(503), null);
            return;
        }
        try {
            versions.save(KIND, String.valueOf(saved.id()), author, saved.title(), saved.teaser(), saved.body());
        } catch (StoreBusyException busy) {
            // the article is stored: say so with the redirect; only its history lacks this step
            LOG.warn("Article {} saved, but its version history stayed busy: {}", saved.id(), busy.getMessage());
        }
        events.changed(saved.id());
        exchange.seeOther(saved.path());
    }

    private void delete(Exchange exchange, Article article) {
        store.delete(article.id());
        versions.deleteAll(KIND, String.valueOf(article.id()));
        events.changed(article.id());
        exchange.seeOther("/aktuelles/redaktion");
    }
}
