package de.ringportal.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletMultipart;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

/**
 * The Erweiterungen page: every bundle with what it contributes; upload to install or update; start, stop and
 * remove, each after a confirmation step; the rollback to the state before the last change. Administrators only,
 * for every method and path.
 *
 * <p>The upload form carries its CSRF token twice: as the usual hidden field, and in its action's query string, so
 * that a body over the multipart limit (which the whiteboard then does not parse) still reaches this page and gets
 * a German message instead of "form expired".
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/admin/erweiterungen/*")
@MenuEntry(label = "Erweiterungen", path = "/admin/erweiterungen", order = 910, role = "administration")
@HttpWhiteboardServletMultipart(enabled = true, maxFileSize = ExtensionsPage.MAX_UPLOAD,
        maxRequestSize = ExtensionsPage.MAX_UPLOAD + 64 * 1024)
public class ExtensionsPage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Far above any feature bundle of the portal (the events module is ~40 kB), far below what hurts the server. */
    static final long MAX_UPLOAD = 64L * 1024 * 1024;
    /** 422: the upload or the action was understood and refused (the servlet API 6.0 has no constant for it). */
    static final int UNPROCESSABLE = 422;

    private final transient Access access;
    private final transient Views views;
    private final transient Extensions extensions;

    @Activate
    public ExtensionsPage(@Reference Access access, @Reference Views views, @Reference Extensions extensions) {
        this.access = access;
        this.views = views;
        this.extensions = extensions;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (access.require(request, response, access.mayAdminister(request))) {
            super.service(request, response);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        switch (path) {
            case "/" -> list(request, response, null, HttpServletResponse.SC_OK);
            case "/aktion" -> confirmAction(request, response);
            case "/zuruecksetzen" -> confirmRollback(request, response);
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        switch (path) {
            case "/hochladen" -> upload(request, response);
            case "/aktion" -> act(request, response);
            case "/zuruecksetzen" -> rollback(request, response);
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response, Outcome outcome, int status)
            throws IOException {
        response.setStatus(status);
        RollbackPoints.Snapshot snapshot = extensions.rollbackPoints().latestSnapshot();
        views.render(request, response, "Erweiterungen", "extensions", new ListModel(Nav.EXTENSIONS, outcome,
                extensions.inventory().list(), snapshot == null ? null : snapshot.reason() + " (" + Texts.time(snapshot.takenAt())
                        + ")", MAX_UPLOAD / (1024 * 1024)));
    }

    /** Reads the upload into the archive's waiting room, checks it, and installs it or asks to confirm an update. */
    private void upload(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getContentLengthLong() > MAX_UPLOAD + 64 * 1024) {
            refuse(request, response, tooLarge(), HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        Part part;
        try {
            part = request.getPart("datei");
        } catch (ServletException | IOException | IllegalStateException e) {
            boolean size = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("size")
                    || e instanceof IllegalStateException;
            refuse(request, response, size ? tooLarge() : "Die Datei ließ sich nicht empfangen. Bitte wählen Sie "
                    + "eine JAR-Datei aus und laden Sie sie erneut hoch.", size
                            ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        if (part == null || part.getSize() == 0) {
            refuse(request, response, "Bitte wählen Sie eine JAR-Datei aus.", HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Path upload = extensions.archive().newUpload();
        try (InputStream in = part.getInputStream()) {
            Files.copy(in, upload);
        } finally {
            part.delete();
        }
        BundleCheck.Result check = extensions.inventory().check(upload, null);
        if (!check.passed()) {
            Files.deleteIfExists(upload);
            refuse(request, response, ModuleLifecycle.refusal(check), UNPROCESSABLE);
            return;
        }
        Bundle existing = extensions.inventory().bundle(check.symbolicName());
        if (existing == null) {
            Outcome outcome = extensions.install(request, upload);
            Files.deleteIfExists(upload);
            list(request, response, outcome, outcome.ok() ? HttpServletResponse.SC_OK
                    : UNPROCESSABLE);
            return;
        }
        // an update: check against the framework without the old version's offers, then ask
        BundleCheck.Result updateCheck = extensions.inventory().check(upload, existing);
        if (!updateCheck.passed()) {
            Files.deleteIfExists(upload);
            refuse(request, response, ModuleLifecycle.refusal(updateCheck), UNPROCESSABLE);
            return;
        }
        BundleRow row = extensions.inventory().row(existing);
        if (!row.mayChange()) {
            Files.deleteIfExists(upload);
            refuse(request, response, "Die Datei enthält " + updateCheck.label() + "; " + row.name() + " ist ein "
                    + row.kindLabel() + "-Bestandteil und lässt sich hier nicht ersetzen.",
                    HttpServletResponse.SC_CONFLICT);
            return;
        }
        confirm(request, response, new Confirmation(Nav.EXTENSIONS, "Modul aktualisieren?",
                "Soll " + row.name() + " (" + row.symbolicName() + ") von Version " + row.version() + " auf Version "
                        + updateCheck.version() + " aktualisiert werden?",
                "Die Prüfung hat nichts Fehlendes gefunden. Vorher wird der jetzige Stand gesichert; „Zurücksetzen“ "
                        + "stellt ihn wieder her.",
                "aktualisieren", row.id(), Archive.idOf(upload), "Ja, aktualisieren", List.of()));
    }

    private void confirmAction(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String action = request.getParameter("aktion");
        Bundle bundle = bundleOf(request);
        if (bundle == null || action == null || !List.of("starten", "stoppen", "entfernen").contains(action)) {
            refuse(request, response, "Dieses Modul ist nicht (mehr) installiert, oder die Aktion ist unbekannt.",
                    HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        BundleRow row = extensions.inventory().row(bundle);
        boolean allowed = action.equals("entfernen") ? row.mayChange() : row.hasActions();
        if (!allowed) {
            refuse(request, response, row.name() + " ist ein " + row.kindLabel() + "-Bestandteil des Portals und "
                    + "lässt sich hier nicht " + action + ".", HttpServletResponse.SC_CONFLICT);
            return;
        }
        String what = row.name() + " (" + row.symbolicName() + " " + row.version() + ")";
        Confirmation confirmation = switch (action) {
            case "starten" -> new Confirmation(Nav.EXTENSIONS, "Modul starten?", "Soll " + what + " gestartet werden?",
                    "Seine Seiten und Menüeinträge werden danach erreichbar.", action, row.id(), null, "Ja, starten",
                    row.routes());
            case "stoppen" -> new Confirmation(Nav.EXTENSIONS, "Modul stoppen?", "Soll " + what + " gestoppt werden?",
                    "Diese Adressen antworten danach mit „Seite nicht gefunden“; die Daten bleiben erhalten.", action,
                    row.id(), null, "Ja, stoppen", row.routes());
            default -> new Confirmation(Nav.EXTENSIONS, "Modul entfernen?", "Soll " + what + " entfernt werden?",
                    "Seine Seiten und Menüeinträge verschwinden; seine Daten bleiben in der Datenbank und sind nach "
                            + "einer erneuten Installation wieder da.",
                    action, row.id(), null, "Ja, entfernen", row.routes());
        };
        confirm(request, response, confirmation);
    }

    private void act(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String action = request.getParameter("aktion");
        Bundle bundle = bundleOf(request);
        if (bundle == null || action == null) {
            refuse(request, response, "Dieses Modul ist nicht (mehr) installiert.", HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!"ja".equals(request.getParameter("bestaetigt"))) {
            refuse(request, response, "Bitte bestätigen Sie die Aktion auf der Rückfrageseite.",
                    HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        long id = bundle.getBundleId();
        Outcome outcome = switch (action) {
            case "starten" -> extensions.start(request, id);
            case "stoppen" -> extensions.stop(request, id);
            case "entfernen" -> extensions.uninstall(request, id);
            case "aktualisieren" -> update(request, id);
            default -> Outcome.refused("Unbekannte Aktion.");
        };
        list(request, response, outcome, outcome.ok() ? HttpServletResponse.SC_OK
                : UNPROCESSABLE);
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

    private void confirmRollback(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RollbackPoints.Snapshot snapshot = extensions.rollbackPoints().latestSnapshot();
        if (snapshot == null) {
            refuse(request, response, "Es gibt keinen gesicherten Stand, zu dem die Module zurückkehren könnten.",
                    HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        List<String> plan = extensions.rollbackPoints().rollbackPlan(snapshot);
        confirm(request, response, new Confirmation(Nav.EXTENSIONS, "Auf den vorherigen Stand zurücksetzen?",
                "Gesichert am " + Texts.time(snapshot.takenAt()) + ": " + snapshot.reason() + ".",
                plan.isEmpty() ? "Die installierten Module entsprechen schon diesem Stand; der Sicherungspunkt wird "
                        + "verworfen." : "Das geschieht dabei:",
                "zuruecksetzen", snapshot.id(), null, "Ja, zurücksetzen", plan));
    }

    private void rollback(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"ja".equals(request.getParameter("bestaetigt"))) {
            refuse(request, response, "Bitte bestätigen Sie das Zurücksetzen auf der Rückfrageseite.",
                    HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        int id;
        try {
            id = Integer.parseInt(request.getParameter("id"));
        } catch (NumberFormatException e) {
            refuse(request, response, "Unbekannter Sicherungspunkt.", HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Outcome outcome = extensions.rollback(request, id);
        list(request, response, outcome, outcome.ok() ? HttpServletResponse.SC_OK
                : UNPROCESSABLE);
    }

    private void confirm(HttpServletRequest request, HttpServletResponse response, Confirmation confirmation)
            throws IOException {
        views.render(request, response, confirmation.title(), "confirm", confirmation);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String message, int status)
            throws IOException {
        list(request, response, Outcome.refused(message), status);
    }

    private Bundle bundleOf(HttpServletRequest request) {
        try {
            return extensions.inventory().bundle(Long.parseLong(request.getParameter("id")));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String tooLarge() {
        return "Die Datei ist größer als " + MAX_UPLOAD / (1024 * 1024) + " MB und wird nicht angenommen. "
                + "Module des Portals sind viel kleiner; bitte prüfen Sie, ob Sie die richtige Datei gewählt haben.";
    }

    /** The sub-navigation of the administration pages. */
    public record Nav(String extensions, String settings) {
        static final Nav EXTENSIONS = new Nav("page", null);
        static final Nav SETTINGS = new Nav("true", "page");
    }

    /** What the list template renders. */
    public record ListModel(Nav nav, Outcome outcome, List<BundleRow> bundles, String rollbackPoint, long maxMegabytes) {
    }

    /** A confirmation step: the question, what happens, and the form that confirms. */
    public record Confirmation(Nav nav, String title, String question, String explanation, String action, long id,
            String file, String yesLabel, List<String> details) {

        public boolean isRollback() {
            return action.equals("zuruecksetzen");
        }

        public boolean hasDetails() {
            return !details.isEmpty();
        }
    }
}
