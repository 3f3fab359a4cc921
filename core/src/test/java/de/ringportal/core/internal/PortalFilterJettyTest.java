package de.ringportal.core.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLTransactionRollbackException;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import de.ringportal.core.api.StoreBusyException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Core's filter, error page and default servlet in a real embedded Jetty, without OSGi: what a visitor gets for
 * failures and bad input.
 */
public class PortalFilterJettyTest {

    private static final AtomicInteger POSTS_ACCEPTED = new AtomicInteger();
    private static Server server;
    private static String base;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeClass
    public static void startJetty() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(new FilterHolder(new PortalFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new NotFoundServlet()), "/");
        context.addServlet(new ServletHolder(new ErrorPageServlet(LayoutTest.layout())), "/fehlerseite");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) {
                throw new IllegalStateException("kaputt im Test");
            }
        }), "/kaputt");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) {
                throw new IllegalStateException("Cannot create article", new StoreBusyException(
                        new SQLTransactionRollbackException("A lock could not be obtained", "40XL1")));
            }
        }), "/belegt");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.getWriter().print("hallo " + request.getParameter("name"));
            }

            @Override
            protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
                POSTS_ACCEPTED.incrementAndGet();
                response.getWriter().print("gespeichert " + request.getParameter("name"));
            }
        }), "/hallo");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.getWriter().print(CsrfTokens.tokenFor(request, response));
            }
        }), "/formular");
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
        errors.addErrorPage(400, 599, "/fehlerseite");
        context.setErrorHandler(errors);
        server.setHandler(context);
        server.start();
        base = "http://127.0.0.1:" + connector.getLocalPort();
    }

    @AfterClass
    public static void stopJetty() throws Exception {
        server.stop();
    }

    /** A failing page shows the styled 500 page with a request id, and the stack trace goes to the log instead. */
    @Test
    public void failure_shows_styled_500_with_request_id_and_logs_the_stack_trace() throws Exception {
        HttpResponse<String> response = get("/kaputt");

        assertEquals(500, response.statusCode());
        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertTrue(response.body().contains("<h1>Interner Fehler</h1>"));
        assertTrue(response.body().contains(">" + id + "</strong>"));
        assertNoStackTrace(response.body());
        String log = Files.readString(Path.of(System.getProperty("org.slf4j.simpleLogger.logFile")));
        assertTrue(log.contains("Request " + id + " failed: GET /kaputt"));
        assertTrue(log.contains("java.lang.IllegalStateException: kaputt im Test"));
    }

    /** A write the database kept refusing as busy is the German 503 page saying nothing was stored, never a 500. */
    @Test
    public void busy_database_write_shows_styled_503_in_german() throws Exception {
        HttpResponse<String> response = get("/belegt");

        assertEquals(503, response.statusCode());
        assertTrue(response.body().contains("<h1>Speichern gerade nicht möglich</h1>"));
        assertTrue(response.body().contains("Es wurde nichts gespeichert"));
        assertNoStackTrace(response.body());
    }

    /** An unknown path is the German 404 page inside the layout, without a request id to report. */
    @Test
    public void unknown_path_shows_styled_404() throws Exception {
        HttpResponse<String> response = get("/gibt/es/nicht");

        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("<h1>Seite nicht gefunden</h1>"));
        assertTrue(response.body().contains("<nav class=\"main-nav\" aria-label=\"Hauptmenü\">"));
        assertFalse(response.body().contains("Fehlerkennung"));
    }

    /** Broken percent-encoding in the query string is a 400 page, not a failure inside the page. */
    @Test
    public void malformed_query_string_is_400() throws Exception {
        // java.net.URI refuses to build such a request, so it goes over a plain socket
        String response = raw("GET /hallo?name=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertTrue(response, response.startsWith("HTTP/1.1 400"));
        assertTrue(response.contains("<h1>Ungültige Anfrage</h1>"));
        assertNoStackTrace(response);
        assertEquals("hallo Welt", get("/hallo?name=Welt").body());
    }

    /** TRACE (which would echo headers back) and made-up methods are refused with 405. */
    @Test
    public void trace_and_unknown_methods_are_405() throws Exception {
        for (String method : new String[] { "TRACE", "PROPFIND", "FOO" }) {
            String response = raw(method + " /hallo HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertTrue(method + ": " + response, response.startsWith("HTTP/1.1 405"));
            assertNoStackTrace(response);
        }
    }

    /** Every response carries the security headers, error pages included. */
    @Test
    public void security_headers_are_on_every_response() throws Exception {
        for (String path : new String[] { "/hallo", "/gibt-es-nicht", "/kaputt" }) {
            HttpResponse<String> response = get(path);
            assertEquals(PortalFilter.CONTENT_SECURITY_POLICY,
                    response.headers().firstValue("Content-Security-Policy").orElse(null));
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null));
            assertNotNull(response.headers().firstValue("Referrer-Policy").orElse(null));
        }
    }

    /** A POST without the token, or with the token of another browser, is refused and reaches no page. */
    @Test
    public void post_without_matching_csrf_token_is_403_and_changes_nothing() throws Exception {
        HttpResponse<String> form = get("/formular");
        String cookie = form.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie, cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
        String token = form.body();
        String cookieValue = cookie.substring(0, cookie.indexOf(';'));
        int before = POSTS_ACCEPTED.get();

        HttpResponse<String> none = post("/hallo", "name=x", null);
        HttpResponse<String> wrong = post("/hallo", "name=x&_csrf=" + "A".repeat(43), cookieValue);
        HttpResponse<String> noCookie = post("/hallo", "name=x&_csrf=" + token, null);

        for (HttpResponse<String> refused : List.of(none, wrong, noCookie)) {
            assertEquals(403, refused.statusCode());
            assertTrue(refused.body().contains("<h1>Formular abgelaufen</h1>"));
        }
        assertEquals(before, POSTS_ACCEPTED.get());

        HttpResponse<String> accepted = post("/hallo", "name=Welt&_csrf=" + token, cookieValue);
        assertEquals(200, accepted.statusCode());
        assertEquals("gespeichert Welt", accepted.body());
    }

    /** A form body over the container's size limit is refused with the German 413 page, not a 500. */
    @Test
    public void oversized_form_body_is_413_not_500() throws Exception {
        HttpResponse<String> form = get("/formular");
        String cookie = form.headers().firstValue("Set-Cookie").orElseThrow();
        int before = POSTS_ACCEPTED.get();

        HttpResponse<String> response = post("/hallo", "_csrf=" + form.body() + "&name=" + "x".repeat(1_100_000),
                cookie.substring(0, cookie.indexOf(';')));

        assertEquals(413, response.statusCode());
        assertTrue(response.body().contains("<h1>Anfrage zu groß</h1>"));
        assertNoStackTrace(response.body());
        assertEquals(before, POSTS_ACCEPTED.get());
    }

    private static HttpResponse<String> post(String path, String form, String cookie)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String raw(String request) throws IOException {
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertNoStackTrace(String body) {
        assertFalse(body, body.contains("Exception"));
        assertFalse(body, body.contains("\tat "));
        assertFalse(body, body.contains("at de.ringportal"));
    }
}
