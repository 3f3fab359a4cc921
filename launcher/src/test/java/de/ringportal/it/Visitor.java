package de.ringportal.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser over real HTTP: keeps the cookies the portal sets (and drops those it clears), sends them back, and
 * follows no redirects, so tests see each 303 and its Location. Tests may also plant, replace or drop a cookie, as
 * an attacker or a copied cookie would. Thread-safe, so parallel requests may share one visitor. Public for the
 * end-to-end tests, which drive the packaged portal the same way.
 */
public final class Visitor {

    static final String SESSION = "rp_session";
    static final String CSRF = "rp_csrf";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

    private final String base;
    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    public Visitor(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A response as received, with the {@code Set-Cookie} headers unparsed. */
    public record Page(int status, HttpHeaders headers, String body) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The {@code Set-Cookie} header for this cookie name, or null. */
        String setCookie(String name) {
            return headers.allValues("Set-Cookie").stream().filter(value -> value.startsWith(name + "="))
                    .reduce((first, second) -> second).orElse(null);
        }

        /** The CSRF token of the page's first form. */
        public String csrfToken() {
            Matcher field = CSRF_FIELD.matcher(body);
            if (!field.find()) {
                throw new AssertionError("The page has no form with a CSRF token:\n" + body);
            }
            return field.group(1);
        }

        /** Is somebody logged in, as the page's header box tells? */
        boolean showsLoggedIn() {
            return body.contains("<p class=\"login-box__who\">Angemeldet:");
        }
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A form POST, fields in the given order, with whatever cookies this visitor holds. */
    public Page post(String path, Map<String, String> fields) {
        return postRaw(path, fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&")));
    }

    /** A form POST with a body as given, already encoded. */
    Page postRaw(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** A multipart upload with the CSRF token both in its form field and in the address, as the upload forms send it. */
    Page postFile(String path, String csrfToken, String field, String fileName, byte[] content) {
        return postFile(path + "?_csrf=" + encode(csrfToken), Map.of("_csrf", csrfToken), field, fileName, content);
    }

    /** A multipart form POST with text fields and one file field, as a browser sends an upload form. */
    Page postFile(String path, Map<String, String> fields, String field, String fileName, byte[] content) {
        String boundary = "----ringportal-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Fills and sends the login form of {@code /anmelden}, as a person would. */
    public Page login(String userName, String password, String target) {
        String token = get("/anmelden").csrfToken();
        return post("/anmelden", Map.of("_csrf", token, "benutzer", userName, "passwort", password, "ziel", target));
    }

    /** Presses the logout button of the header box on the start page. */
    Page logout() {
        return post("/abmelden", Map.of("_csrf", get("/").csrfToken()));
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    void dropCookie(String name) {
        cookies.remove(name);
    }

    private Page send(HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(30));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(this::keep);
            return new Page(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + built.method() + " " + built.uri(), e);
        }
    }

    /** Stores a cookie, or forgets it when the portal clears it (Max-Age=0 or an empty value). */
    private void keep(String setCookie) {
        List<String> parts = List.of(setCookie.split(";"));
        String[] pair = parts.get(0).split("=", 2);
        String name = pair[0].strip();
        String value = pair.length > 1 ? pair[1].strip() : "";
        boolean cleared = value.isEmpty() || parts.stream().skip(1)
                .anyMatch(part -> part.strip().toLowerCase(Locale.ROOT).equals("max-age=0"));
        if (cleared) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
