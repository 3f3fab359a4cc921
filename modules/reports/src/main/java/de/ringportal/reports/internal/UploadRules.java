package de.ringportal.reports.internal;

import java.io.IOException;
import java.util.function.IntSupplier;

/**
 * What a file must be to enter the library: not over the configured size, not empty, of an allowed type whose content
 * matches its extension. The reasons are German, for the person who sent the file.
 */
final class UploadRules {

    private static final long MB = 1024L * 1024L;

    /** Why a file is refused, in German, for the person who sent it. */
    static final class Refused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** A checked file: its kind and the name it will be offered under. */
    record Accepted(FileKind kind, String fileName) {
    }

    private final IntSupplier maxMegabytes;

    /** @param maxMegabytes the configured limit, read on every use (the configuration may change) */
    UploadRules(IntSupplier maxMegabytes) {
        this.maxMegabytes = maxMegabytes;
    }

    long limitBytes() {
        return maxMegabytes.getAsInt() * MB;
    }

    int limitMegabytes() {
        return maxMegabytes.getAsInt();
    }

    String tooLargeMessage() {
        return "Die Datei ist zu groß: erlaubt sind höchstens " + maxMegabytes.getAsInt()
                + " MB. Bitte verkleinern Sie die Datei (oder teilen Sie sie auf) und laden Sie sie erneut hoch.";
    }

    /** Checks a staged file against its name; {@link Refused} with the reason otherwise. */
    Accepted check(BlobStore.Staged staged, String sentName) throws IOException {
        if (staged.size() == 0) {
            throw new Refused("Die Datei ist leer (0 Byte). Bitte wählen Sie die richtige Datei aus.");
        }
        FileKind kind = FileKind.ofFileName(sentName == null ? "" : sentName.strip()).orElseThrow(() -> new Refused(
                "Dieser Dateityp ist nicht erlaubt. Erlaubt sind PDF, XLSX, DOCX, ODT, CSV und ZIP."));
        if (!kind.matches(staged.file())) {
            throw new Refused("Der Inhalt der Datei passt nicht zu ihrer Endung ." + kind.extension()
                    + ": Sie ist keine gültige Datei vom Typ " + kind.label() + ".");
        }
        return new Accepted(kind, FileNames.safe(sentName, kind));
    }
}
