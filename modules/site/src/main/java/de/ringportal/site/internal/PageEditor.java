package de.ringportal.site.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.content.api.Versions;
import de.ringportal.core.api.Access;
import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.api.Views;
import de.ringportal.core.forms.FormErrors;
import de.ringportal.core.pages.Exchange;
import de.ringportal.core.pages.Handler;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import jakarta.servlet.Servlet;

/**
 * The Redaktion's page editor: the list of pages, editing in Markdown with a preview, new pages with a menu entry,
 * deleting a created page after a confirmation, and (through {@link PageHistory}) the versions of each page. Only
 * for who may edit public content, on every path ({@code guardAll}).
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/redaktion/seiten/*")
@MenuEntry(label = "Seiten bearbeiten", path = "/redaktion/seiten", order = 85, role = "redaktion")
public class PageEditor extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    static final String KIND = "page";

    private final transient SitePages pages;
    private final transient Versions versions;
    private final transient CustomPageMenu menu;
    private final transient PagesSearchSource search;
    private final transient PageHistory history;

    /** A handler for one stored page, found by the route's {@code slug}. */
    @FunctionalInterface
    interface PageHandler {
        void handle(Exchange x, SitePage page) throws IOException;
    }

    public record ListPage(List<SitePage> pages) {
    }

    public record Preview(String title, String html) {
    }

    /** The edit form; {@code page} is null for a new page. */
    public record EditPage(PageForm form, SitePage page, FormErrors.Summary summary, Preview preview) {

        public boolean isNew() {
            return page == null;
        }

        public String action() {
            return page == null ? "/redaktion/seiten/neu" : "/redaktion/seiten/" + page.slug();
        }

        /** A built-in page that still has its seeded plain text. */
        public boolean seeded() {
            return page != null && !page.isMarkdown();
        }

        public int maxTitle() {
            return Versions.MAX_TITLE;
        }

        public int maxBody() {
            return Versions.MAX_BODY;
        }

        public int maxLabel() {
            return PageForm.MAX_LABEL;
        }
    }

    @Activate
    public PageEditor(@Reference SitePages pages, @Reference Views views, @Reference Access access,
            @Reference Versions versions, @Reference CustomPageMenu menu, @Reference PagesSearchSource search) {
        super(access, views);
        this.pages = pages;
        this.versions = versions;
        this.menu = menu;
        this.search = search;
        this.history = new PageHistory(pages, versions, this::author, this::changed);
    }

    @Override
    protected Routes routes() {
        return Routes.builder()
                .guardAll((request, path) -> access().mayEditPublicContent(request))
                .get("/", x -> x.render("Seiten bearbeiten", "page-list", new ListPage(pages.all())))
                .get("/neu", x -> form(x, null, PageForm.NEW, new FormErrors(), null))
                .post("/neu", x -> save(x, null))
                .get("/{slug:slug}", page((x, page) -> form(x, page, PageForm.of(page), new FormErrors(), null)))
                .post("/{slug:slug}", page(this::save))
                .get("/{slug:slug}/versionen", page(history::list))
                .get("/{slug:slug}/vergleich", page(history::compare))
                .post("/{slug:slug}/wiederherstellen", page(history::restore))
                .get("/{slug:slug}/loeschen", created((x, page) -> x.render("Seite löschen", "page-delete", page)))
                .post("/{slug:slug}/loeschen", created(this::delete))
                .build();
    }

    private void form(Exchange x, SitePage page, PageForm form, FormErrors errors, Preview preview)
            throws IOException {
        x.render(errors, page == null ? "Neue Seite" : "Seite bearbeiten: " + page.title(), "page-edit",
                new EditPage(form, page, errors.summary(), preview));
    }

    /** Saves the form, or shows it again with its problems (422) or with a preview ("aktion=vorschau"). */
    private void save(Exchange x, SitePage page) throws IOException {
        x.request().setCharacterEncoding("UTF-8");
        boolean isNew = page == null;
        PageForm form = PageForm.of(x.request(), page);
        FormErrors errors = form.check(isNew, new FormErrors());
        if (isNew && !errors.hasErrors() && (SitePage.BUILT_IN.containsKey(form.slug())
                || pages.find(form.slug()).isPresent())) {
            errors.add("adresse", "adresse", taken(form.slug()));
        }
        boolean preview = "vorschau".equals(x.parameter("aktion"));
        if (preview || errors.hasErrors()) {
            form(x, page, form, errors, preview && form.body().length() <= Versions.MAX_BODY
                    ? new Preview(form.title(), pages.preview(form.body())) : null);
            return;
        }
        if (isNew) {
            if (!pages.create(form.slug(), form.title(), form.body(), form.menuLabel(), form.order())) {
                form(x, null, form, new FormErrors().add("adresse", "adresse", taken(form.slug())), null);
                return;
            }
        } else {
            history.keepOriginal(page);
            pages.update(page.slug(), form.title(), form.body(), form.menuLabel(), form.order());
        }
        versions.save(KIND, form.slug(), author(x), form.title(), "", form.body());
        changed(form.slug());
        x.seeOther(isNew ? "/seiten/" + form.slug() : page.path());
    }

    private void delete(Exchange x, SitePage page) {
        pages.delete(page.slug());
        versions.deleteAll(KIND, page.slug());
        changed(page.slug());
        x.seeOther("/redaktion/seiten");
    }

    /** The stored page of the route's slug, else 404. */
    private Handler page(PageHandler handler) {
        return x -> {
            Optional<SitePage> page = pages.find(x.path().text("slug"));
            if (page.isEmpty()) {
                x.notFound();
            } else {
                handler.handle(x, page.get());
            }
        };
    }

    /** A page the Redaktion created (the built-in ones cannot be deleted), else 404. */
    private Handler created(PageHandler handler) {
        return page((x, page) -> {
            if (page.isCustom()) {
                handler.handle(x, page);
            } else {
                x.notFound();
            }
        });
    }

    private String author(Exchange x) {
        Viewer viewer = x.viewer();
        return viewer.displayName().isBlank() ? viewer.userName() : viewer.displayName();
    }

    private void changed(String slug) {
        menu.refresh();
        search.changed(slug);
    }

    private static String taken(String slug) {
        return "Unter der Adresse „" + slug + "“ gibt es schon eine Seite.";
    }
}
