package de.ringportal.reports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The document types the library accepts, each known by its file name extension and checked against the file's
 * first bytes (and, for the Office formats, the entries of the ZIP container they are), so that an executable named
 * {@code .pdf} or a renamed archive is refused.
 */
enum FileKind {

    PDF("pdf", "application/pdf", "PDF"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel (XLSX)"),
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (DOCX)"),
    ODT("odt", "application/vnd.oasis.opendocument.text", "OpenDocument-Text (ODT)"),
    CSV("csv", "text/csv; charset=UTF-8", "CSV"),
    ZIP("zip", "application/zip", "ZIP-Archiv");

    /** How much of a CSV file is read to decide that it is text. */
    private static final int TEXT_PROBE = 64 * 1024;

    private final String extension;
    private final String mediaType;
    private final String label;

    FileKind(String extension, String mediaType, String label) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.label = label;
    }

    String extension() {
        return extension;
    }

    String mediaType() {
        return mediaType;
    }

    String label() {
        return label;
    }

    /** The kind a file name claims by its extension. */
    static Optional<FileKind> ofFileName(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return ofExtension(fileName.substring(dot + 1));
    }

    static Optional<FileKind> ofExtension(String extension) {
        for (FileKind kind : values()) {
            if (kind.extension.equals(extension.toLowerCase(Locale.ROOT))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Does the file's content look like this kind? Reads only what it needs. */
    boolean matches(Path file) throws IOException {
        byte[] head = head(file, 8);
        return switch (this) {
            case PDF -> startsWith(head, "%PDF-".getBytes(StandardCharsets.US_ASCII));
            case ZIP -> isZip(head);
            case XLSX -> isZip(head) && hasEntries(file, "[Content_Types].xml", "xl/workbook.xml");
            case DOCX -> isZip(head) && hasEntries(file, "[Content_Types].xml", "word/document.xml");
            case ODT -> isZip(head) && isOpenDocumentText(file);
            case CSV -> isText(file);
        };
    }

    private static byte[] head(Path file, int length) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(length);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** A local file header, or the end record of an empty archive. */
    private static boolean isZip(byte[] head) {
        return startsWith(head, new byte[] {'P', 'K', 3, 4}) || startsWith(head, new byte[] {'P', 'K', 5, 6});
    }

    private static boolean hasEntries(Path file, String... names) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (String name : names) {
                if (zip.getEntry(name) == null) {
                    return false;
                }
            }
            return true;
        } catch (ZipException broken) {
            return false;
        }
    }

    /** OpenDocument: an entry "mimetype" holding exactly the text document's media type. */
    private static boolean isOpenDocumentText(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype == null || zip.getEntry("content.xml") == null) {
                return false;
            }
            try (InputStream in = zip.getInputStream(mimetype)) {
                return ODT.mediaType.equals(new String(in.readNBytes(100), StandardCharsets.US_ASCII).strip());
            }
        } catch (ZipException broken) {
            return false;
        }
    }

    /**
     * Text, as far as the first 64 KiB tell: no NUL and no other control character besides tab, line feed and
     * carriage return (any encoding of German text, UTF-8 or the Latin-1 of older exports, passes; binaries do not).
     */
    private static boolean isText(Path file) throws IOException {
        byte[] probe = head(file, TEXT_PROBE);
        if (probe.length == 0) {
            return false;
        }
        for (byte b : probe) {
            int c = b & 0xff;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
