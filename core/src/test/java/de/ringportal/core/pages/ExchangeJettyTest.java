package de.ringportal.core.pages;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.PortalContext;
import de.ringportal.core.api.Role;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.forms.FormErrors;
import de.ringportal.core.internal.AccessImpl;
import de.ringportal.core.testing.TestJetty;
import de.ringportal.core.testing.TestViews;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A routed servlet in a real embedded Jetty with core's real access rules: what a visitor gets for each kind of
 * route, guard and answer.
 */
public class ExchangeJettyTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static TestJetty jetty;

    /** A small area: a list, a detail, a form for the Redaktion, and an administration area under guardAll. */
    static final class Area extends RoutedServlet {

        private static final long serialVersionUID = 1L;

        Area(Access access) {
            super(access, TestViews.of(ExchangeJettyTest.class));
        }

        @Override
        protected Routes routes() {
            Guard editors = (request, path) -> access().mayEditPublicContent(request);
            return Routes.builder()
                    .get("/", exchange -> text(exchange, "Liste"))
                    .get("/{id:int}", this::show)
                    .get("/neu", editors, exchange -> form(exchange, new FormErrors(), ""))
                    .post("/neu", editors, this::create)
                    .get("/weiter", exchange -> exchange.seeOther("/bereich/7"))
                    .get("/frage", exchange -> text(exchange, "[" + exchange.parameter("q") + "]"))
                    .build();
        }

        private void show(Exchange exchange) throws IOException {
            if (exchange.path().integer("id") > 100) {
                exchange.notFound();
                return;
            }
            text(exchange, "Eintrag " + exchange.path().integer("id"));
        }

        private void create(Exchange exchange) throws IOException {
            FormErrors errors = new FormErrors();
            String title = exchange.parameter("titel");
            if (title.isEmpty()) {
                errors.add("titel", "Bitte einen Titel angeben.");
            }
            if (errors.hasErrors()) {
                form(exchange, errors, title);
                return;
            }
            exchange.seeOther("/bereich/1");
        }

        private void form(Exchange exchange, FormErrors errors, String title) throws IOException {
            exchange.render(errors, "Neu", "kit-form", Map.of("summary", errors.summary(), "errors",
                    errors.byField(), "title", title));
        }

        private static void text(Exchange exchange, String text) throws IOException {
            exchange.response().setContentType("text/plain;charset=UTF-8");
            exchange.response().getWriter().print(text + " für " + (exchange.viewer().isAnonymous() ? "Gast"
                    : exchange.viewer().userName()));
        }
    }

    /** Everything below /verwaltung is for administrators only, known path or not. */
    static final class Admin extends RoutedServlet {

        private static final long serialVersionUID = 1L;

        Admin(Access access) {
            super(access, TestViews.of(ExchangeJettyTest.class));
        }

        @Override
        protected Routes routes() {
            return Routes.builder().guardAll((request, path) -> access().mayAdminister(request))
                    .get("/", exchange -> exchange.response().getWriter().print("Verwaltung")).build();
        }
    }

    @BeforeClass
    public static void startJetty() throws Exception {
        AccessImpl access = new AccessImpl();
        jetty = TestJetty.start(context -> {
            // stands in for core's filter: the viewer from a test header, "redaktion" or "admin"
            Filter viewer = (request, response, chain) -> {
                String user = ((HttpServletRequest) request).getHeader("X-Test-User");
                if (user != null) {
                    request.setAttribute(PortalContext.VIEWER, new Viewer(user, user, null,
                            Set.of("admin".equals(user) ? Role.ADMINISTRATION : Role.REDAKTION)));
                }
                chain.doFilter(request, response);
            };
            context.addFilter(new FilterHolder(viewer), "/*", EnumSet.of(DispatcherType.REQUEST));
            context.addServlet(new ServletHolder(new Area(access)), "/bereich/*");
            context.addServlet(new ServletHolder(new Admin(access)), "/verwaltung/*");
        });
    }

    @AfterClass
    public static void stopJetty() throws Exception {
        jetty.close();
    }

    /** The servlet's own path, with or without a slash, and placeholders reach the handler. */
    @Test
    public void routes_answer_with_their_handler() throws Exception {
        assertEquals("Liste für Gast", send("GET", "/bereich", null, null).body());
        assertEquals("Liste für Gast", send("GET", "/bereich/", null, null).body());
        assertEquals("Eintrag 42 für redaktion", send("GET", "/bereich/42/", "redaktion", null).body());
        assertEquals("[a b]", send("GET", "/bereich/frage?q=+a+b+", null, null).body().substring(0, 5));
        assertEquals("[]", send("GET", "/bereich/frage", null, null).body().substring(0, 2));
    }

    /** Unknown paths are 404; a known path with another method is 405 with the methods it has. */
    @Test
    public void unknown_path_is_404_and_wrong_method_is_405_with_allow() throws Exception {
        assertEquals(404, send("GET", "/bereich/gibt/es/nicht", null, null).statusCode());
        assertEquals(404, send("GET", "/bereich/4711", null, null).statusCode());
        assertEquals(404, send("POST", "/bereich/gibt-es-nicht", "redaktion", "").statusCode());
        HttpResponse<String> wrong = send("POST", "/bereich/42", "redaktion", "");
        assertEquals(405, wrong.statusCode());
        assertEquals("GET, HEAD", wrong.headers().firstValue("Allow").orElseThrow());
    }

    /** HEAD answers as GET, without a body. */
    @Test
    public void head_follows_get() throws Exception {
        HttpResponse<String> head = send("HEAD", "/bereich/42", null, null);
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(404, send("HEAD", "/bereich/nichts", null, null).statusCode());
    }

    /** A refused guard: anonymous visitors go to the login page and come back, logged-in people get 403. */
    @Test
    public void refused_guard_is_login_for_guests_and_403_for_others() throws Exception {
        HttpResponse<String> guest = send("GET", "/bereich/neu", null, null);
        assertEquals(302, guest.statusCode());
        assertEquals("/anmelden?ziel=%2Fbereich%2Fneu", URI.create(guest.headers().firstValue("Location")
                .orElseThrow()).getRawPath() + "?" + URI.create(guest.headers().firstValue("Location").orElseThrow())
                        .getRawQuery());
        assertEquals(403, send("GET", "/bereich/neu", "admin", null).statusCode());
        assertEquals(403, send("POST", "/bereich/neu", null, "titel=x").statusCode());
    }

    /** guardAll comes before the 404: an administration area tells strangers nothing about its paths. */
    @Test
    public void guard_all_runs_before_404() throws Exception {
        assertEquals(302, send("GET", "/verwaltung/gibt-es-nicht", null, null).statusCode());
        assertEquals(403, send("GET", "/verwaltung/gibt-es-nicht", "redaktion", null).statusCode());
        assertEquals(403, send("POST", "/verwaltung/", "redaktion", "").statusCode());
        assertEquals(404, send("GET", "/verwaltung/gibt-es-nicht", "admin", null).statusCode());
        assertEquals("Verwaltung", send("GET", "/verwaltung", "admin", null).body());
    }

    /** A form with errors is 422 with the summary linking the field; a good one is 303 to the new page. */
    @Test
    public void form_errors_are_422_and_success_is_303() throws Exception {
        HttpResponse<String> refused = send("POST", "/bereich/neu", "redaktion", "titel=++");
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("<li><a href=\"#feld-titel\">Bitte einen Titel angeben.</a></li>"));
        assertTrue(refused.body().contains("<p class=\"form-error\">Bitte einen Titel angeben.</p>"));
        assertTrue(refused.body().contains("<title>"));
        assertTrue(refused.body().matches("(?s).*name=\"_csrf\" value=\"[^\"]{20,}\".*"));

        HttpResponse<String> empty = send("GET", "/bereich/neu", "redaktion", null);
        assertEquals(200, empty.statusCode());
        assertFalse(empty.body().contains("error-summary"));

        HttpResponse<String> created = send("POST", "/bereich/neu", "redaktion", "titel=Ringtreffen");
        assertEquals(303, created.statusCode());
        assertEquals("/bereich/1", created.headers().firstValue("Location").orElseThrow());
        assertEquals("/bereich/7", send("GET", "/bereich/weiter", null, null).headers().firstValue("Location")
                .orElseThrow());
    }

    /** Only paths of the site are redirect targets: never another host, a scheme or a backslash. */
    @Test
    public void see_other_takes_only_site_paths() {
        for (String bad : new String[] {"//evil.example/x", "https://evil.example/", "bereich", "/\\evil", "",
            "/a\r\nSet-Cookie: x=1", null}) {
            assertThrows(String.valueOf(bad), IllegalArgumentException.class, () -> Answers.checkedSitePath(bad));
        }
        assertEquals("/bereich/1?seite=2", Answers.checkedSitePath("/bereich/1?seite=2"));
    }

    private static HttpResponse<String> send(String method, String path, String user, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(jetty.uri(path));
        if (user != null) {
            request.header("X-Test-User", user);
        }
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        request.method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(form));
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
