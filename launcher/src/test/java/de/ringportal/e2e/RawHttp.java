package de.ringportal.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for requests a well-behaved client refuses to send (broken percent-encoding, made-up
 * methods, huge request lines): the request line goes out byte for byte as given.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 10_000;

    private RawHttp() {
    }

    /** A response as it came over the wire. */
    public record Response(int status, String head, String body) {

        /** Status line, headers and body, for assertion messages and searches over everything sent. */
        public String whole() {
            return head + "\r\n\r\n" + body;
        }
    }

    /** Sends {@code <method> <target> HTTP/1.1} with Host and {@code Connection: close} and reads the answer to its end. */
    public static Response send(int port, String method, String target) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = raw.indexOf("\r\n\r\n");
            if (!raw.startsWith("HTTP/1.1 ") || end < 0) {
                throw new IOException("Not an HTTP/1.1 response: " + raw);
            }
            return new Response(Integer.parseInt(raw.substring(9, 12)), raw.substring(0, end), raw.substring(end + 4));
        }
    }
}
