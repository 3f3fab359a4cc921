package de.ringportal.news.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ringportal.content.api.ContentVersion;
import de.ringportal.content.api.RichText;
import de.ringportal.content.api.Versions;
import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.Pager;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.StoreBusyException;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.api.Views;
import de.ringportal.core.format.GermanDates;
import de.ringportal.rings.api.Ring;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writing news, for the Redaktion (any audience) and ring moderators (their rings): the list of articles they may
 * edit, the form with a preview, the version history with comparison and restore, and deleting with a confirmation.
 * Every request checks the writer's rights on the server, for the article at hand.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/aktuelles/redaktion/*")
@MenuEntry(label = "Nachrichten schreiben", path = "/aktuelles/redaktion", order = 80,
        role = {"redaktion", "ringmoderation"})
public class NewsEditor extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(NewsEditor.class);
    static final String KIND = "news";
    static final int LIST_SIZE = 20;
    private static final Pattern ITEM = Pattern.compile("/(\\d{1,9})(/versionen|/vergleich|/wiederherstellen|/loeschen)?");

    private final transient NewsStore store;
    private final transient NewsAccess newsAccess;
    private final transient Views views;
    private final transient RichText richText;
    private final transient Versions versions;
    private final transient ChangeEvents events;

    @Activate
    public NewsEditor(@Reference NewsStore store, @Reference NewsAccess newsAccess, @Reference Views views,
            @Reference RichText richText, @Reference Versions versions, @Reference ChangeEvents events) {
        this.store = store;
        this.newsAccess = newsAccess;
        this.views = views;
        this.richText = richText;
        this.versions = versions;
        this.events = events;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!newsAccess.access().require(request, response, newsAccess.mayWrite(request))) {
            return;
        }
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        if (path.equals("/")) {
            list(request, response);
            return;
        }
        if (path.equals("/neu")) {
            form(request, response, null, NewsForm.empty(), List.of(), null);
            return;
        }
        Optional<Article> article = article(request, response, path);
        if (article.isEmpty()) {
            return;
        }
        switch (action(path)) {
            case "" -> form(request, response, article.get(), NewsForm.of(article.get()), List.of(), null);
            case "/versionen" -> history(request, response, article.get());
            case "/vergleich" -> compare(request, response, article.get());
            case "/loeschen" -> views.render(request, response, "Nachricht löschen", "delete",
                    Map.of("article", article.get()));
            default -> response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        if (!newsAccess.access().require(request, response, newsAccess.mayWrite(request))) {
            return;
        }
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        if (path.equals("/neu")) {
            save(request, response, null);
            return;
        }
        Optional<Article> article = article(request, response, path);
        if (article.isEmpty()) {
            return;
        }
        switch (action(path)) {
            case "" -> save(request, response, article.get());
            case "/wiederherstellen" -> restore(request, response, article.get());
            case "/loeschen" -> delete(request, response, article.get());
            default -> response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Article> editable = store.all().stream().filter(a -> newsAccess.mayEdit(request, a)).toList();
        Pager pager = Pager.of(request.getParameter(Pager.PARAMETER), editable.size(), LIST_SIZE, "/aktuelles/redaktion?");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Article article : editable.subList(pager.offset(), Math.min(editable.size(), pager.offset() + LIST_SIZE))) {
            rows.add(Map.of("article", article, "audience", newsAccess.audienceLabel(article.rings())));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("empty", rows.isEmpty());
        model.put("pager", pager);
        views.render(request, response, "Nachrichten schreiben", "editor-list", model);
    }

    /** The form, with messages and, after "Vorschau", the article as it will look. */
    private void form(HttpServletRequest request, HttpServletResponse response, Article article, NewsForm form,
            List<String> errors, String previewHtml) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("action", article == null ? "/aktuelles/redaktion/neu" : "/aktuelles/redaktion/" + article.id());
        model.put("article", article);
        model.put("currentAudience", article == null ? "" : newsAccess.audienceLabel(article.rings()));
        model.put("errors", errors);
        model.put("hasErrors", !errors.isEmpty());
        model.put("draft", form.status() == Article.Status.DRAFT);
        model.put("mayPublic", newsAccess.access().mayEditPublicContent(request));
        List<Map<String, Object>> rings = new ArrayList<>();
        for (Ring ring : newsAccess.writableRings(request)) {
            rings.add(Map.of("id", ring.id(), "name", ring.name(), "checked", form.rings().contains(ring.id())));
        }
        model.put("rings", rings);
        model.put("hasRings", !rings.isEmpty());
        model.put("maxTitle", NewsForm.MAX_TITLE);
        model.put("maxTeaser", NewsForm.MAX_TEASER);
        model.put("maxBody", NewsForm.MAX_BODY);
        if (previewHtml != null) {
            model.put("preview", Map.of("title", form.title(), "teaser", form.teaser(), "html", previewHtml,
                    "audience", newsAccess.audienceLabel(form.rings())));
        }
        if (!errors.isEmpty() && response.getStatus() < HttpServletResponse.SC_BAD_REQUEST) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        views.render(request, response, article == null ? "Neue Nachricht" : "Nachricht bearbeiten", "edit", model);
    }

    private void save(HttpServletRequest request, HttpServletResponse response, Article article) throws IOException {
        NewsForm form = NewsForm.from(request);
        if (article != null && newsAccess.writableRings(request).isEmpty()) {
            // the form offered no rings (rings module not running): the article keeps its audience, never
            // silently turning a ring's article public
            form = new NewsForm(form.title(), form.teaser(), form.body(), form.publishAt(), form.status(),
                    article.rings());
        }
        List<String> errors = new ArrayList<>(form.errors());
        if (!newsAccess.mayPublishTo(request, form.rings())) {
            errors.add(form.rings().isEmpty()
                    ? "Bitte wählen Sie mindestens einen Ring, für den Sie schreiben dürfen."
                    : "Sie dürfen nur für Ringe schreiben, die Sie moderieren.");
        }
        boolean preview = "vorschau".equals(request.getParameter("aktion"));
        if (preview || !errors.isEmpty()) {
            form(request, response, article, form, errors,
                    preview && form.body().length() <= NewsForm.MAX_BODY ? richText.toHtml(form.body()) : null);
            return;
        }
        Viewer viewer = newsAccess.access().viewer(request);
        String author = viewer.displayName().isBlank() ? viewer.userName() : viewer.displayName();
        Article saved;
        try {
            saved = article == null ? store.create(form, author, viewer.userName()) : store.update(article.id(), form);
        } catch (StoreBusyException busy) {
            // nothing was stored: the form comes back as sent, to be sent again
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            form(request, response, article, form, List.of(StoreBusyException.MESSAGE), null);
            return;
        }
        try {
            versions.save(KIND, String.valueOf(saved.id()), author, saved.title(), saved.teaser(), saved.body());
        } catch (StoreBusyException busy) {
            // the article is stored: say so with the redirect; only its history lacks this step
            LOG.warn("Article {} saved, but its version history stayed busy: {}", saved.id(), busy.getMessage());
        }
        events.changed(saved.id());
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", saved.path());
    }

    private void history(HttpServletRequest request, HttpServletResponse response, Article article)
            throws IOException {
        List<ContentVersion> all = versions.list(KIND, String.valueOf(article.id()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            ContentVersion version = all.get(i);
            rows.add(Map.of("version", version, "time", GermanDates.dateTime(version.createdAt()),
                    "current", i == 0, "olderChecked", i == Math.min(1, all.size() - 1), "newerChecked", i == 0));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("article", article);
        model.put("rows", rows);
        model.put("comparable", all.size() > 1);
        String restored = request.getParameter("wiederhergestellt");
        if (restored != null && restored.matches("\\d{1,6}")) {
            model.put("restored", restored);
        }
        views.render(request, response, "Versionen: " + article.title(), "versions", model);
    }

    private void compare(HttpServletRequest request, HttpServletResponse response, Article article)
            throws IOException {
        Optional<Versions.Comparison> comparison = versions.compare(KIND, String.valueOf(article.id()), request.getParameter("a"),
                request.getParameter("b"));
        if (comparison.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ContentVersion older = comparison.get().older();
        ContentVersion newer = comparison.get().newer();
        views.render(request, response, "Versionen vergleichen", "compare", Map.of("article", article,
                "older", older, "newer", newer, "lines", comparison.get().lines(),
                "olderTime", GermanDates.dateTime(older.createdAt()), "newerTime", GermanDates.dateTime(newer.createdAt())));
    }

    private void restore(HttpServletRequest request, HttpServletResponse response, Article article)
            throws IOException {
        Optional<ContentVersion> version = versions.get(KIND, String.valueOf(article.id()), request.getParameter("nummer"));
        if (version.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ContentVersion old = version.get();
        NewsForm form = NewsForm.of(article).withText(old.title(), old.summary(), old.body());
        Viewer viewer = newsAccess.access().viewer(request);
        String author = viewer.displayName().isBlank() ? viewer.userName() : viewer.displayName();
        Article saved = store.update(article.id(), form);
        ContentVersion created = versions.save(KIND, String.valueOf(saved.id()), author, saved.title(),
                saved.teaser(), saved.body());
        events.changed(saved.id());
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "/aktuelles/redaktion/" + article.id() + "/versionen?wiederhergestellt="
                + old.number() + "#v" + created.number());
    }

    private void delete(HttpServletRequest request, HttpServletResponse response, Article article)
            throws IOException {
        store.delete(article.id());
        versions.deleteAll(KIND, String.valueOf(article.id()));
        events.changed(article.id());
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "/aktuelles/redaktion");
    }

    /** The article the path names, if this person may edit it; otherwise the answer is sent (404) and empty. */
    private Optional<Article> article(HttpServletRequest request, HttpServletResponse response, String path)
            throws IOException {
        Matcher item = ITEM.matcher(path);
        Optional<Article> article = item.matches() ? store.find(Integer.parseInt(item.group(1))) : Optional.empty();
        if (article.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return Optional.empty();
        }
        if (!newsAccess.access().require(request, response, newsAccess.mayEdit(request, article.get()))) {
            return Optional.empty();
        }
        return article;
    }

    private static String action(String path) {
        Matcher item = ITEM.matcher(path);
        return item.matches() && item.group(2) != null ? item.group(2) : "";
    }

}
