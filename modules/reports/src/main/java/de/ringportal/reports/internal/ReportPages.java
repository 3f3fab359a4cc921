package de.ringportal.reports.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.AuditTrail;
import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import de.ringportal.core.pages.Handler;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The reports library's pages under {@code /berichte}: the route table. Each page is a class of its own; the pages
 * of one report get it loaded and checked here: an unknown report is 404, an embargoed one too for those who may not
 * manage it, then {@link ReportAccess} decides (login page for anonymous visitors of a GET, else 403).
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/berichte/*")
@MenuEntry(label = "Berichte", path = "/berichte", order = 40)
public class ReportPages extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    /** What a page of one report asks of the viewer beyond seeing it. */
    private enum Level { SEE, MANAGE, EDIT }

    private final transient Reports reports;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile AuditTrail auditTrail;

    @Activate
    public ReportPages(@Reference Library library, @Reference Access access, @Reference RingCatalog rings,
            @Reference Views views) {
        super(access, views);
        this.reports = new Reports(library, new ReportAccess(access, rings), rings, () -> auditTrail);
    }

    @Override
    protected Routes routes() {
        ReportListPage list = new ReportListPage(reports);
        ReportPage page = new ReportPage(reports);
        ReportUploadPages upload = new ReportUploadPages(reports);
        ReportEditPages edit = new ReportEditPages(reports);
        ReportDownloads downloads = new ReportDownloads(reports);
        DownloadAuditPage audit = new DownloadAuditPage(reports);
        return Routes.builder()
                .get("/", list::show)
                .get("/neu", upload::newReportForm)
                .post("/neu", upload::newReport)
                .get("/{id:int}", report(Level.SEE, page::show))
                .get("/{id:int}/datei", report(Level.SEE, downloads::current))
                .get("/{id:int}/versionen/{version:int}/datei", report(Level.SEE, downloads::version))
                .get("/{id:int}/neue-version", report(Level.MANAGE, upload::versionForm))
                .post("/{id:int}/neue-version", report(Level.MANAGE, upload::newVersion))
                .get("/{id:int}/abrufe", report(Level.MANAGE, audit::show))
                .get("/{id:int}/bearbeiten", report(Level.EDIT, edit::form))
                .post("/{id:int}/bearbeiten", report(Level.EDIT, edit::save))
                .get("/{id:int}/loeschen", report(Level.EDIT, edit::confirmDelete))
                .post("/{id:int}/loeschen", report(Level.EDIT, edit::delete))
                .build();
    }

    /** Loads the path's report and checks the viewer's access to it before the page answers. */
    private Handler report(Level level, Reports.ReportHandler page) {
        return exchange -> {
            Optional<Report> found = reports.store().find(exchange.path().integer("id"));
            HttpServletRequest request = exchange.request();
            ReportAccess rules = reports.rules();
            // embargoed reports do not exist for those who may not manage them
            if (found.isEmpty() || found.get().isEmbargoed(reports.now()) && !rules.mayManage(request, found.get())) {
                exchange.notFound();
                return;
            }
            Report report = found.get();
            boolean allowed = switch (level) {
                case SEE -> true;
                case MANAGE -> rules.mayManage(request, report);
                case EDIT -> rules.mayEdit(request, report);
            };
            if (exchange.require(rules.maySee(request, report, reports.now())) && exchange.require(allowed)) {
                page.handle(exchange, report);
            }
        };
    }
}
