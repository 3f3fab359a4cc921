package de.ringportal.site.internal;

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

import de.ringportal.content.api.ContentVersion;
import de.ringportal.content.api.Versions;
import de.ringportal.core.api.Access;
import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.api.Views;
import de.ringportal.core.format.GermanDates;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Redaktion's page editor: the list of pages, editing in Markdown with a preview, new pages with a menu entry,
 * the version history with comparison and restore, and deleting a created page after a confirmation.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/redaktion/seiten/*")
@MenuEntry(label = "Seiten bearbeiten", path = "/redaktion/seiten", order = 85, role = "redaktion")
public class PageEditor extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String KIND = "page";
    static final int MAX_LABEL = 60;
    private static final Pattern ITEM =
            Pattern.compile("/([a-z0-9][a-z0-9-]{0,63})(/versionen|/vergleich|/wiederherstellen|/loeschen)?");

    private final transient SitePages pages;
    private final transient Views views;
    private final transient Access access;
    private final transient Versions versions;
    private final transient CustomPageMenu menu;
    private final transient PagesSearchSource search;

    @Activate
    public PageEditor(@Reference SitePages pages, @Reference Views views, @Reference Access access,
            @Reference Versions versions, @Reference CustomPageMenu menu, @Reference PagesSearchSource search) {
        this.pages = pages;
        this.views = views;
        this.access = access;
        this.versions = versions;
        this.menu = menu;
        this.search = search;
    }

    /** The form as typed. */
    public record Form(String slug, String title, String body, String menuLabel, String menuOrder, boolean custom) {

        static Form from(HttpServletRequest request, String slug, boolean custom) {
            return new Form(slug, text(request, "titel").strip(), text(request, "text").replace("\r\n", "\n"),
                    text(request, "menue").strip(), text(request, "position").strip(), custom);
        }

        static Form of(SitePage page) {
            return new Form(page.slug(), page.title(), page.body(), page.menuLabel() == null ? "" : page.menuLabel(),
                    String.valueOf(page.menuOrder()), page.isCustom());
        }

        int order() {
            return menuOrder.matches("\\d{1,3}") ? Integer.parseInt(menuOrder) : 50;
        }

        List<String> errors(boolean isNew) {
            List<String> errors = new ArrayList<>();
            if (isNew && !CustomPages.SLUG.matcher(slug).matches()) {
                errors.add("Die Adresse darf nur Kleinbuchstaben (ohne Umlaute), Ziffern und Bindestriche enthalten "
                        + "(höchstens 64 Zeichen), z. B. „ueber-uns“.");
            }
            if (title.isEmpty()) {
                errors.add("Bitte geben Sie einen Titel ein.");
            } else if (title.length() > Versions.MAX_TITLE) {
                errors.add("Der Titel ist zu lang: höchstens " + Versions.MAX_TITLE + " Zeichen, eingegeben "
                        + title.length() + ".");
            }
            if (body.isBlank()) {
                errors.add("Bitte geben Sie einen Text ein.");
            } else if (body.length() > Versions.MAX_BODY) {
                errors.add("Der Text ist zu lang: höchstens " + Versions.MAX_BODY + " Zeichen, eingegeben "
                        + body.length() + ".");
            }
            if (custom && menuLabel.isEmpty()) {
                errors.add("Bitte geben Sie den Text des Menüeintrags ein.");
            } else if (menuLabel.length() > MAX_LABEL) {
                errors.add("Der Menüeintrag ist zu lang: höchstens " + MAX_LABEL + " Zeichen.");
            }
            if (custom && !menuOrder.isEmpty() && !menuOrder.matches("\\d{1,3}")) {
                errors.add("Die Position im Menü ist eine Zahl von 0 bis 999.");
            }
            return errors;
        }

        private static String text(HttpServletRequest request, String name) {
            String value = request.getParameter(name);
            return value == null ? "" : value.replace("\u0000", "");
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!access.require(request, response, access.mayEditPublicContent(request))) {
            return;
        }
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        if (path.equals("/")) {
            list(request, response);
            return;
        }
        if (path.equals("/neu")) {
            form(request, response, null, new Form("", "", "", "", "50", true), List.of(), null);
            return;
        }
        Optional<SitePage> page = page(response, path);
        if (page.isEmpty()) {
            return;
        }
        switch (action(path)) {
            case "" -> form(request, response, page.get(), Form.of(page.get()), List.of(), null);
            case "/versionen" -> history(request, response, page.get());
            case "/vergleich" -> compare(request, response, page.get());
            case "/loeschen" -> {
                if (!page.get().isCustom()) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                views.render(request, response, "Seite löschen", "page-delete", page.get());
            }
            default -> response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        if (!access.require(request, response, access.mayEditPublicContent(request))) {
            return;
        }
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        if (path.equals("/neu")) {
            save(request, response, null);
            return;
        }
        Optional<SitePage> page = page(response, path);
        if (page.isEmpty()) {
            return;
        }
        switch (action(path)) {
            case "" -> save(request, response, page.get());
            case "/wiederherstellen" -> restore(request, response, page.get());
            case "/loeschen" -> delete(response, page.get());
            default -> response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        views.render(request, response, "Seiten bearbeiten", "page-list", Map.of("pages", pages.all()));
    }

    private void form(HttpServletRequest request, HttpServletResponse response, SitePage page, Form form,
            List<String> errors, String previewHtml) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("isNew", page == null);
        model.put("page", page);
        model.put("action", page == null ? "/redaktion/seiten/neu" : "/redaktion/seiten/" + page.slug());
        model.put("errors", errors);
        model.put("hasErrors", !errors.isEmpty());
        model.put("maxTitle", Versions.MAX_TITLE);
        model.put("maxBody", Versions.MAX_BODY);
        model.put("maxLabel", MAX_LABEL);
        if (page != null && !page.isMarkdown()) {
            model.put("seeded", true);
        }
        if (previewHtml != null) {
            model.put("preview", Map.of("title", form.title(), "html", previewHtml));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        views.render(request, response, page == null ? "Neue Seite" : "Seite bearbeiten: " + page.title(),
                "page-edit", model);
    }

    private void save(HttpServletRequest request, HttpServletResponse response, SitePage page) throws IOException {
        boolean isNew = page == null;
        String slug = isNew ? text(request, "adresse").strip() : page.slug();
        Form form = Form.from(request, slug, isNew || page.isCustom());
        List<String> errors = new ArrayList<>(form.errors(isNew));
        if (isNew && errors.isEmpty() && (SitePage.BUILT_IN.containsKey(slug) || pages.find(slug).isPresent())) {
            errors.add("Unter der Adresse „" + slug + "“ gibt es schon eine Seite.");
        }
        boolean preview = "vorschau".equals(request.getParameter("aktion"));
        if (preview || !errors.isEmpty()) {
            form(request, response, page, form, errors,
                    preview && form.body().length() <= Versions.MAX_BODY ? pages.preview(form.body()) : null);
            return;
        }
        String author = author(request);
        if (isNew) {
            if (!pages.create(slug, form.title(), form.body(), form.menuLabel(), form.order())) {
                form(request, response, null, form, List.of("Unter der Adresse „" + slug
                        + "“ gibt es schon eine Seite."), null);
                return;
            }
        } else {
            keepOriginal(page);
            pages.update(slug, form.title(), form.body(), form.menuLabel(), form.order());
        }
        versions.save(KIND, slug, author, form.title(), "", form.body());
        afterChange(slug);
        redirect(response, isNew ? "/seiten/" + slug : page.path());
    }

    /** The seeded text of a built-in page becomes version 1 before its first edit, so it can be restored. */
    private void keepOriginal(SitePage page) {
        if (versions.list(KIND, page.slug()).isEmpty()) {
            versions.save(KIND, page.slug(), "Ersteinrichtung", page.title(), "", page.body());
        }
    }

    private void history(HttpServletRequest request, HttpServletResponse response, SitePage page) throws IOException {
        List<ContentVersion> all = versions.list(KIND, page.slug());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            ContentVersion version = all.get(i);
            rows.add(Map.of("version", version, "time", GermanDates.dateTime(version.createdAt()), "current", i == 0,
                    "olderChecked", i == Math.min(1, all.size() - 1), "newerChecked", i == 0));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("page", page);
        model.put("rows", rows);
        model.put("empty", rows.isEmpty());
        model.put("comparable", all.size() > 1);
        String restored = request.getParameter("wiederhergestellt");
        if (restored != null && restored.matches("\\d{1,6}")) {
            model.put("restored", restored);
        }
        views.render(request, response, "Versionen: " + page.title(), "page-versions", model);
    }

    private void compare(HttpServletRequest request, HttpServletResponse response, SitePage page) throws IOException {
        Optional<Versions.Comparison> comparison = versions.compare(KIND, page.slug(), request.getParameter("a"),
                request.getParameter("b"));
        if (comparison.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ContentVersion older = comparison.get().older();
        ContentVersion newer = comparison.get().newer();
        views.render(request, response, "Versionen vergleichen", "page-compare", Map.of("page", page,
                "older", older, "newer", newer, "lines", comparison.get().lines(),
                "olderTime", GermanDates.dateTime(older.createdAt()), "newerTime", GermanDates.dateTime(newer.createdAt())));
    }

    private void restore(HttpServletRequest request, HttpServletResponse response, SitePage page) throws IOException {
        Optional<ContentVersion> version = versions.get(KIND, page.slug(), request.getParameter("nummer"));
        if (version.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ContentVersion old = version.get();
        pages.update(page.slug(), old.title(), old.body(), page.menuLabel(), page.menuOrder());
        ContentVersion created = versions.save(KIND, page.slug(), author(request), old.title(), "", old.body());
        afterChange(page.slug());
        redirect(response, "/redaktion/seiten/" + page.slug() + "/versionen?wiederhergestellt=" + old.number()
                + "#v" + created.number());
    }

    private void delete(HttpServletResponse response, SitePage page) throws IOException {
        if (!page.isCustom()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        pages.delete(page.slug());
        versions.deleteAll(KIND, page.slug());
        afterChange(page.slug());
        redirect(response, "/redaktion/seiten");
    }

    private void afterChange(String slug) {
        menu.refresh();
        search.changed(slug);
    }

    private Optional<SitePage> page(HttpServletResponse response, String path) throws IOException {
        Matcher item = ITEM.matcher(path);
        Optional<SitePage> page = item.matches() ? pages.find(item.group(1)) : Optional.empty();
        if (page.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
        return page;
    }

    private static String action(String path) {
        Matcher item = ITEM.matcher(path);
        return item.matches() && item.group(2) != null ? item.group(2) : "";
    }


    private String author(HttpServletRequest request) {
        Viewer viewer = access.viewer(request);
        return viewer.displayName().isBlank() ? viewer.userName() : viewer.displayName();
    }

    private static void redirect(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }

    private static String text(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }
}
