package de.ringportal.benchmark.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.api.Views;
import de.ringportal.core.format.SpreadsheetCells;
import de.ringportal.core.pages.Exchange;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

/**
 * Import and export of values as CSV or XLSX ({@code /kennzahlen/austausch}): members for their own municipality, the
 * Redaktion for all. An import is validated completely first; one bad row and nothing is written, with every problem
 * listed by row.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/kennzahlen/austausch/*")
@HttpWhiteboardServletMultipart(enabled = true, maxFileSize = TransferPage.MAX_FILE, maxRequestSize = TransferPage.MAX_FILE
        + 65_536, fileSizeThreshold = 1_048_576)
public class TransferPage extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TransferPage.class);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** 100,000 rows of CSV are about 5 MB; 50 MB leaves room without letting anyone fill the disk. */
    static final long MAX_FILE = 50L * 1024 * 1024;

    private final transient KeyFigureStore store;
    private final transient Directory directory;
    private final transient EntrySettings settings;

    @Activate
    public TransferPage(@Reference Access access, @Reference Views views, @Reference KeyFigureStore store,
            @Reference Directory directory, @Reference EntrySettings settings) {
        super(access, views);
        this.store = store;
        this.directory = directory;
        this.settings = settings;
    }

    @Override
    protected Routes routes() {
        return Routes.builder()
                .guardAll((request, path) -> {
                    Viewer viewer = access().viewer(request);
                    return Rules.mayEnter(viewer) || Rules.mayTransferAll(viewer);
                })
                .get("/", exchange -> page(exchange.request(), exchange.response(), exchange.viewer(), null, null, 0))
                .get("/export.csv", exchange -> export(exchange, "csv"))
                .get("/export.xlsx", exchange -> export(exchange, "xlsx"))
                .post("/", exchange -> upload(exchange.request(), exchange.response()))
                .build();
    }

    private void export(Exchange exchange, String format) throws IOException {
        HttpServletRequest request = exchange.request();
        HttpServletResponse response = exchange.response();
        Viewer viewer = exchange.viewer();
        String ags = Rules.mayTransferAll(viewer) && !"eigene".equals(request.getParameter("umfang")) ? null
                : viewer.municipality();
        if (ags == null && !Rules.mayTransferAll(viewer)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String fileName = "kennzahlen-" + (ags == null ? "alle" : ags);
        if ("csv".equals(format)) {
            download(response, "text/csv;charset=UTF-8", fileName + ".csv", stream -> {
                // the writer is closed once, here; the byte order mark makes spreadsheet programs read UTF-8
                try (Writer out = new OutputStreamWriter(new BufferedOutputStream(stream, 65_536),
                        StandardCharsets.UTF_8)) {
                    out.write(SpreadsheetCells.BOM);
                    Transfer.writeCsv(store, ags, visible(request), directory::name, out);
                }
            });
        } else {
            download(response, XLSX, fileName + ".xlsx", stream -> {
                try (OutputStream out = stream) {
                    Transfer.writeXlsx(store, ags, visible(request), directory::name, out);
                }
            });
        }
    }

    private void upload(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Viewer viewer = access().viewer(request);
        Part part;
        try {
            part = request.getPart("datei");
        } catch (ServletException | IllegalStateException tooLargeOrNotMultipart) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            page(request, response, viewer, List.of("Die Datei ist zu groß (höchstens 50 MB) oder fehlt."), null, 1);
            return;
        }
        if (part == null || part.getSize() == 0) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            page(request, response, viewer, List.of("Bitte wählen Sie eine CSV- oder XLSX-Datei aus."), null, 1);
            return;
        }
        String name = part.getSubmittedFileName() == null ? "" : part.getSubmittedFileName().toLowerCase(Locale.ROOT);
        ImportValidator validator = new ImportValidator(store.figures(),
                Rules.mayTransferAll(viewer) ? null : viewer.municipality(), directory::known,
                this::storedValues, settings.jumpPercent());
        try (InputStream in = part.getInputStream()) {
            if (name.endsWith(".xlsx")) {
                Transfer.readXlsx(in, validator);
            } else if (name.endsWith(".csv") || name.endsWith(".txt")) {
                Transfer.readCsv(in, validator);
            } else {
                validator.problem(0, "Nur CSV- (.csv) und XLSX-Dateien (.xlsx) können importiert werden.");
            }
        }
        if (validator.valid() && validator.rows().isEmpty()) {
            validator.problem(2, "Die Datei enthält keine Werte.");
        }
        if (!validator.valid()) {
            // a file over the import's bounds (rows, cells, decompression) is refused as a whole: 422
            response.setStatus(validator.refused() ? 422 : HttpServletResponse.SC_BAD_REQUEST);
            List<String> problems = validator.problems();
            int more = validator.problemCount() - problems.size();
            page(request, response, viewer, problems, more > 0 ? "… und " + more + " weitere Probleme." : null,
                    validator.problemCount());
            return;
        }
        int written = store.importRows(validator.rows(), viewer.userName(), false);
        page(request, response, viewer, null, validator.rowCount() + " Zeilen geprüft, " + written
                + " Werte gespeichert (als Entwurf; bitte anschließend freigeben).", 0);
    }

    /** Writes a file into the response; the body gets the response's stream and closes it. */
    private interface Body {
        void write(OutputStream stream) throws IOException;
    }

    /** Sends a download; a client that goes away mid-download is logged at debug, real failures propagate. */
    private static void download(HttpServletResponse response, String contentType, String fileName, Body body)
            throws IOException {
        response.setContentType(contentType);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        try {
            body.write(response.getOutputStream());
        } catch (IOException | UncheckedIOException e) {
            if (!ClientAbort.is(e)) {
                throw e;
            }
            LOG.debug("Download {} ended by the client: {}", fileName, e.toString());
        }
    }

    /** The values the viewer may see: each by the ring its municipality was in that year (issue 17). */
    private Predicate<StoredValue> visible(HttpServletRequest request) {
        return value -> access().maySeeMunicipalityPeriod(request, value.ags(), Periods.yearOf(value.period()));
    }

    private Map<String, Double> storedValues(String ags) {
        Map<String, Double> values = new HashMap<>();
        store.forEachValue(ags, value -> values.put(KeyFigureStore.key(value.figureCode(), value.period()),
                value.value()));
        return values;
    }

    private void page(HttpServletRequest request, HttpServletResponse response, Viewer viewer, List<String> problems,
            String message, int problemCount) throws IOException {
        views().render(request, response, "Kennzahlen importieren und exportieren", "transfer",
                new Model(Rules.mayTransferAll(viewer), viewer.municipality() == null ? null
                        : directory.name(viewer.municipality()), problems == null ? List.of() : problems, message,
                        problemCount, String.join(";", ImportValidator.COLUMNS)));
    }

    public record Model(boolean all, String ownName, List<String> problems, String message, int problemCount,
            String columns) {
        public boolean hasProblems() {
            return !problems.isEmpty();
        }
    }
}
