package de.ringportal.municipalities.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletMultipart;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.AuditTrail;
import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import de.ringportal.core.format.GermanDates;
import de.ringportal.core.pages.Exchange;
import de.ringportal.core.pages.Handler;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Administration of the registry, for the Redaktion and Administration (everyone else: login page or 403, for every
 * method and path, {@code guardAll}):
 * <ul>
 * <li>{@code /admin/kommunen}: overview, export link and import form; {@code /admin/kommunen/export.csv}: the whole
 * registry as CSV;</li>
 * <li>{@code /admin/kommunen/import}, {@code .../import/bestaetigen} (POST): {@link RegistryImportPages};</li>
 * <li>{@code /admin/kommunen/{AGS}}: edit form ({@link RegistryEditPage}); {@code .../fusion} and
 * {@code .../umbenennen}: {@link MergerRenamePages}.</li>
 * </ul>
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/admin/kommunen/*")
@MenuEntry(label = "Kommunen verwalten", path = "/admin/kommunen", order = 85, role = { "redaktion",
        "administration" })
// the limit lies above the 10 MB an import may have, so a larger file still gets this page's own message
@HttpWhiteboardServletMultipart(enabled = true, maxFileSize = 11L * 1024 * 1024, maxRequestSize = 12L * 1024 * 1024)
public class AdminPages extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    static final String BASE = "/admin/kommunen";
    static final String NOTICE = "hinweis";
    private static final Map<String, String> NOTICES = Map.of(
            "gespeichert", "Die Änderungen sind gespeichert.",
            "importiert", "Die Datei ist übernommen: Das Verzeichnis ist ersetzt.",
            "fusion", "Die Fusion ist eingetragen.",
            "umbenannt", "Die Umbenennung ist eingetragen.",
            "abgelaufen", "Die geprüfte Datei liegt nicht mehr bereit (älter als 30 Minuten oder schon übernommen). "
                    + "Bitte laden Sie sie erneut hoch.");

    /** Writes one line of the audit trail, when the trail runs. */
    @FunctionalInterface
    interface Audit {
        void record(HttpServletRequest request, String action, String subject, String detail);
    }

    /** A handler for one unit of the registry, found by the route's {@code {ags}}. */
    @FunctionalInterface
    interface UnitHandler {
        void handle(Exchange exchange, Entry entry) throws IOException;
    }

    private final transient Registry registry;
    private final transient RegistryImportPages imports;
    private final transient RegistryEditPage edit;
    private final transient MergerRenamePages reforms;
    private final transient Clock clock = Clock.systemUTC();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile AuditTrail audit;

    @Activate
    public AdminPages(@Reference Access access, @Reference Registry registry, @Reference Views views) {
        super(access, views);
        this.registry = registry;
        this.imports = new RegistryImportPages(registry, this::record);
        this.edit = new RegistryEditPage(registry, this::record);
        this.reforms = new MergerRenamePages(registry, this::record);
    }

    @Override
    protected Routes routes() {
        String unit = "/{ags:ags}";
        return Routes.builder()
                .guardAll((request, path) -> access().mayEditPublicContent(request) || access().mayAdminister(request))
                .get("/", this::overview)
                .get("/export.csv", this::export)
                .post("/import", imports::check)
                .post("/import/bestaetigen", imports::confirm)
                .get(unit, unit(edit::form))
                .post(unit, unit(edit::save))
                .get(unit + "/fusion", unit(reforms::mergerForm))
                .post(unit + "/fusion", unit(reforms::merge))
                .get(unit + "/umbenennen", unit(reforms::renameForm))
                .post(unit + "/umbenennen", unit(reforms::rename))
                .build();
    }

    /** The notice a 303 asked for ({@code ?hinweis=gespeichert}); null for none or an unknown one. */
    static String notice(Exchange exchange) {
        return NOTICES.get(exchange.parameter(NOTICE));
    }

    /** A unit in the overview's table. */
    record Item(String ags, String name, String status) {
    }

    /** What the admin overview renders. */
    record OverviewModel(String notice, int count, List<Item> items, String maxSize) {
    }

    private Handler unit(UnitHandler handler) {
        return exchange -> {
            Optional<Entry> entry = registry.entry(exchange.path().text("ags"));
            if (entry.isEmpty()) {
                exchange.notFound();
                return;
            }
            handler.handle(exchange, entry.get());
        };
    }

    private void overview(Exchange exchange) throws IOException {
        List<Item> items = registry.snapshot().all().stream().map(e -> new Item(e.ags(), e.name(),
                e.merged() ? "aufgelöst am " + Texts.day(e.until().plusDays(1)) : "bestehend")).toList();
        exchange.render("Kommunen verwalten", "admin", new OverviewModel(notice(exchange), items.size(), items,
                "10 MB"));
    }

    private void export(Exchange exchange) throws IOException {
        List<Entry> all = registry.snapshot().all();
        byte[] csv = RegistryCsvWriter.download(all);
        var response = exchange.response();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"optionskommunen-"
                + GermanDates.today(clock) + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(csv.length);
        response.getOutputStream().write(csv);
        record(exchange.request(), "Kommunenverzeichnis exportiert", "kommunen", all.size() + " Einträge");
    }

    private void record(HttpServletRequest request, String action, String subject, String detail) {
        AuditTrail trail = audit;
        if (trail != null) {
            trail.record(request, action, subject, detail);
        }
    }
}
