package de.ringportal.it;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import de.ringportal.core.api.Role;

/**
 * Every upload form of the portal against broken uploads, as an attacker sends them: no boundary, thousands of
 * tiny parts, a part header without end. Each is refused with 400 or 413 and the styled German page, and nothing
 * is logged as an error.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MalformedUploadIT extends AuthTestSupport {

    private static final String UPLOADER = "upload-pruefung";
    private static final String BOUNDARY = "----ringportal-test";
    /** Each upload form, by the page that shows it and the address it posts to. */
    private static final Map<String, String> FORMS = new LinkedHashMap<>();

    static {
        FORMS.put("/kennzahlen/austausch", "/kennzahlen/austausch/");
        FORMS.put("/admin/erweiterungen", "/admin/erweiterungen/hochladen");
        FORMS.put("/admin/kommunen", "/admin/kommunen/import");
        FORMS.put("/berichte/neu", "/berichte/neu");
    }

    /** Without a boundary nobody can read the body: 400 with the German page, on every upload form. */
    @Test
    public void upload_without_boundary_is_a_styled_400_everywhere() throws Exception {
        assertRefusedEverywhere("multipart/form-data", file("x.csv", "a;b\n"), 400, "<h1>Ungültige Anfrage</h1>");
    }

    /** 5,000 tiny parts are refused as too large (413), not parsed into 5,000 fields. */
    @Test
    public void five_thousand_parts_are_a_styled_413_everywhere() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"f").append(i)
                    .append("\"\r\n\r\nx\r\n");
        }
        body.append("--").append(BOUNDARY).append("--\r\n");
        assertRefusedEverywhere("multipart/form-data; boundary=" + BOUNDARY, body.toString(), 413,
                "<h1>Anfrage zu groß</h1>");
    }

    /** A part header of 64 KB (no browser sends one) is refused as too large (413). */
    @Test
    public void huge_part_header_is_a_styled_413_everywhere() throws Exception {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"datei\"; filename=\"a.csv\"\r\n"
                + "X-Padding: " + "p".repeat(64 * 1024) + "\r\n\r\na;b\r\n--" + BOUNDARY + "--\r\n";
        assertRefusedEverywhere("multipart/form-data; boundary=" + BOUNDARY, body, 413, "<h1>Anfrage zu groß</h1>");
    }

    private void assertRefusedEverywhere(String contentType, String body, int status, String heading)
            throws Exception {
        createAccount(UPLOADER, "Upload Prüfung", null, Role.REDAKTION, Role.ADMINISTRATION);
        Visitor uploader = visitor();
        assertEquals(303, uploader.login(UPLOADER, PASSWORD, "/").status());
        PrintStream err = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        // slf4j-simple in the container writes to whatever System.err is at the time
        System.setErr(new PrintStream(new TeeStream(err, logged), true, StandardCharsets.UTF_8));
        Map<String, String> answers = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> form : FORMS.entrySet()) {
                String token = uploader.get(form.getKey()).csrfToken();
                HttpResponse<String> response = post(uploader, form.getValue() + "?_csrf=" + token, contentType,
                        body);
                String page = response.body();
                answers.put(form.getValue(), response.statusCode() + (page.contains(heading) ? " " + heading : "")
                        + (page.contains("Exception") ? " with a stack trace" : ""));
                expected.put(form.getValue(), status + " " + heading);
            }
        } finally {
            System.setErr(err);
        }
        assertEquals(expected, answers);
        String log = logged.toString(StandardCharsets.UTF_8);
        assertThat(log, not(containsString(" ERROR ")));
        assertThat(log, not(containsString("\tat ")));
    }

    private static String file(String name, String content) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"datei\"; filename=\"" + name
                + "\"\r\n\r\n" + content + "\r\n--" + BOUNDARY + "--\r\n";
    }

    private HttpResponse<String> post(Visitor visitor, String path, String contentType, String body)
            throws IOException, InterruptedException {
        StringBuilder cookies = new StringBuilder();
        for (String name : List.of(Visitor.SESSION, Visitor.CSRF)) {
            cookies.append(name).append('=').append(visitor.cookie(name)).append("; ");
        }
        URI uri = URI.create("http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port") + path);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).header("Cookie", cookies.toString())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Writes to the console and keeps a copy for the test to read. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream console;
        private final ByteArrayOutputStream copy;

        TeeStream(java.io.OutputStream console, ByteArrayOutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            console.write(b);
            copy.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            console.write(b, off, len);
            copy.write(b, off, len);
        }
    }
}
