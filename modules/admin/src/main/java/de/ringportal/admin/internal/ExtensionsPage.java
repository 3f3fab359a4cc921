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
import de.ringportal.core.format.GermanDates;
import de.ringportal.core.forms.Uploads;
import de.ringportal.core.pages.Answers;
import de.ringportal.core.pages.Exchange;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
public class ExtensionsPage extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    /** Far above any feature bundle of the portal (the events module is ~40 kB), far below what hurts the server. */
    static final long MAX_UPLOAD = 64L * 1024 * 1024;
    /** The page's own texts for a file that is too large or did not arrive whole (the kit's defaults are shorter). */
    private static final Uploads.Limit JAR = new Uploads.Limit(MAX_UPLOAD, "Bitte wählen Sie eine JAR-Datei aus.", null)
            .answering(Uploads.Reason.TOO_LARGE, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Die Datei ist "
                    + "größer als " + MAX_UPLOAD / (1024 * 1024) + " MB und wird nicht angenommen. Module des Portals "
                    + "sind viel kleiner; bitte prüfen Sie, ob Sie die richtige Datei gewählt haben.")
            .answering(Uploads.Reason.UNREADABLE, HttpServletResponse.SC_BAD_REQUEST, "Die Datei ließ sich nicht "
                    + "empfangen. Bitte wählen Sie eine JAR-Datei aus und laden Sie sie erneut hoch.");

    private final transient Extensions extensions;
    private final transient ExtensionActions actions;

    @Activate
    public ExtensionsPage(@Reference Access access, @Reference Views views, @Reference Extensions extensions) {
        super(access, views);
        this.extensions = extensions;
        this.actions = new ExtensionActions(extensions);
    }

    @Override
    protected Routes routes() {
        return Routes.builder().guardAll((request, path) -> access().mayAdminister(request))
                .get("/", exchange -> list(exchange, null, HttpServletResponse.SC_OK))
                .get("/aktion", exchange -> answer(exchange, actions.confirmAction(exchange.request())))
                .get("/zuruecksetzen", exchange -> answer(exchange, actions.confirmRollback()))
                .post("/hochladen", exchange -> answer(exchange, upload(exchange.request())))
                .post("/aktion", exchange -> answer(exchange, actions.act(exchange.request())))
                .post("/zuruecksetzen", exchange -> answer(exchange, actions.rollback(exchange.request())))
                .build();
    }

    private void answer(Exchange exchange, Reply reply) throws IOException {
        if (reply instanceof ExtensionActions.Confirm confirm) {
            exchange.render(confirm.confirmation().title(), "confirm", confirm.confirmation());
        } else if (reply instanceof ExtensionActions.Listed listed) {
            list(exchange, listed.outcome(), listed.status());
        }
    }

    private void list(Exchange exchange, Outcome outcome, int status) throws IOException {
        exchange.response().setStatus(status);
        RollbackPoints.Snapshot snapshot = extensions.rollbackPoints().latestSnapshot();
        exchange.render("Erweiterungen", "extensions", new ListModel(Nav.EXTENSIONS, outcome,
                extensions.inventory().list(), snapshot == null ? null : snapshot.reason() + " ("
                        + GermanDates.dateTimeSeconds(snapshot.takenAt()) + ")", MAX_UPLOAD / (1024 * 1024)));
    }

    /** Reads the upload into the archive's waiting room, checks it, and installs it or asks to confirm an update. */
    private Reply upload(HttpServletRequest request) throws IOException {
        Uploads.Upload received = Uploads.receive(request, "datei", JAR);
        if (received instanceof Uploads.Refused refused) {
            return ExtensionActions.refused(refused.message(), refused.status());
        }
        Path upload = extensions.archive().newUpload();
        try (Uploads.Received file = (Uploads.Received) received; InputStream in = file.open()) {
            Files.copy(in, upload);
        }
        return checked(request, upload);
    }

    /** A new module is installed at once; an update is checked again without the old version, then confirmed. */
    private Reply checked(HttpServletRequest request, Path upload) throws IOException {
        BundleCheck.Result check = extensions.inventory().check(upload, null);
        if (!check.passed()) {
            Files.deleteIfExists(upload);
            return ExtensionActions.refused(ModuleLifecycle.refusal(check), Answers.UNPROCESSABLE);
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
            return ExtensionActions.refused(ModuleLifecycle.refusal(updateCheck), Answers.UNPROCESSABLE);
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

    /** The sub-navigation of the administration pages. */
    public record Nav(String extensions, String settings, String backup) {
        static final Nav EXTENSIONS = new Nav("page", null, null);
        static final Nav SETTINGS = new Nav("true", "page", null);
        static final Nav BACKUP = new Nav(null, null, "page");
    }

    /** What the list template renders. */
    public record ListModel(Nav nav, Outcome outcome, List<BundleRow> bundles, String rollbackPoint, long maxMegabytes) {
    }
}
