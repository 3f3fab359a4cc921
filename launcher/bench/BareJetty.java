import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The benchmark's baseline: Jetty 12 core with one handler that answers every request with the same bytes.
 * Run with Java's source launcher: {@code java -cp <jetty jars> BareJetty.java <port> <file> [content-type]}.
 * Connector and thread pool keep Jetty's defaults, which are also what the portal's Jetty runs with on this
 * machine (one acceptor, one selector, 8 to 200 threads), and, like the portal, it sends no Server header.
 */
public final class BareJetty {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java -cp <jetty jars> BareJetty.java <port> <file> [content-type]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        byte[] body = Files.readAllBytes(Path.of(args[1]));
        String contentType = args.length > 2 ? args[2] : "text/html;charset=utf-8";

        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        // Handler.Abstract is a blocking handler, like the servlet behind the portal's start page.
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
                response.write(true, ByteBuffer.wrap(body), callback);
                return true;
            }
        });
        server.start();
        System.out.println("BareJetty serving " + body.length + " bytes of " + args[1] + " on port " + port);
        server.join();
    }
}
