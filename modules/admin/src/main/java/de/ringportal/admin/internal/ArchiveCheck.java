package de.ringportal.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The first step of checking an upload: that it is a sound ZIP archive, with no ZIP bomb (counted by the bytes
 * actually unpacked, not the sizes the headers claim) and no entry path that climbs out of its folder.
 */
final class ArchiveCheck {

    /** Limits of what a feature bundle may unpack to; far above any real module, far below a bomb. */
    static final long MAX_UNPACKED_BYTES = 256L * 1024 * 1024;
    static final int MAX_ENTRIES = 50_000;
    /** Compression ratio above which a large archive counts as a ZIP bomb (text compresses ~5-10x). */
    static final int MAX_RATIO = 100;
    private static final long RATIO_FLOOR = 16L * 1024 * 1024;

    private ArchiveCheck() {
    }

    /**
     * Reads every entry to its end, counting the bytes actually unpacked (the sizes in the headers may lie), and
     * stops at the first limit; returns the problem, or null when the archive is sound.
     */
    static String scan(Path file, Set<String> names) {
        long compressed;
        try {
            compressed = Math.max(1, Files.size(file));
        } catch (IOException e) {
            return "Die hochgeladene Datei ist nicht lesbar.";
        }
        long unpacked = 0;
        int count = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++count > MAX_ENTRIES) {
                    return "Die Datei enthält mehr als " + MAX_ENTRIES + " Einträge und wird nicht installiert.";
                }
                String entryName = entry.getName();
                if (entryName.startsWith("/") || entryName.contains("\\") || List.of(entryName.split("/")).contains("..")) {
                    return "Die Datei enthält einen unzulässigen Pfad („" + printable(entryName)
                            + "“) und wird nicht installiert.";
                }
                names.add(entryName);
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    unpacked += read;
                    if (unpacked > MAX_UNPACKED_BYTES) {
                        return "Die Datei entpackt sich auf mehr als " + MAX_UNPACKED_BYTES / (1024 * 1024)
                                + " MB (ZIP-Bombe?) und wird nicht installiert.";
                    }
                    if (unpacked > RATIO_FLOOR && unpacked / compressed > MAX_RATIO) {
                        return "Die Datei ist mehr als " + MAX_RATIO + "-fach komprimiert (ZIP-Bombe?) und wird "
                                + "nicht installiert.";
                    }
                }
            }
        } catch (ZipException | IllegalArgumentException e) {
            return "Die Datei ist kein gültiges JAR-Archiv (" + printable(e.getMessage()) + ").";
        } catch (IOException e) {
            return "Die Datei ist kein lesbares JAR-Archiv.";
        }
        if (count == 0) {
            return "Die Datei ist kein JAR-Archiv (sie enthält keine Einträge).";
        }
        return null;
    }

    private static String printable(String text) {
        if (text == null) {
            return "";
        }
        String cleaned = text.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 120 ? cleaned.substring(0, 120) + "…" : cleaned;
    }
}
