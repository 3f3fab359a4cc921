package de.ringportal.reports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.fileupload.FileItemIterator;
import org.apache.commons.fileupload.FileItemStream;
import org.apache.commons.fileupload.FileUpload;
import org.apache.commons.fileupload.FileUploadBase;
import org.apache.commons.fileupload.FileUploadException;
import org.apache.commons.fileupload.InvalidFileNameException;
import org.apache.commons.fileupload.UploadContext;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads an upload form ({@code multipart/form-data}) as a stream with Commons FileUpload's streaming API: text
 * fields into memory (each capped), the one file straight into the {@link Library}'s temporary file while it is
 * hashed and counted. Nothing is buffered whole, and an upload over the limit is cut off as soon as it passes it.
 */
final class Multipart {

    /** A text field longer than this is cut: no form field of the library needs more. */
    static final int FIELD_MAX_BYTES = 64 * 1024;
    /** Text fields at most: a form has seven. */
    static final int FIELDS_MAX = 100;
    /** After refusing an upload, at most this much of the rest is read, so the client gets to see the answer. */
    static final long DRAIN_MAX = 512L * 1024 * 1024;

    /** The form's fields and file; {@code tooLarge} when the file passed the limit (nothing of it is kept). */
    record Form(Map<String, List<String>> fields, BlobStore.Staged file, String fileName, boolean tooLarge) {
    }

    /** An upload with more parts than {@link #FIELDS_MAX} or a part header over FileUpload's limit: a 413. */
    static final class OverLimit extends IOException {
        private static final long serialVersionUID = 1L;

        OverLimit(String message) {
            super(message);
        }
    }

    private Multipart() {
    }

    /** The status to refuse an unreadable upload with: 413 over a limit, 400 when malformed. */
    static int refusalStatus(IOException unreadable) {
        return unreadable instanceof OverLimit ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE
                : HttpServletResponse.SC_BAD_REQUEST;
    }

    static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    static Form read(HttpServletRequest request, Library library) throws IOException {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        // the whole body is larger than the limit plus a generous allowance for the text fields: refuse unread
        if (request.getContentLengthLong() > library.rules().limitBytes() + FIELD_MAX_BYTES * 8L) {
            drain(request);
            return new Form(fields, null, null, true);
        }
        FileUpload upload = new FileUpload();
        upload.setHeaderEncoding(StandardCharsets.UTF_8.name());
        BlobStore.Staged staged = null;
        String fileName = null;
        try {
            FileItemIterator items = upload.getItemIterator(context(request));
            int count = 0;
            while (items.hasNext()) {
                FileItemStream item = items.next();
                if (++count > FIELDS_MAX) {
                    throw new OverLimit("more than " + FIELDS_MAX + " parts");
                }
                try (InputStream in = item.openStream()) {
                    if (item.isFormField()) {
                        byte[] value = in.readNBytes(FIELD_MAX_BYTES);
                        fields.computeIfAbsent(item.getFieldName(), key -> new ArrayList<>())
                                .add(new String(value, StandardCharsets.UTF_8));
                    } else if (staged == null && !nameOf(item).isEmpty()) {
                        fileName = nameOf(item);
                        try {
                            staged = library.stage(in);
                        } catch (BlobStore.TooLarge e) {
                            drain(request);
                            return new Form(fields, null, fileName, true);
                        }
                    }
                }
            }
        } catch (FileUploadException e) {
            if (staged != null) {
                library.discard(staged);
            }
            // no size limit is set on the whole body (checked above), so a size refusal is a part header's
            throw e instanceof FileUploadBase.SizeLimitExceededException ? new OverLimit(e.getMessage())
                    : new IOException("Malformed upload: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            if (staged != null) {
                library.discard(staged);
            }
            throw e;
        }
        return new Form(fields, staged, fileName, false);
    }

    /**
     * The file name as sent. FileUpload refuses names with a NUL byte; the library makes any name safe itself
     * ({@link FileNames}), so it takes the name as sent.
     */
    private static String nameOf(FileItemStream item) {
        String name;
        try {
            name = item.getName();
        } catch (InvalidFileNameException e) {
            name = e.getName();
        }
        return name == null ? "" : name;
    }

    /** Reads and drops what is left of the body (bounded), so the client reads the answer instead of a reset. */
    private static void drain(HttpServletRequest request) {
        try {
            InputStream in = request.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long drained = 0;
            for (int read; drained < DRAIN_MAX && (read = in.read(buffer)) >= 0;) {
                drained += read;
            }
        } catch (IOException | RuntimeException e) {
            // the client went away; there is nobody left to answer
        }
    }

    private static UploadContext context(HttpServletRequest request) {
        return new UploadContext() {
            @Override
            public long contentLength() {
                return request.getContentLengthLong();
            }

            @Override
            public String getCharacterEncoding() {
                return request.getCharacterEncoding();
            }

            @Override
            public String getContentType() {
                return request.getContentType();
            }

            @Override
            @Deprecated
            public int getContentLength() {
                return request.getContentLength();
            }

            @Override
            public InputStream getInputStream() throws IOException {
                return request.getInputStream();
            }
        };
    }
}
