package de.ringportal.search.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.Pager;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /suche?q=…}: full-text search over pages, news and reports. Results are what the viewer may see: public
 * items, and items of the rings {@link Access#maySeeRing} allows, once visible. Whatever is typed, the answer is a
 * page with results or a clear German message: the simple query syntax never fails on operators or quotes.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/suche")
@MenuEntry(label = "Suche", path = "/suche", order = 90)
public class SearchPage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 10;
    static final int QUERY_MAX = 200;
    /** Deeper pages are of no use to anybody and cost the most. */
    static final int PAGES_MAX = 50;
    private static final Map<String, String> SOURCE_LABELS = Map.of("pages", "Seite", "news", "Nachricht",
            "reports", "Bericht");

    private final transient SearchIndex index;
    private final transient Access access;
    private final transient Views views;
    private final transient Clock clock;

    @Activate
    public SearchPage(@Reference SearchIndex index, @Reference Access access, @Reference Views views) {
        this(index, access, views, Clock.systemUTC());
    }

    SearchPage(SearchIndex index, Access access, Views views, Clock clock) {
        this.index = index;
        this.access = access;
        this.views = views;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String sent = request.getParameter("q");
        String text = sent == null ? "" : sent.replaceAll("\\p{Cntrl}", " ").strip();
        Map<String, Object> model = new HashMap<>();
        model.put("q", text.length() > QUERY_MAX ? text.substring(0, QUERY_MAX) : text);
        if (text.isEmpty()) {
            model.put("message", sent == null ? null : "Bitte geben Sie einen Suchbegriff ein.");
        } else if (text.length() > QUERY_MAX) {
            model.put("message", "Der Suchbegriff ist zu lang: höchstens " + QUERY_MAX + " Zeichen.");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        } else {
            search(request, text, model);
        }
        views.render(request, response, "Suche", "search", model);
    }

    private void search(HttpServletRequest request, String text, Map<String, Object> model) throws IOException {
        Query query;
        try {
            query = index.parse(text);
        } catch (RuntimeException e) {
            query = null;
        }
        if (query == null) {
            model.put("message", "Zu „" + text + "“ lässt sich nichts suchen: Bitte verwenden Sie aussagekräftige "
                    + "Wörter.");
            return;
        }
        int page = page(request.getParameter(Pager.PARAMETER));
        Set<String> rings = allowedRings(request);
        LuceneIndex.Hits hits;
        Pager pager;
        try {
            hits = index.search(query, rings, clock.instant(), (page - 1) * PAGE_SIZE, PAGE_SIZE);
            pager = Pager.of(Integer.toString(page), (int) Math.min(hits.total(), (long) PAGES_MAX * PAGE_SIZE),
                    PAGE_SIZE, "/suche?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&");
            if (pager.page() != page) {
                // a page past the last one (an old link, a hand-made address) shows the last page
                hits = index.search(query, rings, clock.instant(), pager.offset(), PAGE_SIZE);
            }
        } catch (IndexSearcher.TooManyClauses e) {
            model.put("message", "Die Suche ist zu allgemein (zu viele Platzhalter). Bitte geben Sie genauere "
                    + "Wörter ein.");
            return;
        }
        long total = hits.total();
        model.put("results", hits.hits().stream().map(hit -> Map.of("title", hit.title(), "path", hit.path(),
                "excerpt", hit.excerpt() == null ? "" : hit.excerpt(),
                "kind", SOURCE_LABELS.getOrDefault(hit.source(), hit.source()))).toList());
        model.put("hasResults", !hits.hits().isEmpty());
        model.put("countLine", total == 0 ? "Keine Treffer für „" + text + "“."
                : (total == 1 ? "1 Treffer" : total + " Treffer") + " für „" + text + "“.");
        model.put("pager", pager.several() ? pager : null);
        model.put("searched", true);
    }

    private Set<String> allowedRings(HttpServletRequest request) throws IOException {
        return index.ringsInIndex().stream().filter(ring -> access.maySeeRing(request, ring))
                .collect(Collectors.toSet());
    }

    private static int page(String sent) {
        if (sent == null || !sent.matches("[0-9]{1,3}")) {
            return 1;
        }
        return Math.max(1, Math.min(PAGES_MAX, Integer.parseInt(sent)));
    }
}
