package de.ringportal.reports.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import de.ringportal.core.api.AuditTrail;
import de.ringportal.core.pages.Exchange;

/**
 * What every page of the library works with: the library, the access rules, the rings' names and the audit trail
 * (optional: null while none runs). Made once by {@link ReportPages}.
 */
record Reports(Library library, ReportAccess rules, RingCatalog rings, Supplier<AuditTrail> trail) {

    /** Query parameter naming a fixed notice after a redirect; the page never shows text taken from the address. */
    static final String NOTICE = "hinweis";
    static final Map<String, String> NOTICES = Map.of(
            "gespeichert", "Die Angaben zum Bericht sind gespeichert.",
            "unveraendert", "Es gab keine Änderungen zu speichern.",
            "geloescht", "Der Bericht ist mit allen Fassungen gelöscht.");

    /** A page that needs the report of its path, loaded and checked by {@link ReportPages}. */
    @FunctionalInterface
    interface ReportHandler {
        void handle(Exchange exchange, Report report) throws IOException;
    }

    ReportStore store() {
        return library.store();
    }

    Instant now() {
        return library.now();
    }

    /** "Öffentlich", or the names of the report's rings. */
    String audience(Report report) {
        return report.isPublic() ? "Öffentlich"
                : report.rings().stream().map(rings::name).collect(Collectors.joining(", "));
    }

    /** The fixed text a redirect's notice key names, or null. */
    static String notice(Exchange exchange) {
        return NOTICES.get(exchange.parameter(NOTICE));
    }

    /** Records an action in the portal's audit trail, when one runs. */
    void audit(Exchange exchange, String action, String subject, String detail) {
        AuditTrail current = trail.get();
        if (current != null) {
            current.record(exchange.request(), action, subject, detail);
        }
    }
}
