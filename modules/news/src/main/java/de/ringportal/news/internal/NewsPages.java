package de.ringportal.news.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.content.api.RichText;
import de.ringportal.core.api.HeadLink;
import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What readers see: the archive {@code /aktuelles} (paged, filtered by year), each article at
 * {@code /aktuelles/<year>/<slug>}, and the Atom feed of public news at {@code /aktuelles/feed.atom}. An article that
 * is a draft, not yet due, or for a ring the reader is not in answers 404, as if it did not exist.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/aktuelles/*")
@MenuEntry(label = "Aktuelles", path = "/aktuelles", order = 5)
@HeadLink(href = AtomFeed.PATH, type = "application/atom+xml", title = "Aktuelles (Atom-Feed)")
public class NewsPages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 10;
    static final int FEED_SIZE = 20;
    private static final Pattern ARTICLE = Pattern.compile("/(\\d{4})/([a-z0-9-]{1,100})");

    private final transient NewsStore store;
    private final transient NewsAccess newsAccess;
    private final transient Views views;
    private final transient RichText richText;

    @Activate
    public NewsPages(@Reference NewsStore store, @Reference NewsAccess newsAccess, @Reference Views views,
            @Reference RichText richText) {
        this.store = store;
        this.newsAccess = newsAccess;
        this.views = views;
        this.richText = richText;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || path.equals("/")) {
            archive(request, response);
            return;
        }
        if (path.equals("/feed.atom")) {
            feed(request, response);
            return;
        }
        Matcher article = ARTICLE.matcher(path);
        if (article.matches()) {
            article(request, response, Integer.parseInt(article.group(1)), article.group(2));
            return;
        }
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    private void archive(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Set<String> rings = newsAccess.readableRings(request);
        // ?ring=3: that ring's news alone, the list a ring's area links to; 404 for anyone outside the ring
        String ring = request.getParameter("ring");
        if (ring != null && !rings.contains(ring)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
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
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("articles", teasers(slice.articles()));
        model.put("empty", slice.articles().isEmpty());
        List<Map<String, Object>> yearOptions = new ArrayList<>();
        for (Integer y : years) {
            yearOptions.add(Map.of("year", y, "selected", y.equals(year)));
        }
        model.put("years", yearOptions);
        model.put("hasYears", !years.isEmpty());
        model.put("page", page);
        model.put("pages", pages);
        model.put("paged", pages > 1);
        String yearQuery = (ring == null ? "" : "ring=" + URLEncoder.encode(ring, StandardCharsets.UTF_8) + "&")
                + (year == null ? "" : "jahr=" + year + "&");
        model.put("ring", ring);
        if (page > 1) {
            model.put("previous", "/aktuelles?" + yearQuery + "seite=" + (page - 1));
        }
        if (page < pages) {
            model.put("next", "/aktuelles?" + yearQuery + "seite=" + (page + 1));
        }
        model.put("mayWrite", newsAccess.mayWrite(request));
        String title = ring == null ? "Aktuelles" : "Aktuelles: " + newsAccess.audienceLabel(Set.of(ring));
        views.render(request, response, year == null ? title : title + " " + year, "archive", model);
    }

    /** The list entries: the article with its audience label. */
    List<Map<String, Object>> teasers(List<Article> articles) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Article article : articles) {
            list.add(Map.of("article", article, "audience", newsAccess.audienceLabel(article.rings()),
                    "forRings", !article.isPublic()));
        }
        return list;
    }

    private void article(HttpServletRequest request, HttpServletResponse response, int year, String slug)
            throws IOException {
        Optional<Article> found = store.find(year, slug);
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Article article = found.get();
        boolean editor = newsAccess.mayEdit(request, article);
        boolean readable = article.isLive(Instant.now()) && newsAccess.mayRead(request, article);
        if (!readable && !editor) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("article", article);
        model.put("html", store.cached(List.of("html", article.id(), article.updatedAt()),
                () -> richText.toHtml(article.body())));
        model.put("audience", newsAccess.audienceLabel(article.rings()));
        model.put("forRings", !article.isPublic());
        model.put("mayEdit", editor);
        if (article.status() == Article.Status.DRAFT) {
            model.put("notice", "Entwurf: nur für die Redaktion sichtbar.");
        } else if (!article.isLive(Instant.now())) {
            model.put("notice", "Geplant: erscheint am " + article.dateTime() + ".");
        }
        views.render(request, response, article.title(), "article", model);
    }

    private void feed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String base = base(request);
        String xml = store.cached(List.of("feed", base), () -> {
            StringWriter out = new StringWriter();
            try {
                AtomFeed.write(out, base, store.live(Set.of(), null, false, 0, FEED_SIZE).articles(), richText);
            } catch (XMLStreamException e) {
                throw new IllegalStateException("Cannot write the news feed", e);
            }
            return out.toString();
        });
        response.setContentType("application/atom+xml;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.getWriter().write(xml);
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
