package de.ringportal.reports.internal;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Turns a file name as a browser sent it into one that is safe to store, show and offer on download: no folders
 * ({@code ../../etc/passwd} becomes {@code passwd}), no control characters or NUL bytes, no characters that mean
 * something to a shell, a file system or an HTTP header, at most {@value #MAX_LENGTH} characters with the extension
 * kept.
 */
final class FileNames {

    static final int MAX_LENGTH = 120;

    private FileNames() {
    }

    /** A safe name ending in the kind's extension; {@code "bericht.<ext>"} when nothing usable is left. */
    static String safe(String sent, FileKind kind) {
        String name = sent == null ? "" : sent;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder clean = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == ' ' || c == '(' || c == ')') {
                clean.appendCodePoint(c);
            } else if (!Character.isISOControl(c)) {
                clean.append('_');
            }
        });
        String base = clean.toString().strip().replaceAll("\\s+", " ").replaceAll("_+", "_").replaceAll("\\.{2,}", ".");
        int dot = base.lastIndexOf('.');
        String stem = dot >= 0 ? base.substring(0, dot) : base;
        stem = stem.replaceAll("^[ ._]+", "").replaceAll("[ ._]+$", "");
        if (stem.isEmpty()) {
            stem = "bericht";
        }
        String extension = "." + kind.extension();
        int room = MAX_LENGTH - extension.length();
        if (stem.codePointCount(0, stem.length()) > room) {
            stem = stem.substring(0, stem.offsetByCodePoints(0, room)).strip();
        }
        return stem + extension;
    }

    /**
     * The {@code Content-Disposition} value for a download: an ASCII {@code filename} for old clients (umlauts spelt
     * out) and the exact UTF-8 name in {@code filename*} (RFC 6266, RFC 5987).
     */
    static String contentDisposition(String safeName) {
        return "attachment; filename=\"" + ascii(safeName) + "\"; filename*=UTF-8''" + percentEncode(safeName);
    }

    static String ascii(String name) {
        String spelt = name.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("Ä", "Ae")
                .replace("Ö", "Oe").replace("Ü", "Ue").replace("ß", "ss");
        String stripped = Normalizer.normalize(spelt, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder ascii = new StringBuilder();
        for (char c : stripped.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
        }
        return ascii.toString();
    }

    /** RFC 5987 {@code value-chars}: attr-char as is, everything else as %XX of its UTF-8 bytes. */
    static String percentEncode(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
