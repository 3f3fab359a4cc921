package de.ringportal.search.internal;

import static org.junit.Assert.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.mockito.ArgumentCaptor;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.Pager;
import de.ringportal.core.api.Views;
import de.ringportal.search.api.SearchDocument;
import de.ringportal.search.api.SearchSource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The search page asks core's access rules about every ring in the index and shows only what they allow. */
public class SearchPageTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private SearchIndex index;
    private final Access access = mock(Access.class);
    private final Views views = mock(Views.class);

    @Before
    public void fill() throws Exception {
        index = new SearchIndex(folder.getRoot().toPath().resolve("index"));
        SearchSource news = new SearchSource() {
            @Override
            public List<SearchDocument> all() {
                return List.of(doc("1", Set.of()), doc("2", Set.of("3")), doc("3", Set.of("5")));
            }

            @Override
            public Optional<SearchDocument> find(String id) {
                return Optional.empty();
            }
        };
        index.addSource(news, Map.of(SearchSource.SOURCE, "news"));
        index.awaitWrites();
    }

    @After
    public void close() throws Exception {
        index.deactivate();
    }

    @Test
    public void results_follow_access_may_see_ring() throws Exception {
        HttpServletRequest request = get();
        when(request.getParameter("q")).thenReturn("Haushalte");
        when(access.maySeeRing(request, "3")).thenReturn(true);

        new SearchPage(index, access, views, Clock.fixed(NOW, ZoneOffset.UTC))
                .service(request, mock(HttpServletResponse.class));

        assertEquals(List.of("/aktuelles/1", "/aktuelles/2"), paths(request));
    }

    @Test
    public void nobody_sees_ring_items_without_access() throws Exception {
        HttpServletRequest request = get();
        when(request.getParameter("q")).thenReturn("Haushalte");

        new SearchPage(index, access, views, Clock.fixed(NOW, ZoneOffset.UTC))
                .service(request, mock(HttpServletResponse.class));

        assertEquals(List.of("/aktuelles/1"), paths(request));
    }

    /** 25 public hits: three pages; a page number past the last shows the last page, not an empty one. */
    @Test
    public void a_page_past_the_last_shows_the_last_page() throws Exception {
        SearchSource many = new SearchSource() {
            @Override
            public List<SearchDocument> all() {
                return java.util.stream.IntStream.rangeClosed(1, 25).mapToObj(i -> new SearchDocument("pages",
                        "p" + i, "Eingliederung " + i, "Leistungen zur Eingliederung", "/seiten/p" + i, Set.of(),
                        null)).toList();
            }

            @Override
            public Optional<SearchDocument> find(String id) {
                return Optional.empty();
            }
        };
        index.addSource(many, Map.of(SearchSource.SOURCE, "pages"));
        index.awaitWrites();
        HttpServletRequest request = get();
        when(request.getParameter("q")).thenReturn("Eingliederung");
        when(request.getParameter("seite")).thenReturn("9");

        new SearchPage(index, access, views, Clock.fixed(NOW, ZoneOffset.UTC))
                .service(request, mock(HttpServletResponse.class));

        assertEquals(5, paths(request).size());
        Pager pager = model(request).pager();
        assertEquals(3, pager.page());
        assertEquals(3, pager.pages());
        assertEquals("/suche?q=Eingliederung&seite=2", pager.previous());
        assertEquals(null, pager.next());
    }

    /** A GET of {@code /suche}, as the servlet container hands it over. */
    private static HttpServletRequest get() {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn("GET");
        return request;
    }

    private SearchPage.SearchModel model(HttpServletRequest request) throws IOException {
        ArgumentCaptor<Object> model = ArgumentCaptor.forClass(Object.class);
        verify(views).render(eq(request), any(), anyString(), eq("search"), model.capture());
        return (SearchPage.SearchModel) model.getValue();
    }

    private List<String> paths(HttpServletRequest request) throws IOException {
        return model(request).results().stream().map(SearchPage.Result::path).sorted().toList();
    }

    private static SearchDocument doc(String id, Set<String> rings) {
        return new SearchDocument("news", id, "Bedarfsgemeinschaften " + id, "Haushalte im Leistungsbezug",
                "/aktuelles/" + id, rings, null);
    }
}
