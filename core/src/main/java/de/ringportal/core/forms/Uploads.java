package de.ringportal.core.forms;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

/**
 * Receives one uploaded file of a multipart form (the servlet needs {@code @HttpWhiteboardServletMultipart}) and
 * checks it against a {@link Limit}: present, not empty, not over the size, readable, and (with a {@link Sniffer})
 * of the right kind. The answer is a {@link Received} file, to be closed after use (which deletes the container's
 * temporary copy), or a {@link Refused} with the status and German message to show, by default:
 * <ul>
 * <li>{@link Reason#MISSING}, {@link Reason#EMPTY}: 400 and the limit's {@code choose} text ("Bitte wählen Sie eine
 * JAR-Datei aus.");</li>
 * <li>{@link Reason#TOO_LARGE}: 413, "Die Datei ist größer als 10 MB und wird nicht angenommen.";</li>
 * <li>{@link Reason#UNREADABLE}: 400, "Die Datei ließ sich nicht empfangen. Bitte laden Sie sie erneut hoch.";</li>
 * <li>{@link Reason#WRONG_CONTENT}: 422 and the sniffer's message.</li>
 * </ul>
 * A page that has always answered otherwise keeps its answer with {@link Limit#answering}.
 */
public final class Uploads {

    /** Headroom for the other form fields and the multipart boundaries over the file's own size. */
    private static final long FORM_OVERHEAD = 64 * 1024;
    private static final int HEAD_BYTES = 8192;

    private Uploads() {
    }

    /** Why a file was refused. */
    public enum Reason { MISSING, EMPTY, TOO_LARGE, UNREADABLE, WRONG_CONTENT }

    /** Looks at the first bytes of a file (up to 8 KB) and says in German why it is not what the page takes. */
    @ConsumerType
    @FunctionalInterface
    public interface Sniffer {

        /** @return the German reason of the refusal, or empty when the file is of the right kind */
        Optional<String> refuse(String fileName, byte[] head);
    }

    /** What to answer for a refusal: the status and the German message. */
    public record Answer(int status, String message) {
    }

    /**
     * The bounds of one upload field.
     *
     * @param maxBytes the largest file taken
     * @param choose   what the page says when no file (or an empty one) came: "Bitte wählen Sie eine CSV-Datei aus."
     * @param sniffer  checks the kind of file; null: any kind
     * @param answers  answers other than the defaults, by reason
     */
    public record Limit(long maxBytes, String choose, Sniffer sniffer, Map<Reason, Answer> answers) {

        public Limit {
            if (maxBytes <= 0) {
                throw new IllegalArgumentException("maxBytes must be positive");
            }
            Objects.requireNonNull(choose, "choose");
            answers = answers.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(answers));
        }

        public Limit(long maxBytes, String choose, Sniffer sniffer) {
            this(maxBytes, choose, sniffer, Map.of());
        }

        /** This limit with another status and message for one reason (the sniffer's message for WRONG_CONTENT). */
        public Limit answering(Reason reason, int status, String message) {
            Map<Reason, Answer> changed = new EnumMap<>(Reason.class);
            changed.putAll(answers);
            changed.put(reason, new Answer(status, message));
            return new Limit(maxBytes, choose, sniffer, changed);
        }

        Answer answer(Reason reason, String detail) {
            Answer custom = answers.get(reason);
            if (custom != null) {
                return reason == Reason.WRONG_CONTENT && custom.message() == null
                        ? new Answer(custom.status(), detail) : custom;
            }
            return switch (reason) {
                case MISSING, EMPTY -> new Answer(HttpServletResponse.SC_BAD_REQUEST, choose);
                case TOO_LARGE -> new Answer(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                        "Die Datei ist größer als " + megabytes() + " und wird nicht angenommen.");
                case UNREADABLE -> new Answer(HttpServletResponse.SC_BAD_REQUEST,
                        "Die Datei ließ sich nicht empfangen. Bitte laden Sie sie erneut hoch.");
                case WRONG_CONTENT -> new Answer(422, detail);
            };
        }

        private String megabytes() {
            long mb = maxBytes / (1024 * 1024);
            return mb > 0 ? mb + " MB" : maxBytes / 1024 + " KB";
        }
    }

    /** What came of an upload: a file or a refusal. */
    public sealed interface Upload permits Received, Refused {
    }

    /** A file that passed; close it (try-with-resources) to delete the container's temporary copy. */
    public record Received(String fileName, long size, Part part) implements Upload, AutoCloseable {

        /** The file's bytes. */
        public InputStream open() throws IOException {
            return part.getInputStream();
        }

        @Override
        public void close() throws IOException {
            part.delete();
        }
    }

    /** A refused file: the reason, and the status and German message to answer with. */
    public record Refused(Reason reason, int status, String message) implements Upload {
    }

    /** Receives the file of the form field {@code field}. */
    public static Upload receive(HttpServletRequest request, String field, Limit limit) throws IOException {
        if (request.getContentLengthLong() > limit.maxBytes() + FORM_OVERHEAD) {
            return refused(limit, Reason.TOO_LARGE, null);
        }
        Part part;
        try {
            part = request.getPart(field);
        } catch (ServletException | IOException | IllegalStateException e) {
            // the containers refuse a file over the multipart limit with one of these, naming the size
            boolean size = e instanceof IllegalStateException
                    || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("size");
            return refused(limit, size ? Reason.TOO_LARGE : Reason.UNREADABLE, null);
        }
        if (part == null || part.getSubmittedFileName() == null && part.getSize() == 0) {
            return refused(limit, Reason.MISSING, null);
        }
        String fileName = part.getSubmittedFileName() == null ? "" : part.getSubmittedFileName();
        if (part.getSize() == 0) {
            part.delete();
            return refused(limit, fileName.isEmpty() ? Reason.MISSING : Reason.EMPTY, null);
        }
        if (part.getSize() > limit.maxBytes()) {
            part.delete();
            return refused(limit, Reason.TOO_LARGE, null);
        }
        if (limit.sniffer() != null) {
            byte[] head;
            try (InputStream in = part.getInputStream()) {
                head = in.readNBytes(HEAD_BYTES);
            }
            Optional<String> wrong = limit.sniffer().refuse(fileName, head);
            if (wrong.isPresent()) {
                part.delete();
                return refused(limit, Reason.WRONG_CONTENT, wrong.get());
            }
        }
        return new Received(fileName, part.getSize(), part);
    }

    private static Refused refused(Limit limit, Reason reason, String detail) {
        Answer answer = limit.answer(reason, detail);
        return new Refused(reason, answer.status(), answer.message());
    }
}
