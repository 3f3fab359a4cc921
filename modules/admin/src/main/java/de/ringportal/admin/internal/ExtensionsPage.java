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

import de.ringportal.admin.internal.ExtensionActions.Reply;
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
 * remove, each after a confirmation step ({@link ExtensionActions}); the rollback to the state before the last
 * change. Administrators only, for every method and path.
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
    private final transient ExtensionActions actions;

    @Activate
    public ExtensionsPage(@Reference Access access, @Reference Views views, @Reference Extensions extensions) {
        this.access = access;
        this.views = views;
        this.extensions = extensions;
        this.actions = new ExtensionActions(extensions);
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
            case "/aktion" -> answer(request, response, actions.confirmAction(request));
            case "/zuruecksetzen" -> answer(request, response, actions.confirmRollback());
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        switch (path) {
            case "/hochladen" -> answer(request, response, upload(request));
            case "/aktion" -> answer(request, response, actions.act(request));
            case "/zuruecksetzen" -> answer(request, response, actions.rollback(request));
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, Reply reply) throws IOException {
        if (reply instanceof ExtensionActions.Confirm confirm) {
            views.render(request, response, confirm.confirmation().title(), "confirm", confirm.confirmation());
        } else if (reply instanceof ExtensionActions.Listed listed) {
            list(request, response, listed.outcome(), listed.status());
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response, Outcome outcome, int status)
            throws IOException {
        response.setStatus(status);
        RollbackPoints.Snapshot snapshot = extensions.rollbackPoints().latestSnapshot();
        views.render(request, response, "Erweiterungen", "extensions", new ListModel(Nav.EXTENSIONS, outcome,
                extensions.inventory().list(), snapshot == null ? null : snapshot.reason() + " ("
                        + Texts.time(snapshot.takenAt()) + ")", MAX_UPLOAD / (1024 * 1024)));
    }

    /** Reads the upload into the archive's waiting room, checks it, and installs it or asks to confirm an update. */
    private Reply upload(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_UPLOAD + 64 * 1024) {
            return ExtensionActions.refused(tooLarge(), HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        }
        Part part;
        try {
            part = request.getPart("datei");
        } catch (ServletException | IOException | IllegalStateException e) {
            boolean size = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("size")
                    || e instanceof IllegalStateException;
            return ExtensionActions.refused(size ? tooLarge() : "Die Datei ließ sich nicht empfangen. Bitte wählen "
                    + "Sie eine JAR-Datei aus und laden Sie sie erneut hoch.", size
                            ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : HttpServletResponse.SC_BAD_REQUEST);
        }
        if (part == null || part.getSize() == 0) {
            return ExtensionActions.refused("Bitte wählen Sie eine JAR-Datei aus.", HttpServletResponse.SC_BAD_REQUEST);
        }
        Path upload = extensions.archive().newUpload();
        try (InputStream in = part.getInputStream()) {
            Files.copy(in, upload);
        } finally {
            part.delete();
        }
        return checked(request, upload);
    }

    /** A new module is installed at once; an update is checked again without the old version, then confirmed. */
    private Reply checked(HttpServletRequest request, Path upload) throws IOException {
        BundleCheck.Result check = extensions.inventory().check(upload, null);
        if (!check.passed()) {
            Files.deleteIfExists(upload);
            return ExtensionActions.refused(ModuleLifecycle.refusal(check), UNPROCESSABLE);
        }
        Bundle existing = extensions.inventory().bundle(check.symbolicName());
        if (existing == null) {
            Outcome outcome = extensions.install(request, upload);
            Files.deleteIfExists(upload);
            return ExtensionActions.ran(outcome);
        }
        // an update: check against the framework without the old version's offers, then ask
        BundleCheck.Result updateCheck = extensions.inventory().check(upload, existing);
        if (!updateCheck.passed()) {
            Files.deleteIfExists(upload);
            return ExtensionActions.refused(ModuleLifecycle.refusal(updateCheck), UNPROCESSABLE);
        }
        BundleRow row = extensions.inventory().row(existing);
        if (!row.mayChange()) {
            Files.deleteIfExists(upload);
            return ExtensionActions.refused("Die Datei enthält " + updateCheck.label() + "; " + row.name()
                    + " ist ein " + row.kindLabel() + "-Bestandteil und lässt sich hier nicht ersetzen.",
                    HttpServletResponse.SC_CONFLICT);
        }
        return actions.confirmUpdate(row, updateCheck, upload);
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
}
