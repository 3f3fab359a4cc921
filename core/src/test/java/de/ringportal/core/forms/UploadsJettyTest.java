package de.ringportal.core.forms;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import de.ringportal.core.testing.TestJetty;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Uploads through a real embedded Jetty's multipart parser: each refusal with its status and German message. */
public class UploadsJettyTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final long MAX = 1024;
    private static final Uploads.Limit CSV = new Uploads.Limit(MAX, "Bitte wählen Sie eine CSV-Datei aus.",
            (name, head) -> head.length > 0 && head[0] == 'P' ? Optional.of("Das ist keine CSV-Datei.")
                    : Optional.empty());
    private static TestJetty jetty;
    private static Path temp;

    /** Answers "status message" for a refusal, or the file's name, size and text. */
    static final class UploadServlet extends HttpServlet {

        private static final long serialVersionUID = 1L;

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Uploads.Limit limit = request.getPathInfo() == null ? CSV : CSV.answering(Uploads.Reason.MISSING, 422,
                    "Keine Datei.");
            Uploads.Upload upload = Uploads.receive(request, "datei", limit);
            response.setContentType("text/plain;charset=UTF-8");
            if (upload instanceof Uploads.Refused refused) {
                response.setStatus(refused.status());
                response.getWriter().print(refused.reason() + " " + refused.message());
                return;
            }
            try (Uploads.Received received = (Uploads.Received) upload; InputStream in = received.open()) {
                response.getWriter().print(received.fileName() + " " + received.size() + " "
                        + new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    @BeforeClass
    public static void startJetty() throws Exception {
        temp = Files.createTempDirectory("uploads");
        jetty = TestJetty.start(context -> {
            ServletHolder holder = new ServletHolder(new UploadServlet());
            holder.getRegistration().setMultipartConfig(new MultipartConfigElement(temp.toString(), 4 * MAX,
                    8 * MAX, 0));
            context.addServlet(holder, "/hochladen/*");
        });
    }

    @AfterClass
    public static void stopJetty() throws Exception {
        jetty.close();
    }

    /** A good file arrives whole with its name and size. */
    @Test
    public void good_file_is_received() throws Exception {
        HttpResponse<String> response = upload("/hochladen", "liste.csv", "ags;name\n03454;Emsland");
        assertEquals(200, response.statusCode());
        assertEquals("liste.csv 22 ags;name\n03454;Emsland", response.body());
    }

    /** No file chosen, an empty file, a file over the limit, and the wrong kind of file. */
    @Test
    public void refusals_have_status_and_german_message() throws Exception {
        assertEquals("400 MISSING Bitte wählen Sie eine CSV-Datei aus.", answer(upload("/hochladen", "", "")));
        assertEquals("400 EMPTY Bitte wählen Sie eine CSV-Datei aus.", answer(upload("/hochladen", "leer.csv", "")));
        assertEquals("413 TOO_LARGE Die Datei ist größer als 1 KB und wird nicht angenommen.",
                answer(upload("/hochladen", "gross.csv", "x".repeat((int) MAX + 1))));
        assertEquals("413 TOO_LARGE Die Datei ist größer als 1 KB und wird nicht angenommen.",
                answer(upload("/hochladen", "riesig.csv", "x".repeat(100 * (int) MAX))));
        assertEquals("422 WRONG_CONTENT Das ist keine CSV-Datei.", answer(upload("/hochladen", "x.csv", "PK\3\4")));
    }

    /** A page keeps its own answer for a reason, and a request that is no multipart form is unreadable. */
    @Test
    public void answers_can_be_kept_and_plain_forms_are_unreadable() throws Exception {
        assertEquals("422 MISSING Keine Datei.", answer(upload("/hochladen/eigen", "", "")));
        HttpResponse<String> plain = CLIENT.send(HttpRequest.newBuilder(jetty.uri("/hochladen"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("datei=x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, plain.statusCode());
        assertEquals("UNREADABLE Die Datei ließ sich nicht empfangen. Bitte laden Sie sie erneut hoch.", plain.body());
    }

    private static String answer(HttpResponse<String> response) {
        return response.statusCode() + " " + response.body();
    }

    private static HttpResponse<String> upload(String path, String fileName, String content) throws Exception {
        String boundary = "----grenze4711";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"notiz\"\r\n\r\nhallo\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"datei\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content.getBytes(StandardCharsets.UTF_8));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return CLIENT.send(HttpRequest.newBuilder(jetty.uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
