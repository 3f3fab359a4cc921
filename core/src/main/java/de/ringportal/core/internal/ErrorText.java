package de.ringportal.core.internal;

/** German title and explanation of an HTTP error status, as the error page shows them. */
record ErrorText(String title, String message) {

    /** A form sent without the token of the page it came from. */
    static final ErrorText CSRF = new ErrorText("Formular abgelaufen",
            "Das Formular ist abgelaufen oder stammt nicht von dieser Seite. Es wurde nichts geändert. "
                    + "Bitte laden Sie die Seite neu und senden Sie das Formular erneut.");

    /** Every page while the portal waits for its database at start. */
    static final ErrorText DATABASE_STARTING = new ErrorText("Vorübergehend nicht verfügbar",
            "Das Portal startet gerade und wartet noch auf seine Datenbank. Nach einem unerwarteten Neustart prüft "
                    + "die Datenbank sich zuerst selbst; das kann einige Minuten dauern. Bitte versuchen Sie es in "
                    + "Kürze erneut.");

    /** Every page while a running portal's database server is gone; the portal reconnects by itself. */
    static final ErrorText DATABASE_LOST = new ErrorText("Vorübergehend nicht verfügbar",
            "Die Verbindung zur Datenbank ist gerade unterbrochen. Das Portal verbindet sich von selbst wieder; "
                    + "bitte versuchen Sie es in Kürze erneut.");

    /** A write the database refused as busy, again and again: nothing was stored. */
    static final ErrorText BUSY = new ErrorText("Speichern gerade nicht möglich",
            de.ringportal.core.api.StoreBusyException.MESSAGE);

    static ErrorText of(int status) {
        return switch (status) {
            case 400 -> new ErrorText("Ungültige Anfrage",
                    "Die Anfrage ist fehlerhaft und wurde nicht bearbeitet. Bitte prüfen Sie die Adresse.");
            case 401, 403 -> new ErrorText("Kein Zugriff",
                    "Für diese Seite fehlt Ihnen die Berechtigung. Bitte melden Sie sich gegebenenfalls an.");
            case 404, 410 -> new ErrorText("Seite nicht gefunden",
                    "Diese Seite gibt es nicht (mehr). Über das Menü oder die Startseite finden Sie weiter.");
            case 405 -> new ErrorText("Aktion nicht erlaubt",
                    "Diese Aktion ist für diese Adresse nicht vorgesehen.");
            case 413, 414, 431 -> new ErrorText("Anfrage zu groß",
                    "Die Anfrage ist zu groß und wurde nicht bearbeitet.");
            case 503 -> new ErrorText("Vorübergehend nicht verfügbar",
                    "Dieser Teil des Portals ist gerade nicht verfügbar. Bitte versuchen Sie es später erneut.");
            default -> status >= 500
                    ? new ErrorText("Interner Fehler",
                            "Bei der Bearbeitung ist ein unerwarteter Fehler aufgetreten. Bitte versuchen Sie es später erneut.")
                    : new ErrorText("Anfrage nicht möglich", "Die Anfrage konnte nicht bearbeitet werden.");
        };
    }
}
