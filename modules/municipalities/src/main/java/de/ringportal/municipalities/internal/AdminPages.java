package de.ringportal.municipalities.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

/**
 * Administration of the registry, for the Redaktion and Administration (everyone else: login page or 403, for every
 * method and path):
 * <ul>
 * <li>{@code /admin/kommunen}: overview, export link and import form;</li>
 * <li>{@code /admin/kommunen/export.csv}: the whole registry as CSV;</li>
 * <li>{@code /admin/kommunen/import} (POST, multipart): validates the file and shows every problem with its line, or
 * a summary to confirm; {@code /admin/kommunen/import/bestaetigen} (POST) replaces the registry with it;</li>
 * <li>{@code /admin/kommunen/{AGS}}: edit form; {@code .../fusion}: record a merger (with a confirmation step);
 * {@code .../umbenennen}: record a rename.</li>
 * </ul>
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/admin/kommunen/*")
@MenuEntry(label = "Kommunen verwalten", path = "/admin/kommunen", order = 85, role = { "redaktion",
        "administration" })
// the limit lies above the 10 MB an import may have, so a larger file still gets this page's own message
@HttpWhiteboardServletMultipart(enabled = true, maxFileSize = 11L * 1024 * 1024, maxRequestSize = 12L * 1024 * 1024)
public class AdminPages extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int UNPROCESSABLE = 422;
    private static final Pattern PATH = Pattern.compile("/([0-9]{5})(?:/(fusion|umbenennen))?");
    private static final String NOTICE = "hinweis";
    private static final Map<String, String> NOTICES = Map.of(
            "gespeichert", "Die Änderungen sind gespeichert.",
            "importiert", "Die Datei ist übernommen: Das Verzeichnis ist ersetzt.",
            "fusion", "Die Fusion ist eingetragen.",
            "umbenannt", "Die Umbenennung ist eingetragen.",
            "abgelaufen", "Die geprüfte Datei liegt nicht mehr bereit (älter als 30 Minuten oder schon übernommen). "
                    + "Bitte laden Sie sie erneut hoch.");

    private final transient Access access;
    private final transient Registry registry;
    private final transient Views views;
    private final transient StagedImports staged = new StagedImports();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditTrail audit;

    @Activate
    public AdminPages(@Reference Access access, @Reference Registry registry, @Reference Views views) {
        this.access = access;
        this.registry = registry;
        this.views = views;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (access.require(request, response, access.mayEditPublicContent(request) || access.mayAdminister(request))) {
            super.service(request, response);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = pathOf(request);
        if (path.isEmpty() || path.equals("/")) {
            overview(request, response, NOTICES.get(String.valueOf(request.getParameter(NOTICE))));
            return;
        }
        if (path.equals("/export.csv")) {
            export(request, response);
            return;
        }
        Matcher matcher = PATH.matcher(path);
        Optional<Entry> entry = matcher.matches() ? registry.entry(matcher.group(1)) : Optional.empty();
        if (entry.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String action = matcher.group(2);
        if (action == null) {
            editForm(request, response, entry.get(), form(entry.get()), List.of(),
                    NOTICES.get(String.valueOf(request.getParameter(NOTICE))));
        } else if (action.equals("fusion")) {
            mergerForm(request, response, entry.get(), "", "", List.of());
        } else {
            renameForm(request, response, entry.get(), "", "", List.of());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = pathOf(request);
        if (path.equals("/import")) {
            importFile(request, response);
            return;
        }
        if (path.equals("/import/bestaetigen")) {
            confirmImport(request, response);
            return;
        }
        Matcher matcher = PATH.matcher(path);
        Optional<Entry> entry = matcher.matches() ? registry.entry(matcher.group(1)) : Optional.empty();
        if (entry.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String action = matcher.group(2);
        if (action == null) {
            save(request, response, entry.get());
        } else if (action.equals("fusion")) {
            merge(request, response, entry.get());
        } else {
            rename(request, response, entry.get());
        }
    }

    // ------------------------------------------------------------------------------------------- overview

    /** A unit in the overview's table. */
    public record Item(String ags, String name, String status) {
    }

    /** What the admin overview renders. */
    public record OverviewModel(String notice, int count, List<Item> items, String maxSize) {
    }

    private void overview(HttpServletRequest request, HttpServletResponse response, String notice) throws IOException {
        List<Item> items = registry.snapshot().all().stream().map(e -> new Item(e.ags(), e.name(),
                e.merged() ? "aufgelöst am " + Texts.day(e.until().plusDays(1)) : "bestehend")).toList();
        views.render(request, response, "Kommunen verwalten", "admin", new OverviewModel(notice, items.size(), items,
                "10 MB"));
    }

    private void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
        byte[] csv = RegistryCsv.write(registry.snapshot().all()).getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"optionskommunen-" + LocalDate.now()
                + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bom.length + csv.length);
        response.getOutputStream().write(bom);
        response.getOutputStream().write(csv);
        record(request, "Kommunenverzeichnis exportiert", "kommunen", registry.snapshot().all().size() + " Einträge");
    }

    // ------------------------------------------------------------------------------------------- import

    /** A problem of the file, for the report. */
    public record ProblemLine(String where, String message) {
    }

    /** What the import report and confirmation render. */
    public record ImportModel(String fileName, String encoding, List<ProblemLine> problems, int problemCount,
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

    private void importFile(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Part part;
        try {
            part = request.getPart("datei");
        } catch (ServletException | IOException | IllegalStateException e) {
            // Felix's multipart parser refuses a request over the limit with an IOException
            report(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "",
                    List.of(new RegistryCsv.Problem(0, "Die Datei ist größer als 10 MB oder konnte nicht gelesen "
                            + "werden.")), "");
            return;
        }
        if (part == null || part.getSize() == 0) {
            report(request, response, UNPROCESSABLE, "", List.of(new RegistryCsv.Problem(0, "Bitte wählen Sie eine "
                    + "CSV-Datei aus.")), "");
            return;
        }
        String fileName = part.getSubmittedFileName() == null ? "" : part.getSubmittedFileName();
        if (part.getSize() > RegistryCsv.MAX_BYTES) {
            report(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, fileName,
                    List.of(new RegistryCsv.Problem(0, "Die Datei ist größer als 10 MB.")), "");
            return;
        }
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readNBytes(RegistryCsv.MAX_BYTES + 1);
        }
        RegistryCsv.Result result = RegistryCsv.read(bytes);
        if (!result.valid()) {
            report(request, response, UNPROCESSABLE, fileName, result.problems(), result.encoding());
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
        String token = staged.stage(access.viewer(request).userName(), result.entries(), result.encoding());
        views.render(request, response, "Import bestätigen", "import", new ImportModel(fileName, result.encoding(),
                List.of(), 0, token, result.entries().size(), added, removed, changed));
    }

    private void report(HttpServletRequest request, HttpServletResponse response, int status, String fileName,
            List<RegistryCsv.Problem> problems, String encoding) throws IOException {
        response.setStatus(status);
        List<ProblemLine> lines = problems.stream().map(p -> new ProblemLine(p.line() > 0 ? "Zeile " + p.line()
                : "Datei", p.message())).toList();
        views.render(request, response, "Import abgelehnt", "import", new ImportModel(fileName, encoding, lines,
                lines.size(), null, 0, List.of(), List.of(), 0));
    }

    private void confirmImport(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<StagedImports.Staged> file = staged.take(request.getParameter("datei"),
                access.viewer(request).userName());
        if (file.isEmpty()) {
            seeOther(response, "/admin/kommunen?" + NOTICE + "=abgelaufen");
            return;
        }
        registry.replaceAll(file.get().entries(), "Import (" + file.get().encoding() + ")",
                access.viewer(request).userName());
        record(request, "Kommunenverzeichnis importiert", "kommunen", file.get().entries().size() + " Einträge");
        seeOther(response, "/admin/kommunen?" + NOTICE + "=importiert");
    }

    // ------------------------------------------------------------------------------------------- edit

    /** A text field of the edit form. */
    public record Field(String id, String name, String label, String value, String hint, boolean textarea,
            int maxLength) {
    }

    /** A select of the edit form. */
    public record Select(String id, String name, String label, List<Choice> choices) {
    }

    /** An option of a select. */
    public record Choice(String value, String label, boolean selected) {
    }

    /** What the edit form renders. */
    public record EditModel(String ags, String name, String notice, List<String> errors, List<Field> fields,
            List<Select> selects) {

        public boolean hasErrors() {
            return !errors.isEmpty();
        }
    }

    private static Map<String, String> form(Entry e) {
        Map<String, String> values = new HashMap<>();
        values.put("ags", e.ags());
        values.put("name", e.name());
        values.put("type", e.type());
        values.put("state", e.state());
        values.put("admitted_year", e.admittedYear() == null ? "" : e.admittedYear().toString());
        values.put("since", e.since() == null ? "" : e.since().toString());
        values.put("until", e.until() == null ? "" : e.until().toString());
        values.put("successor_ags", nonNull(e.successorAgs()));
        values.put("komtrzv_2012", e.komtrzv2012() == null ? "" : e.komtrzv2012() ? "ja" : "nein");
        values.put("area_note", nonNull(e.areaNote()));
        values.put("former_names", nonNull(e.formerNames()));
        values.put("evidence", nonNull(e.evidence()));
        values.put("source", nonNull(e.source()));
        return values;
    }

    private void editForm(HttpServletRequest request, HttpServletResponse response, Entry entry,
            Map<String, String> values, List<String> errors, String notice) throws IOException {
        List<Field> fields = List.of(
                new Field("feld-name", "name", "Name", values.get("name"), null, false, 200),
                new Field("feld-jahr", "admitted_year", "Jahr der Zulassung", values.get("admitted_year"),
                        "Leer lassen, wenn die Quellen es nicht nennen (wird als „unbekannt“ angezeigt).", false, 4),
                new Field("feld-seit", "since", "Besteht seit (JJJJ-MM-TT)", values.get("since"),
                        "Nur für Kreise, die nach dem 1.1.2005 gebildet wurden.", false, 10),
                new Field("feld-bis", "until", "Letzter Tag (JJJJ-MM-TT)", values.get("until"),
                        "Nur für aufgelöste Kreise; eine Fusion tragen Sie besser unter „Fusion eintragen“ ein.",
                        false, 10),
                new Field("feld-nachfolger", "successor_ags", "Aufgegangen in (Kreisschlüssel)",
                        values.get("successor_ags"), null, false, 5),
                new Field("feld-umfang", "area_note", "Umfang der Zulassung", values.get("area_note"), null, true,
                        1000),
                new Field("feld-fruehere", "former_names", "Frühere Namen", values.get("former_names"), null, true,
                        1000),
                new Field("feld-quelle", "source", "Quelle", values.get("source"), null, true, 2000));
        List<Select> selects = List.of(
                select("feld-art", "type", "Art", List.of("Landkreis", "Kreisfreie Stadt"), values.get("type"), false),
                select("feld-land", "state", "Land", RegistryCsv.STATES, values.get("state"), false),
                select("feld-komtrzv", "komtrzv_2012", "In der Anlage der KomtrZV (1.1.2012)", List.of("ja", "nein"),
                        values.get("komtrzv_2012"), true),
                select("feld-beleg", "evidence", "Beleg", List.of("belegt", "abgeleitet"), values.get("evidence"),
                        true));
        views.render(request, response, entry.name() + " bearbeiten", "edit", new EditModel(entry.ags(), entry.name(),
                notice, errors, fields, selects));
    }

    private static Select select(String id, String name, String label, List<String> values, String selected,
            boolean unknown) {
        List<Choice> choices = new ArrayList<>();
        if (unknown) {
            choices.add(new Choice("", "unbekannt", selected == null || selected.isEmpty()));
        }
        values.forEach(v -> choices.add(new Choice(v, v, v.equals(selected))));
        return new Select(id, name, label, choices);
    }

    private void save(HttpServletRequest request, HttpServletResponse response, Entry entry) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String column : RegistryCsv.COLUMNS) {
            values.put(column, nonNull(request.getParameter(column)));
        }
        values.put("ags", entry.ags());
        List<RegistryCsv.Problem> problems = new ArrayList<>();
        Entry edited = RegistryCsv.entry(values, 0, problems);
        if (edited == null) {
            response.setStatus(UNPROCESSABLE);
            editForm(request, response, entry, values, problems.stream().map(RegistryCsv.Problem::message).toList(),
                    null);
            return;
        }
        registry.update(edited, "Einträge bearbeitet", access.viewer(request).userName());
        record(request, "Kommune bearbeitet", entry.ags(), edited.name());
        seeOther(response, "/admin/kommunen/" + entry.ags() + "?" + NOTICE + "=gespeichert");
    }

    // ------------------------------------------------------------------------------------------- merger, rename

    /** What the merger and rename forms render. */
    public record ActionModel(String ags, String name, List<String> errors, String first, String day,
            boolean confirm, String confirmText) {

        public boolean hasErrors() {
            return !errors.isEmpty();
        }
    }

    private void mergerForm(HttpServletRequest request, HttpServletResponse response, Entry entry, String successor,
            String day, List<String> errors) throws IOException {
        views.render(request, response, "Fusion eintragen: " + entry.name(), "merger",
                new ActionModel(entry.ags(), entry.name(), errors, successor, day, false, null));
    }

    private void merge(HttpServletRequest request, HttpServletResponse response, Entry entry) throws IOException {
        String successor = nonNull(request.getParameter("nachfolger")).strip();
        String dayText = nonNull(request.getParameter("letzter_tag")).strip();
        List<String> errors = new ArrayList<>();
        if (!successor.matches("[0-9]{5}") || successor.equals(entry.ags())) {
            errors.add("Der Nachfolger muss ein anderer fünfstelliger Kreisschlüssel sein.");
        }
        LocalDate day = day(dayText, "Der letzte Tag", errors);
        if (day != null && entry.since() != null && day.isBefore(entry.since())) {
            errors.add("Der letzte Tag liegt vor der Bildung des Kreises (" + Texts.day(entry.since()) + ").");
        }
        if (!errors.isEmpty()) {
            response.setStatus(UNPROCESSABLE);
            mergerForm(request, response, entry, successor, dayText, errors);
            return;
        }
        if (!"ja".equals(request.getParameter("bestaetigt"))) {
            String target = registry.entry(successor).map(e -> e.name() + " (" + successor + ")")
                    .orElse("den Kreis " + successor + " (nicht im Verzeichnis)");
            views.render(request, response, "Fusion bestätigen", "merger", new ActionModel(entry.ags(), entry.name(),
                    List.of(), successor, dayText, true, "Wirklich eintragen, dass " + entry.name()
                            + " mit Ablauf des " + Texts.day(day) + " in " + target + " aufgegangen ist? Die "
                            + "Einheit erscheint danach als aufgelöst und zählt über ihren Nachfolger."));
            return;
        }
        registry.recordMerger(List.of(entry.ags()), successor, day, access.viewer(request).userName());
        record(request, "Fusion eingetragen", entry.ags(), "in " + successor + " mit Ablauf des " + day);
        seeOther(response, "/admin/kommunen/" + entry.ags() + "?" + NOTICE + "=fusion");
    }

    private void renameForm(HttpServletRequest request, HttpServletResponse response, Entry entry, String name,
            String day, List<String> errors) throws IOException {
        views.render(request, response, "Umbenennung eintragen: " + entry.name(), "rename",
                new ActionModel(entry.ags(), entry.name(), errors, name, day, false, null));
    }

    private void rename(HttpServletRequest request, HttpServletResponse response, Entry entry) throws IOException {
        String name = nonNull(request.getParameter("neuer_name")).strip();
        String dayText = nonNull(request.getParameter("ab")).strip();
        List<String> errors = new ArrayList<>();
        List<RegistryCsv.Problem> problems = new ArrayList<>();
        Map<String, String> probe = form(entry);
        probe.put("name", name);
        if (name.isEmpty() || RegistryCsv.entry(probe, 0, problems) == null) {
            errors.add(name.isEmpty() ? "Bitte geben Sie den neuen Namen ein." : problems.get(0).message());
        } else if (name.equals(entry.name())) {
            errors.add("Der neue Name ist der bisherige.");
        }
        LocalDate day = day(dayText, "Der Tag der Umbenennung", errors);
        if (!errors.isEmpty()) {
            response.setStatus(UNPROCESSABLE);
            renameForm(request, response, entry, name, dayText, errors);
            return;
        }
        registry.rename(entry.ags(), name, day, access.viewer(request).userName());
        record(request, "Umbenennung eingetragen", entry.ags(), entry.name() + " → " + name);
        seeOther(response, "/admin/kommunen/" + entry.ags() + "?" + NOTICE + "=umbenannt");
    }

    private static LocalDate day(String text, String what, List<String> errors) {
        try {
            LocalDate day = LocalDate.parse(text);
            if (day.getYear() < 2005 || day.getYear() > 2100) {
                errors.add(what + " muss zwischen 2005 und 2100 liegen.");
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            errors.add(what + " fehlt oder ist kein Datum wie 2008-07-31.");
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------- helpers

    private void record(HttpServletRequest request, String action, String subject, String detail) {
        AuditTrail trail = audit;
        if (trail != null) {
            trail.record(request, action, subject, detail);
        }
    }

    private static void seeOther(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getPathInfo() == null ? "" : request.getPathInfo();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
