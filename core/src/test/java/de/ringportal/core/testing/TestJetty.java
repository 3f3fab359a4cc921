package de.ringportal.core.testing;

import java.net.URI;
import java.util.function.Consumer;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real embedded Jetty on a free port of 127.0.0.1 with one servlet context at {@code /}, as the portal's context
 * is, for servlet tests without OSGi (the module needs {@code jetty-ee10-servlet} as a test dependency). Start one per
 * test class and close it afterwards:
 * <pre>{@code
 * jetty = TestJetty.start(context -> context.addServlet(new ServletHolder(page), "/veranstaltungen/*"));
 * HttpRequest.newBuilder(jetty.uri("/veranstaltungen/neu"))...
 * }</pre>
 */
public final class TestJetty implements AutoCloseable {

    private final Server server;
    private final String base;

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

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
