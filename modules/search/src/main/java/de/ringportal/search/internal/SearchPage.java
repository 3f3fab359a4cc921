package de.ringportal.search.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
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
import de.ringportal.core.forms.FormErrors;
import de.ringportal.core.pages.Exchange;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /suche?q=…}: full-text search over pages, news and reports. Results are what the viewer may see: public
 * items, and items of the rings {@link Access#maySeeRing} allows, once visible. Whatever is typed, the answer is a
 * page with results or a clear German message: the simple query syntax never fails on operators or quotes.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/suche")
@MenuEntry(label = "Suche", path = "/suche", order = 90)
public class SearchPage extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 10;
    static final int QUERY_MAX = 200;
    /** Deeper pages are of no use to anybody and cost the most. */
    static final int PAGES_MAX = 50;
    /** The query's field, whose input is {@code feld-q}. */
    static final String QUERY = "q";
    private static final Map<String, String> SOURCE_LABELS = Map.of("pages", "Seite", "news", "Nachricht",
            "reports", "Bericht");

    /** One hit as listed: {@code kind} is the source's German name. */
    record Result(String title, String path, String excerpt, String kind) {
    }

    /**
     * The page: the query as shown in the field; {@code message} a notice (null: none); {@code summary} the refused
     * query (null: none); the rest only once a search ran ({@code searched}); {@code pager} null for a single page.
     */
    record SearchModel(String q, String message, FormErrors.Summary summary, boolean searched, String countLine,
            List<Result> results, boolean hasResults, Pager pager) {

        static SearchModel notice(String q, String message) {
            return new SearchModel(q, message, null, false, null, List.of(), false, null);
        }
    }

    private final transient SearchIndex index;
    private final transient Clock clock;

    @Activate
    public SearchPage(@Reference SearchIndex index, @Reference Access access, @Reference Views views) {
        this(index, access, views, Clock.systemUTC());
    }

    SearchPage(SearchIndex index, Access access, Views views, Clock clock) {
        super(access, views);
        this.index = index;
        this.clock = clock;
    }

    @Override
    protected Routes routes() {
        return Routes.builder().get("/", this::search).build();
    }

    private void search(Exchange exchange) throws IOException {
        String sent = exchange.request().getParameter(QUERY);
        String text = sent == null ? "" : sent.replaceAll("\\p{Cntrl}", " ").strip();
        String shown = text.length() > QUERY_MAX ? text.substring(0, QUERY_MAX) : text;
        FormErrors errors = new FormErrors();
        SearchModel model;
        if (text.isEmpty()) {
            model = SearchModel.notice(shown, sent == null ? null : "Bitte geben Sie einen Suchbegriff ein.");
        } else if (text.length() > QUERY_MAX) {
            errors.add(QUERY, "Der Suchbegriff ist zu lang: höchstens " + QUERY_MAX + " Zeichen.");
            model = new SearchModel(shown, null, errors.summary(), false, null, List.of(), false, null);
        } else {
            model = results(exchange.request(), text);
        }
        exchange.render(errors, "Suche", "search", model);
    }

    private SearchModel results(HttpServletRequest request, String text) throws IOException {
        Query query;
        try {
            query = index.parse(text);
        } catch (RuntimeException e) {
            query = null;
        }
        if (query == null) {
            return SearchModel.notice(text, "Zu „" + text + "“ lässt sich nichts suchen: Bitte verwenden Sie "
                    + "aussagekräftige Wörter.");
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
            return SearchModel.notice(text, "Die Suche ist zu allgemein (zu viele Platzhalter). Bitte geben Sie "
                    + "genauere Wörter ein.");
        }
        long total = hits.total();
        List<Result> results = hits.hits().stream().map(hit -> new Result(hit.title(), hit.path(),
                hit.excerpt() == null ? "" : hit.excerpt(), SOURCE_LABELS.getOrDefault(hit.source(), hit.source())))
                .toList();
        String countLine = total == 0 ? "Keine Treffer für „" + text + "“."
                : (total == 1 ? "1 Treffer" : total + " Treffer") + " für „" + text + "“.";
        return new SearchModel(text, null, null, true, countLine, results, !results.isEmpty(),
                pager.several() ? pager : null);
    }

    private Set<String> allowedRings(HttpServletRequest request) throws IOException {
        return index.ringsInIndex().stream().filter(ring -> access().maySeeRing(request, ring))
                .collect(Collectors.toSet());
    }

    private static int page(String sent) {
        if (sent == null || !sent.matches("[0-9]{1,3}")) {
            return 1;
        }
        return Math.max(1, Math.min(PAGES_MAX, Integer.parseInt(sent)));
    }
}
