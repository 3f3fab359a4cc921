package de.ringportal.municipalities.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import de.ringportal.core.forms.Uploads;
import de.ringportal.core.pages.Answers;
import de.ringportal.core.pages.Exchange;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The CSV import: {@code POST /admin/kommunen/import} (multipart) validates the whole file and shows every problem
 * with its line (422, nothing written), or what would change, to confirm; {@code .../import/bestaetigen} replaces the
 * registry with the file staged for the same editor ({@link StagedImports}, 30 minutes, once).
 */
final class RegistryImportPages {

    private static final String CHOOSE = "Bitte wählen Sie eine CSV-Datei aus.";
    /** The page's own answers, as before the upload kit: a missing file is a problem of the form (422). */
    private static final Uploads.Limit CSV = new Uploads.Limit(RegistryCsv.MAX_BYTES, CHOOSE, null)
            .answering(Uploads.Reason.MISSING, Answers.UNPROCESSABLE, CHOOSE)
            .answering(Uploads.Reason.EMPTY, Answers.UNPROCESSABLE, CHOOSE)
            .answering(Uploads.Reason.TOO_LARGE, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "Die Datei ist größer als 10 MB.")
            .answering(Uploads.Reason.UNREADABLE, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "Die Datei ist größer als 10 MB oder konnte nicht gelesen werden.");

    private final Registry registry;
    private final AdminPages.Audit audit;
    private final StagedImports staged = new StagedImports();

    RegistryImportPages(Registry registry, AdminPages.Audit audit) {
        this.registry = registry;
        this.audit = audit;
    }

    /** A problem of the file, for the report. */
    record ProblemLine(String where, String message) {
    }

    /** What the import report and confirmation render. */
    record ImportModel(String fileName, String encoding, List<ProblemLine> problems, int problemCount,
            String token, int total, List<String> added, List<String> removed, int changed) {

        public boolean hasProblems() {
            return !problems.isEmpty();
        }

        public String addedText() {
            return added.isEmpty() ? "keine" : added.size() + ": " + String.join(", ", added);
        }

        public String removedText() {
            return removed.isEmpty() ? "keine" : removed.size() + ": " + String.join(", ", removed);
        }
    }

    void check(Exchange exchange) throws IOException {
        Uploads.Upload upload = Uploads.receive(exchange.request(), "datei", CSV);
        if (upload instanceof Uploads.Refused refused) {
            report(exchange, refused.status(), "", List.of(new RegistryCsv.Problem(0, refused.message())), "");
            return;
        }
        String fileName;
        byte[] bytes;
        try (Uploads.Received file = (Uploads.Received) upload; InputStream in = file.open()) {
            fileName = file.fileName();
            bytes = in.readNBytes(RegistryCsv.MAX_BYTES + 1);
        }
        RegistryCsv.Result result = RegistryCsv.read(bytes);
        if (!result.valid()) {
            report(exchange, Answers.UNPROCESSABLE, fileName, result.problems(), result.encoding());
            return;
        }
        Map<String, Entry> current = registry.snapshot().byAgs();
        Set<String> incoming = result.entries().stream().map(Entry::ags).collect(Collectors.toSet());
        List<String> added = result.entries().stream().filter(e -> !current.containsKey(e.ags()))
                .map(e -> e.name() + " (" + e.ags() + ")").toList();
        List<String> removed = current.values().stream().filter(e -> !incoming.contains(e.ags()))
                .map(e -> e.name() + " (" + e.ags() + ")").sorted().toList();
        int changed = (int) result.entries().stream()
                .filter(e -> current.containsKey(e.ags()) && !current.get(e.ags()).equals(e)).count();
        String token = staged.stage(exchange.viewer().userName(), result.entries(), result.encoding());
        exchange.render("Import bestätigen", "import", new ImportModel(fileName, result.encoding(), List.of(), 0,
                token, result.entries().size(), added, removed, changed));
    }

    void confirm(Exchange exchange) throws IOException {
        String editor = exchange.viewer().userName();
        Optional<StagedImports.Staged> file = staged.take(exchange.request().getParameter("datei"), editor);
        if (file.isEmpty()) {
            exchange.seeOther(AdminPages.BASE + "?" + AdminPages.NOTICE + "=abgelaufen");
            return;
        }
        registry.writes().replaceAll(file.get().entries(), "Import (" + file.get().encoding() + ")", editor);
        audit.record(exchange.request(), "Kommunenverzeichnis importiert", "kommunen",
                file.get().entries().size() + " Einträge");
        exchange.seeOther(AdminPages.BASE + "?" + AdminPages.NOTICE + "=importiert");
    }

    private static void report(Exchange exchange, int status, String fileName, List<RegistryCsv.Problem> problems,
            String encoding) throws IOException {
        exchange.response().setStatus(status);
        List<ProblemLine> lines = problems.stream().map(p -> new ProblemLine(p.line() > 0 ? "Zeile " + p.line()
                : "Datei", p.message())).toList();
        exchange.render("Import abgelehnt", "import", new ImportModel(fileName, encoding, lines, lines.size(), null,
                0, List.of(), List.of(), 0));
    }
}
