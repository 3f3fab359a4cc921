package de.ringportal.core.format;

import java.util.Locale;

/** Byte counts as the pages show them: "512 Byte", "1,5 KB", "2,0 MB" (binary units, one German decimal). */
public final class FileSizes {

    private FileSizes() {
    }

    public static String of(long bytes) {
        if (bytes < 1024) {
            return bytes + " Byte";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.GERMANY, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.GERMANY, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
