package de.ringportal.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks the running portal's own {@code GET /health}, over loopback when it listens on every address: the one place
 * that knows whether every module runs and the database answers.
 */
final class HealthProbe implements Supplier<HealthProbe.Health> {

    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z]+)\"");
    private static final Pattern REASON = Pattern.compile("\"reason\":\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final Pattern FATAL = Pattern.compile("\"fatal\":true");

    /**
     * What the health page said: 200 means up (UP, or DEGRADED with a reason), anything else not yet; {@code fatal}
     * when the portal has given up starting (its database refused it): waiting longer will not help.
     */
    record Health(boolean up, String status, String reason, boolean fatal) {
        Health(boolean up, String status, String reason) {
            this(up, status, reason, false);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String host;
    private final IntSupplier port;

    /** @param port the port to ask, 0 while it is not known yet (the system picks it for port 0) */
    HealthProbe(String host, IntSupplier port) {
        this.host = reachable(host);
        this.port = port;
    }

    @Override
    public Health get() {
        int current = port.getAsInt();
        if (current == 0) {
            return new Health(false, "DOWN", "Der Webserver hat noch keinen Port.");
        }
        URI uri = URI.create("http://" + host + ":" + current + "/health");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return parse(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Health(false, "DOWN", "Der Webserver antwortet noch nicht.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Health(false, "DOWN", "Unterbrochen.");
        }
    }

    static Health parse(int statusCode, String json) {
        Matcher status = STATUS.matcher(json);
        Matcher reason = REASON.matcher(json);
        return new Health(statusCode == 200, status.find() ? status.group(1) : "HTTP " + statusCode,
                reason.find() ? unescape(reason.group(1)) : null, statusCode != 200 && FATAL.matcher(json).find());
    }

    /** The host to ask: a wildcard address is not one to connect to, so loopback; IPv6 literals in brackets. */
    static String reachable(String host) {
        if (host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("*")) {
            return "127.0.0.1";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** The JSON string escapes core's health page writes. */
    private static String unescape(String escaped) {
        StringBuilder out = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c != '\\' || i + 1 == escaped.length()) {
                out.append(c);
                continue;
            }
            char next = escaped.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(escaped.substring(i + 1, Math.min(i + 5, escaped.length())), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
