package de.ringportal.it;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.CoreMatchers.startsWith;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import de.ringportal.it.Visitor.Page;

/**
 * CSRF tokens bound to the login session, over real HTTP: a cookie and field pair planted from another browser is
 * refused, login renews the token, and behind HTTPS the cookie carries the {@code __Host-} prefix.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CsrfIT extends AuthTestSupport {

    private static final String FORM_EXPIRED = "<h1>Formular abgelaufen</h1>";

    /**
     * An attacker who can plant cookies (a sibling subdomain, plain HTTP) sets a pair that matches by itself, his
     * own valid one or a made-up one, in a logged-in victim's browser and submits it: refused, the victim stays
     * logged in.
     */
    @Test
    public void cookie_and_field_planted_from_another_browser_are_refused() {
        Visitor attacker = visitor();
        String anonymousToken = attacker.get("/anmelden").csrfToken();
        String anonymousCookie = attacker.cookie(Visitor.CSRF);
        Visitor attackerLoggedIn = visitor();
        assertEquals(303, attackerLoggedIn.login(ADMIN, PASSWORD, "/").status());
        String sessionToken = attackerLoggedIn.get("/").csrfToken();
        String sessionCookie = attackerLoggedIn.cookie(Visitor.CSRF);

        Visitor victim = visitor();
        assertEquals(303, victim.login(ADMIN, PASSWORD, "/").status());
        victim.get("/");
        String victimsCookie = victim.cookie(Visitor.CSRF);
        for (List<String> planted : List.of(List.of(anonymousCookie, anonymousToken),
                List.of(sessionCookie, sessionToken), List.of("A".repeat(43), "A".repeat(43)))) {
            victim.setCookie(Visitor.CSRF, planted.get(0));

            Page forged = victim.post("/abmelden", Map.of("_csrf", planted.get(1)));

            assertEquals(planted.toString(), 403, forged.status());
            assertThat(forged.body(), containsString(FORM_EXPIRED));
        }
        victim.setCookie(Visitor.CSRF, victimsCookie);
        assertTrue("the victim is still logged in", victim.get("/").showsLoggedIn());
        assertEquals("the victim's own form still works", 303, victim.logout().status());
    }

    /** The token of the login form is not the token after login; the old one no longer passes. */
    @Test
    public void token_changes_at_login_and_the_old_one_is_refused() {
        Visitor visitor = visitor();
        String before = visitor.get("/anmelden").csrfToken();
        String cookieBefore = visitor.cookie(Visitor.CSRF);
        assertEquals(303, visitor.post("/anmelden", Map.of("_csrf", before, "benutzer", ADMIN, "passwort", PASSWORD,
                "ziel", "/")).status());

        Page after = visitor.get("/");

        assertNotEquals(before, after.csrfToken());
        assertNotNull("a new token cookie is set", after.setCookie(Visitor.CSRF));
        String cookieAfter = visitor.cookie(Visitor.CSRF);
        visitor.setCookie(Visitor.CSRF, cookieBefore);
        assertEquals(403, visitor.post("/abmelden", Map.of("_csrf", before)).status());
        visitor.setCookie(Visitor.CSRF, cookieAfter);
        assertTrue(visitor.get("/").showsLoggedIn());
        assertEquals(303, visitor.post("/abmelden", Map.of("_csrf", after.csrfToken())).status());
    }

    /** As the launcher runs with {@code --behind-proxy}: Jetty takes the scheme from X-Forwarded-Proto. */
    @Override
    protected Map<String, String> frameworkProperties() {
        Map<String, String> properties = new java.util.HashMap<>(super.frameworkProperties());
        properties.put("org.apache.felix.proxy.load.balancer.connection.enable", "true");
        return properties;
    }

    /**
     * Behind a proxy that ends TLS and says so (X-Forwarded-Proto), the cookie is {@code __Host-rp_csrf} with Secure
     * and Path=/ and without Domain, and the login form works with it.
     */
    @Test
    public void over_https_the_cookie_is_host_prefixed_and_the_login_works() throws Exception {
        HttpResponse<String> form = send(HttpRequest.newBuilder(uri("/anmelden")).GET(), null);
        String setCookie = form.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.contains("rp_csrf=")).findFirst().orElseThrow();

        assertThat(setCookie, startsWith("__Host-rp_csrf="));
        assertThat(setCookie, containsString("Secure"));
        assertThat(setCookie, containsString("Path=/"));
        assertThat(setCookie.toLowerCase(), not(containsString("domain")));
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String token = new Page(form.statusCode(), form.headers(), form.body()).csrfToken();
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/anmelden"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token + "&benutzer=" + ADMIN + "&passwort="
                        + java.net.URLEncoder.encode(PASSWORD, java.nio.charset.StandardCharsets.UTF_8)
                        + "&ziel=%2F")), cookie);
        assertEquals(303, login.statusCode());
        HttpResponse<String> plainName = send(HttpRequest.newBuilder(uri("/anmelden"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token + "&benutzer=x&passwort=y&ziel=%2F")),
                cookie.replace("__Host-rp_csrf=", "rp_csrf="));
        assertEquals("over HTTPS only the prefixed cookie counts", 403, plainName.statusCode());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port") + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String cookie)
            throws IOException, InterruptedException {
        request.header("X-Forwarded-Proto", "https").timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
