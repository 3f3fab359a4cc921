package de.ringportal.core.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.StringJoiner;
import java.util.stream.Stream;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real embedded Jetty on a free port of 127.0.0.1 with one servlet context at {@code /}, as the portal's context
 * is, for servlet tests without OSGi (the module needs {@code jetty-ee10-servlet} as a test dependency). Start one per
 * test class and close it afterwards:
 * <pre>{@code
 * jetty = TestJetty.start(context -> context.addServlet(new ServletHolder(page), "/veranstaltungen/*"));
 * HttpResponse<String> refused = jetty.post("/veranstaltungen/neu", "title", "", "date", "31.02.2026");
 * }</pre>
 * {@link #get} and {@link #post} follow no redirect, so a test sees the 303 itself.
 */
public final class TestJetty implements AutoCloseable {

    private final Server server;
    private final String base;
    private final HttpClient client = HttpClient.newHttpClient();

    private TestJetty(Server server, String base) {
        this.server = server;
        this.base = base;
    }

    /** Starts Jetty with the servlets and filters {@code setup} adds to the context. */
    public static TestJetty start(Consumer<ServletContextHandler> setup) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        setup.accept(context);
        server.setHandler(context);
        server.start();
        return new TestJetty(server, "http://127.0.0.1:" + connector.getLocalPort());
    }

    /** {@code http://127.0.0.1:<port>} */
    public String base() {
        return base;
    }

    /** The address of a path of the site, such as {@code /veranstaltungen/neu}. */
    public URI uri(String path) {
        return URI.create(base + path);
    }

    /** GET of a path of the site. */
    public HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * POST of a form ({@code application/x-www-form-urlencoded}, UTF-8) given as names and values in turn; a name
     * may come more than once (check boxes).
     */
    public HttpResponse<String> post(String path, String... namesAndValues) throws Exception {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        StringJoiner body = new StringJoiner("&");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.add(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** POST of a form, its fields in the map's order. */
    public HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        return post(path, form.entrySet().stream().flatMap(field -> Stream.of(field.getKey(), field.getValue()))
                .toArray(String[]::new));
    }

    /** A form's fields from names and values in turn, in that order (a test changes one and posts it again). */
    public static Map<String, String> form(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
