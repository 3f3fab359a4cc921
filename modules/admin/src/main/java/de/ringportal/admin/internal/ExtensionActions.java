package de.ringportal.admin.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.Bundle;

import de.ringportal.core.format.GermanDates;
import de.ringportal.core.pages.Answers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The confirmation steps of the Erweiterungen page and what runs once the administrator confirms: start, stop and
 * remove a module, update it with an upload waiting in the archive, and return to the last rollback point. Each
 * step answers a {@link Reply}, which the page renders.
 */
final class ExtensionActions {

    /** What the page shows next: the list with an outcome, or a confirmation step. */
    sealed interface Reply permits Listed, Confirm {
    }

    /** The list, with the outcome above it, answered with this status. */
    record Listed(Outcome outcome, int status) implements Reply {
    }

    /** A confirmation step. */
    record Confirm(Confirmation confirmation) implements Reply {
    }

    private final Extensions extensions;

    ExtensionActions(Extensions extensions) {
        this.extensions = extensions;
    }

    static Reply refused(String message, int status) {
        return new Listed(Outcome.refused(message), status);
    }

    /** A change that ran: 200 when it worked, 422 when it was refused (and undone). */
    static Reply ran(Outcome outcome) {
        return new Listed(outcome, outcome.ok() ? HttpServletResponse.SC_OK : Answers.UNPROCESSABLE);
    }

    /** Asks whether a checked upload should replace the installed version. */
    Reply confirmUpdate(BundleRow row, BundleCheck.Result check, Path upload) {
        return new Confirm(new Confirmation(ExtensionsPage.Nav.EXTENSIONS, "Modul aktualisieren?",
                "Soll " + row.name() + " (" + row.symbolicName() + ") von Version " + row.version() + " auf Version "
                        + check.version() + " aktualisiert werden?",
                "Die Prüfung hat nichts Fehlendes gefunden. Vorher wird der jetzige Stand gesichert; „Zurücksetzen“ "
                        + "stellt ihn wieder her.",
                "aktualisieren", row.id(), Archive.idOf(upload), "Ja, aktualisieren", List.of()));
    }

    /** GET aktion: asks whether to start, stop or remove the module. */
    Reply confirmAction(HttpServletRequest request) {
        String action = request.getParameter("aktion");
        Bundle bundle = bundleOf(request);
        if (bundle == null || action == null || !List.of("starten", "stoppen", "entfernen").contains(action)) {
            return refused("Dieses Modul ist nicht (mehr) installiert, oder die Aktion ist unbekannt.",
                    HttpServletResponse.SC_NOT_FOUND);
        }
        BundleRow row = extensions.inventory().row(bundle);
        boolean allowed = action.equals("entfernen") ? row.mayChange() : row.hasActions();
        if (!allowed) {
            return refused(row.name() + " ist ein " + row.kindLabel() + "-Bestandteil des Portals und "
                    + "lässt sich hier nicht " + action + ".", HttpServletResponse.SC_CONFLICT);
        }
        String what = row.name() + " (" + row.symbolicName() + " " + row.version() + ")";
        return new Confirm(switch (action) {
            case "starten" -> new Confirmation(ExtensionsPage.Nav.EXTENSIONS, "Modul starten?",
                    "Soll " + what + " gestartet werden?", "Seine Seiten und Menüeinträge werden danach erreichbar.",
                    action, row.id(), null, "Ja, starten", row.routes());
            case "stoppen" -> new Confirmation(ExtensionsPage.Nav.EXTENSIONS, "Modul stoppen?",
                    "Soll " + what + " gestoppt werden?",
                    "Diese Adressen antworten danach mit „Seite nicht gefunden“; die Daten bleiben erhalten.", action,
                    row.id(), null, "Ja, stoppen", row.routes());
            default -> new Confirmation(ExtensionsPage.Nav.EXTENSIONS, "Modul entfernen?",
                    "Soll " + what + " entfernt werden?",
                    "Seine Seiten und Menüeinträge verschwinden; seine Daten bleiben in der Datenbank und sind nach "
                            + "einer erneuten Installation wieder da.",
                    action, row.id(), null, "Ja, entfernen", row.routes());
        });
    }

    /** POST aktion: runs the confirmed action. */
    Reply act(HttpServletRequest request) throws IOException {
        String action = request.getParameter("aktion");
        Bundle bundle = bundleOf(request);
        if (bundle == null || action == null) {
            return refused("Dieses Modul ist nicht (mehr) installiert.", HttpServletResponse.SC_NOT_FOUND);
        }
        if (!"ja".equals(request.getParameter("bestaetigt"))) {
            return refused("Bitte bestätigen Sie die Aktion auf der Rückfrageseite.", HttpServletResponse.SC_BAD_REQUEST);
        }
        long id = bundle.getBundleId();
        return ran(switch (action) {
            case "starten" -> extensions.start(request, id);
            case "stoppen" -> extensions.stop(request, id);
            case "entfernen" -> extensions.uninstall(request, id);
            case "aktualisieren" -> update(request, id);
            default -> Outcome.refused("Unbekannte Aktion.");
        });
    }

    private Outcome update(HttpServletRequest request, long id) throws IOException {
        Path upload = extensions.archive().upload(request.getParameter("datei"));
        if (upload == null) {
            return Outcome.refused("Die hochgeladene Datei liegt nicht mehr vor. Bitte laden Sie sie erneut hoch.");
        }
        try {
            return extensions.update(request, id, upload);
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    /** GET zuruecksetzen: what returning to the last rollback point would change. */
    Reply confirmRollback() {
        RollbackPoints.Snapshot snapshot = extensions.rollbackPoints().latestSnapshot();
        if (snapshot == null) {
            return refused("Es gibt keinen gesicherten Stand, zu dem die Module zurückkehren könnten.",
                    HttpServletResponse.SC_NOT_FOUND);
        }
        List<String> plan = extensions.rollbackPoints().rollbackPlan(snapshot);
        return new Confirm(new Confirmation(ExtensionsPage.Nav.EXTENSIONS, "Auf den vorherigen Stand zurücksetzen?",
                "Gesichert am " + GermanDates.dateTimeSeconds(snapshot.takenAt()) + ": " + snapshot.reason() + ".",
                plan.isEmpty() ? "Die installierten Module entsprechen schon diesem Stand; der Sicherungspunkt wird "
                        + "verworfen." : "Das geschieht dabei:",
                "zuruecksetzen", snapshot.id(), null, "Ja, zurücksetzen", plan));
    }

    /** POST zuruecksetzen: returns to the confirmed rollback point. */
    Reply rollback(HttpServletRequest request) {
        if (!"ja".equals(request.getParameter("bestaetigt"))) {
            return refused("Bitte bestätigen Sie das Zurücksetzen auf der Rückfrageseite.",
                    HttpServletResponse.SC_BAD_REQUEST);
        }
        int id;
        try {
            id = Integer.parseInt(request.getParameter("id"));
        } catch (NumberFormatException e) {
            return refused("Unbekannter Sicherungspunkt.", HttpServletResponse.SC_BAD_REQUEST);
        }
        return ran(extensions.rollback(request, id));
    }

    private Bundle bundleOf(HttpServletRequest request) {
        try {
            return extensions.inventory().bundle(Long.parseLong(request.getParameter("id")));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A confirmation step: the question, what happens, and the form that confirms. */
    public record Confirmation(ExtensionsPage.Nav nav, String title, String question, String explanation,
            String action, long id, String file, String yesLabel, List<String> details) {

        public boolean isRollback() {
            return action.equals("zuruecksetzen");
        }

        public boolean hasDetails() {
            return !details.isEmpty();
        }
    }
}
