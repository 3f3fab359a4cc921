package de.ringportal.news.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.xml.stream.XMLStreamException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.content.api.RichText;
import de.ringportal.core.api.HeadLink;
import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import de.ringportal.core.pages.Exchange;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What readers see: the archive {@code /aktuelles} (paged, filtered by year), each article at
 * {@code /aktuelles/<year>/<slug>}, and the Atom feed of public news at {@code /aktuelles/feed.atom}. An article that
 * is a draft, not yet due, or for a ring the reader is not in answers 404, as if it did not exist.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/aktuelles/*")
@MenuEntry(label = "Aktuelles", path = "/aktuelles", order = 5)
@HeadLink(href = AtomFeed.PATH, type = "application/atom+xml", title = "Aktuelles (Atom-Feed)")
public class NewsPages extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 10;
    static final int FEED_SIZE = 20;

    /** A list entry: the article with its audience label. */
    record Teaser(Article article, String audience, boolean forRings) {
    }

    record YearOption(int year, boolean selected) {
    }

    /** The archive; {@code previous} and {@code next} are null on the first and the last page. */
    record ArchivePage(List<Teaser> articles, boolean empty, List<YearOption> years, boolean hasYears, int page,
            int pages, boolean paged, String ring, String previous, String next, boolean mayWrite) {
    }

    /** {@code notice}: null, or why only editors see the article now (draft, scheduled). */
    record ArticlePage(Article article, String html, String audience, boolean forRings, boolean mayEdit,
            String notice) {
    }

    private final transient NewsStore store;
    private final transient NewsAccess newsAccess;
    private final transient RichText richText;

    @Activate
    public NewsPages(@Reference NewsStore store, @Reference NewsAccess newsAccess, @Reference Views views,
            @Reference RichText richText) {
        super(newsAccess.access(), views);
        this.store = store;
        this.newsAccess = newsAccess;
        this.richText = richText;
    }

    @Override
    protected Routes routes() {
        return Routes.builder().get("/", this::archive).get("/feed.atom", this::feed)
                .get("/{year:year}/{slug:slug}", this::article).build();
    }

    private void archive(Exchange exchange) throws IOException {
        HttpServletRequest request = exchange.request();
        Set<String> rings = newsAccess.readableRings(request);
        // ?ring=3: that ring's news alone, the list a ring's area links to; 404 for anyone outside the ring
        String ring = request.getParameter("ring");
        if (ring != null && !rings.contains(ring)) {
            exchange.notFound();
            return;
        }
        List<Integer> years = store.years(rings);
        Integer year = intParameter(request, "jahr");
        if (year != null && !years.contains(year)) {
            year = null;
        }
        Integer requestedPage = intParameter(request, "seite");
        int page = requestedPage == null || requestedPage < 1 ? 1 : requestedPage;
        NewsStore.Slice slice = ring == null ? store.live(rings, year, false, (page - 1) * PAGE_SIZE, PAGE_SIZE)
                : store.live(Set.of(ring), year, true, (page - 1) * PAGE_SIZE, PAGE_SIZE);
        int pages = Math.max(1, (slice.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page > pages) {
            exchange.notFound();
            return;
        }
        Integer shown = year;
        List<YearOption> yearOptions = years.stream().map(y -> new YearOption(y, y.equals(shown))).toList();
        String yearQuery = (ring == null ? "" : "ring=" + URLEncoder.encode(ring, StandardCharsets.UTF_8) + "&")
                + (year == null ? "" : "jahr=" + year + "&");
        String title = ring == null ? "Aktuelles" : "Aktuelles: " + newsAccess.audienceLabel(Set.of(ring));
        exchange.render(year == null ? title : title + " " + year, "archive", new ArchivePage(
                teasers(slice.articles()), slice.articles().isEmpty(), yearOptions, !years.isEmpty(), page, pages,
                pages > 1, ring, page > 1 ? "/aktuelles?" + yearQuery + "seite=" + (page - 1) : null,
                page < pages ? "/aktuelles?" + yearQuery + "seite=" + (page + 1) : null,
                newsAccess.mayWrite(request)));
    }

    /** The list entries: the article with its audience label. */
    List<Teaser> teasers(List<Article> articles) {
        return articles.stream().map(article -> new Teaser(article, newsAccess.audienceLabel(article.rings()),
                !article.isPublic())).toList();
    }

    private void article(Exchange exchange) throws IOException {
        HttpServletRequest request = exchange.request();
        Optional<Article> found = store.find(exchange.path().integer("year"), exchange.path().text("slug"));
        if (found.isEmpty()) {
            exchange.notFound();
            return;
        }
        Article article = found.get();
        boolean editor = newsAccess.mayEdit(request, article);
        boolean readable = article.isLive(Instant.now()) && newsAccess.mayRead(request, article);
        if (!readable && !editor) {
            exchange.notFound();
            return;
        }
        String notice = null;
        if (article.status() == Article.Status.DRAFT) {
            notice = "Entwurf: nur für die Redaktion sichtbar.";
        } else if (!article.isLive(Instant.now())) {
            notice = "Geplant: erscheint am " + article.dateTime() + ".";
        }
        String html = store.cached(List.of("html", article.id(), article.updatedAt()),
                () -> richText.toHtml(article.body()));
        exchange.render(article.title(), "article", new ArticlePage(article, html,
                newsAccess.audienceLabel(article.rings()), !article.isPublic(), editor, notice));
    }

    private void feed(Exchange exchange) throws IOException {
        String base = base(exchange.request());
        String xml = store.cached(List.of("feed", base), () -> {
            StringWriter out = new StringWriter();
            try {
                AtomFeed.write(out, base, store.live(Set.of(), null, false, 0, FEED_SIZE).articles(), richText);
            } catch (XMLStreamException e) {
                throw new IllegalStateException("Cannot write the news feed", e);
            }
            return out.toString();
        });
        exchange.response().setContentType("application/atom+xml;charset=UTF-8");
        exchange.response().setHeader("Cache-Control", "no-cache");
        exchange.response().getWriter().write(xml);
    }

    /** Scheme, host and port as the reader addressed the portal. */
    static String base(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }

    private static Integer intParameter(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || !value.matches("\\d{1,6}")) {
            return null;
        }
        return Integer.valueOf(value);
    }
}
