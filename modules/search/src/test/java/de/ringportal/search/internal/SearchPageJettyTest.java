package de.ringportal.search.internal;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.mockito.Mockito.mock;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import de.ringportal.core.api.Access;
import de.ringportal.core.testing.TestJetty;
import de.ringportal.core.testing.TestViews;
import de.ringportal.search.api.SearchDocument;
import de.ringportal.search.api.SearchSource;

/**
 * The search form in a real embedded Jetty, with a real index and the real template and layout: a query too long is
 * refused with 422 and the shared error summary linking to the field, which keeps the query; a query finds public
 * items with 200; the servlet answers GET only.
 */
public class SearchPageJettyTest {

    @ClassRule
    public static final TemporaryFolder FOLDER = new TemporaryFolder();

    private static SearchIndex index;
    private static TestJetty jetty;

    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeClass
    public static void startJetty() throws Exception {
        index = new SearchIndex(FOLDER.getRoot().toPath().resolve("index"));
        index.addSource(new SearchSource() {
            @Override
            public List<SearchDocument> all() {
                return List.of(new SearchDocument("news", "1", "Kosten der Unterkunft", "Wohnkosten im Vergleich",
                        "/aktuelles/2026/kosten", Set.of(), null), new SearchDocument("news", "2",
                        "Unterkunft im Ring", "Nur für Ring 3", "/aktuelles/2026/ring", Set.of("3"), null));
            }

            @Override
            public Optional<SearchDocument> find(String id) {
                return Optional.empty();
            }
        }, Map.of(SearchSource.SOURCE, "news"));
        index.awaitWrites();
        // a visitor: no ring is visible (mocked Access answers false); the rules themselves are core's
        SearchPage page = new SearchPage(index, mock(Access.class), TestViews.of(SearchPage.class));
        jetty = TestJetty.start(context -> context.addServlet(new ServletHolder(page), "/suche"));
    }

    @AfterClass
    public static void stopJetty() throws Exception {
        jetty.close();
        index.deactivate();
    }

    /** 201 characters: 422, the summary links to the field, and the field shows the query (up to its 200). */
    @Test
    public void too_long_query_comes_back_with_422_the_typed_text_and_the_error_summary() throws Exception {
        String query = "Unterkunft " + "x".repeat(190);
        HttpResponse<String> refused = jetty.get("/suche?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));

        assertEquals(422, refused.statusCode());
        String page = refused.body();
        assertThat(page, containsString("<div class=\"error-summary\" role=\"alert\">"));
        assertThat(page, containsString("<li><a href=\"#feld-q\">Der Suchbegriff ist zu lang: höchstens 200 "
                + "Zeichen.</a></li>"));
        assertThat(page, containsString("id=\"feld-q\" name=\"q\" value=\"" + query.substring(0, 200) + "\""));
        assertThat(page, not(containsString("class=\"count-line\"")));
    }

    /** A word of a public item: 200 with the hit and its kind; the ring's item stays out for a visitor. */
    @Test
    public void query_finds_public_items_with_200() throws Exception {
        HttpResponse<String> found = jetty.get("/suche?q=Unterkunft");

        assertEquals(200, found.statusCode());
        assertThat(found.body(), containsString("1 Treffer für „Unterkunft“."));
        assertThat(found.body(), containsString("<li><h2><a href=\"/aktuelles/2026/kosten\">Kosten der Unterkunft</a>"
                + "</h2><p><span class=\"search-results__kind\">Nachricht</span>"));
        assertThat(found.body(), not(containsString("/aktuelles/2026/ring")));
        assertThat(found.body(), not(containsString("error-summary")));
    }

    /** An empty query is no error: 200 with the notice. A POST is 405 with Allow. */
    @Test
    public void empty_query_is_a_notice_and_post_is_405() throws Exception {
        HttpResponse<String> empty = jetty.get("/suche?q=+");
        assertEquals(200, empty.statusCode());
        assertThat(empty.body(), containsString("Bitte geben Sie einen Suchbegriff ein."));

        HttpResponse<String> post = client.send(HttpRequest.newBuilder(jetty.uri("/suche"))
                .POST(HttpRequest.BodyPublishers.ofString("q=x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElseThrow());
    }
}
