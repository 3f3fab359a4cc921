package de.ringportal.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import java.util.UUID;

import de.ringportal.it.Visitor.Page;

/**
 * Sends an upload form ({@code multipart/form-data}) as a browser does, with a visitor's session and CSRF cookies,
 * and reads downloads as bytes with their headers. A small PDF maker gives real PDFs with searchable text.
 */
public final class Uploads {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** A download as received. */
    public record Download(int status, java.net.http.HttpHeaders headers, byte[] body) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private Uploads() {
    }

    /** The form's fields (values may repeat: pairs of name, value) and one file, posted to {@code path}. */
    public static Page post(Visitor visitor, int port, String path, List<String> fields, String fileName, byte[] content) {
        String token = visitor.cookie(Visitor.CSRF);
        String boundary = "----rp" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("_csrf", token == null ? "" : token));
        all.addAll(fields);
        for (int i = 0; i < all.size(); i += 2) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + all.get(i) + "\"\r\n\r\n"
                    + all.get(i + 1) + "\r\n");
        }
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"datei\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path
                + "?_csrf=" + (token == null ? "" : token)))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", cookies(visitor))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET as bytes, with extra request headers (name, value, ...). */
    public static Download download(Visitor visitor, int port, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        String cookies = cookies(visitor);
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String cookies(Visitor visitor) {
        StringBuilder cookies = new StringBuilder();
        for (String name : List.of(Visitor.SESSION, Visitor.CSRF)) {
            String value = visitor.cookie(name);
            if (value != null) {
                cookies.append(cookies.length() == 0 ? "" : "; ").append(name).append('=').append(value);
            }
        }
        return cookies.toString();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A one-page PDF showing {@code text} (ASCII), which PDFBox extracts again; the browser tests upload it too. */
    public static byte[] pdf(String text) {
        String stream = "BT /F1 12 Tf 72 760 Td (" + text + ") Tj ET";
        List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A PDF padded (after its end marker, as incremental saves leave bytes) to {@code size} bytes. */
    public static byte[] pdfOfSize(String text, int size) {
        byte[] pdf = pdf(text);
        byte[] padded = new byte[size];
        System.arraycopy(pdf, 0, padded, 0, pdf.length);
        for (int i = pdf.length; i < size; i++) {
            padded[i] = ' ';
        }
        return padded;
    }

}
