package de.ringportal.admin.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.AuditTrail;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import de.ringportal.core.backup.Backups;
import de.ringportal.core.format.FileSizes;
import de.ringportal.core.format.GermanDates;
import de.ringportal.core.pages.Exchange;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sicherung: administrators create a backup of the whole portal while it serves (after a confirmation step), watch
 * it run (the page reloads itself through the {@code Refresh} header, no script) and download the file. Starting and
 * downloading are recorded in the audit log.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/admin/sicherung/*")
public class BackupPage extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    /** Seconds between reloads while a backup runs. */
    static final int REFRESH_SECONDS = 2;

    private final transient Backups backups;
    private final transient AuditTrail audit;

    @Activate
    public BackupPage(@Reference Access access, @Reference Views views, @Reference Backups backups,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            AuditTrail audit) {
        super(access, views);
        this.backups = backups;
        this.audit = audit;
    }

    @Override
    protected Routes routes() {
        return Routes.builder().guardAll((request, path) -> access().mayAdminister(request))
                .get("/", this::show)
                .get("/erstellen", this::confirm)
                .post("/erstellen", this::create)
                .get("/datei", this::download)
                .build();
    }

    /** What the page shows: the state of the current or last backup, in German. */
    public record Model(ExtensionsPage.Nav nav, boolean confirming, boolean running, boolean done, boolean failed,
            String started, String finished, String fileName, String size, String message, int refreshSeconds) {

        static Model of(Backups.State state, boolean confirming) {
            return new Model(ExtensionsPage.Nav.BACKUP, confirming, state.phase() == Backups.Phase.RUNNING,
                    state.phase() == Backups.Phase.DONE, state.phase() == Backups.Phase.FAILED,
                    state.started() == null ? "" : GermanDates.dateTimeSeconds(state.started()),
                    state.finished() == null ? "" : GermanDates.dateTimeSeconds(state.finished()), state.fileName(),
                    FileSizes.of(state.size()), state.message(), REFRESH_SECONDS);
        }
    }

    private void show(Exchange exchange) throws IOException {
        Backups.State state = backups.state();
        if (state.phase() == Backups.Phase.RUNNING) {
            exchange.response().setHeader("Refresh", Integer.toString(REFRESH_SECONDS));
        }
        exchange.render("Sicherung", "backup", Model.of(state, false));
    }

    private void confirm(Exchange exchange) throws IOException {
        exchange.render("Sicherung erstellen?", "backup", Model.of(backups.state(), true));
    }

    private void create(Exchange exchange) throws IOException {
        if (!"ja".equals(exchange.parameter("bestaetigt"))) {
            exchange.response().setStatus(HttpServletResponse.SC_BAD_REQUEST);
            exchange.render("Sicherung erstellen?", "backup", Model.of(backups.state(), true));
            return;
        }
        Backups.State state = backups.start();
        if (audit != null) {
            audit.record(exchange.request(), "Sicherung erstellt", state.fileName(), "");
        }
        exchange.seeOther("/admin/sicherung");
    }

    private void download(Exchange exchange) throws IOException {
        Optional<Path> file = backups.file();
        if (file.isEmpty()) {
            exchange.notFound();
            return;
        }
        if (audit != null) {
            audit.record(exchange.request(), "Sicherung heruntergeladen", file.get().getFileName().toString(), "");
        }
        HttpServletResponse response = exchange.response();
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file.get().getFileName() + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLengthLong(Files.size(file.get()));
        try (OutputStream out = response.getOutputStream()) {
            Files.copy(file.get(), out);
        }
    }
}
