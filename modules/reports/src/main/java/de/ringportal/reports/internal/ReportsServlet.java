package de.ringportal.reports.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.AuditTrail;
import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.Pager;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.api.Views;
import de.ringportal.core.format.GermanDates;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The reports library's pages under {@code /berichte}: the list with filters and paging, a page per report, upload
 * of reports and new versions, downloads (current and earlier versions, with ranges) and the download audit of
 * ring-internal reports. Every page and every download checks access on the server.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/berichte/*")
@MenuEntry(label = "Berichte", path = "/berichte", order = 40)
public class ReportsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ReportsServlet.class);
    static final int PAGE_SIZE = 20;

    /** Query parameter naming a fixed notice after a redirect; the page never shows text taken from the address. */
    static final String NOTICE = "hinweis";
    static final Map<String, String> NOTICES = Map.of(
            "gespeichert", "Die Angaben zum Bericht sind gespeichert.",
            "unveraendert", "Es gab keine Änderungen zu speichern.",
            "geloescht", "Der Bericht ist mit allen Fassungen gelöscht.");

    private final transient Library library;
    private final transient ReportStore store;
    private final transient ReportAccess rules;
    private final transient RingCatalog rings;
    private final transient Views views;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile AuditTrail auditTrail;

    @Activate
    public ReportsServlet(@Reference Library library, @Reference Access access, @Reference RingCatalog rings,
            @Reference Views views) {
        this.library = library;
        this.store = library.store();
        this.rules = new ReportAccess(access, rings);
        this.rings = rings;
        this.views = views;
    }

    // ---------------------------------------------------------------- routing

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> path = segments(request);
        try {
            if (path.isEmpty()) {
                list(request, response);
            } else if (path.equals(List.of("neu"))) {
                uploadForm(request, response, null, ReportForm.empty(Year.now().getValue()), null);
            } else {
                Optional<Report> report = reportOf(path.get(0));
                if (report.isEmpty()) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                } else if (path.size() == 1) {
                    page(request, response, report.get());
                } else if (path.size() == 2 && path.get(1).equals("datei")) {
                    download(request, response, report.get(), null);
                } else if (path.size() == 4 && path.get(1).equals("versionen") && path.get(3).equals("datei")
                        && path.get(2).matches("[0-9]{1,6}")) {
                    download(request, response, report.get(), Integer.parseInt(path.get(2)));
                } else if (path.size() == 2 && path.get(1).equals("neue-version")) {
                    if (guardManage(request, response, report.get())) {
                        uploadForm(request, response, report.get(), null, null);
                    }
                } else if (path.size() == 2 && path.get(1).equals("abrufe")) {
                    audit(request, response, report.get());
                } else if (path.size() == 2 && path.get(1).equals("bearbeiten")) {
                    if (guardEdit(request, response, report.get())) {
                        editForm(request, response, report.get(), ReportForm.of(report.get()));
                    }
                } else if (path.size() == 2 && path.get(1).equals("loeschen")) {
                    if (guardEdit(request, response, report.get())) {
                        confirmDelete(request, response, report.get());
                    }
                } else {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                }
            }
        } catch (SQLException e) {
            throw new IOException("Reports database failed", e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> path = segments(request);
        try {
            if (path.equals(List.of("neu"))) {
                if (rules.core().require(request, response, rules.mayUpload(request))) {
                    upload(request, response, null);
                }
            } else if (path.size() == 2 && path.get(1).equals("neue-version")) {
                Optional<Report> report = reportOf(path.get(0));
                if (report.isEmpty()) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                } else if (guardManage(request, response, report.get())) {
                    upload(request, response, report.get());
                }
            } else if (path.size() == 2 && List.of("bearbeiten", "loeschen").contains(path.get(1))) {
                Optional<Report> report = reportOf(path.get(0));
                if (report.isEmpty()) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                } else if (guardEdit(request, response, report.get())) {
                    if (path.get(1).equals("bearbeiten")) {
                        save(request, response, report.get());
                    } else {
                        delete(request, response, report.get());
                    }
                }
            } else {
                response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            }
        } catch (SQLException e) {
            throw new IOException("Reports database failed", e);
        }
    }

    private static List<String> segments(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null) {
            return List.of();
        }
        return Arrays.stream(info.split("/")).filter(part -> !part.isEmpty()).toList();
    }

    private Optional<Report> reportOf(String id) throws SQLException {
        if (!id.matches("[0-9]{1,9}")) {
            return Optional.empty();
        }
        return store.find(Integer.parseInt(id));
    }

    /** Embargoed reports do not exist for those who may not manage them; others' ring reports are refused. */
    private boolean guardSee(HttpServletRequest request, HttpServletResponse response, Report report)
            throws IOException {
        if (report.isEmbargoed(library.now()) && !rules.mayManage(request, report)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return false;
        }
        return rules.core().require(request, response, rules.maySee(request, report, library.now()));
    }

    private boolean guardManage(HttpServletRequest request, HttpServletResponse response, Report report)
            throws IOException {
        return guardSee(request, response, report)
                && rules.core().require(request, response, rules.mayManage(request, report));
    }

    /** Edit and delete: as {@link #guardSee}, then {@link ReportAccess#mayEdit} (login redirect or 403). */
    private boolean guardEdit(HttpServletRequest request, HttpServletResponse response, Report report)
            throws IOException {
        return guardSee(request, response, report)
                && rules.core().require(request, response, rules.mayEdit(request, report));
    }

    // ---------------------------------------------------------------- list

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException, SQLException {
        List<RingCatalog.Entry> visibleRings = rules.visibleRings(request);
        Integer year = parseYear(request.getParameter("jahr"));
        String sentRing = request.getParameter("ring");
        String ring = sentRing != null && visibleRings.stream().anyMatch(entry -> entry.id().equals(sentRing))
                ? sentRing : null;
        FileKind kind = Optional.ofNullable(request.getParameter("typ")).flatMap(FileKind::ofExtension).orElse(null);
        ReportStore.Filter filter = new ReportStore.Filter(year, ring, kind);
        ReportStore.Audience audience = rules.audience(request, library.now());

        int total = store.count(filter, audience);
        Pager pager = Pager.of(request.getParameter("seite"), total, PAGE_SIZE, "/berichte?"
                + query("jahr", year == null ? null : year.toString(), "ring", ring,
                        "typ", kind == null ? null : kind.extension()));
        List<Report> reports = store.list(filter, audience, pager.offset(), PAGE_SIZE);
        Set<Integer> recognizing = library.texts().recognizing(reports.stream().map(Report::id).toList());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Report report : reports) {
            rows.add(row(report, recognizing.contains(report.id())));
        }

        Map<String, Object> model = new HashMap<>();
        List<Map<String, Object>> years = new ArrayList<>();
        for (Integer each : store.years()) {
            years.add(Map.of("value", each, "selected", each.equals(year)));
        }
        model.put("years", years);
        String chosenRing = ring;
        model.put("rings", visibleRings.stream().map(entry -> Map.of("value", entry.id(), "label", entry.name(),
                "selected", entry.id().equals(chosenRing))).toList());
        model.put("hasRings", !visibleRings.isEmpty());
        model.put("types", Arrays.stream(FileKind.values()).map(each -> Map.of("value", each.extension(),
                "label", each.label(), "selected", each == kind)).toList());
        model.put("rows", rows);
        model.put("hasRows", !rows.isEmpty());
        model.put("countLine", total == 0 ? "Keine Berichte gefunden."
                : total == 1 ? "1 Bericht" : total + " Berichte");
        model.put("pager", pager);
        model.put("mayUpload", rules.mayUpload(request));
        model.put("notice", notice(request));
        views.render(request, response, "Berichte", "list", model);
    }

    private Map<String, Object> row(Report report, boolean recognizing) {
        Map<String, Object> row = new HashMap<>();
        row.put("recognizing", recognizing);
        row.put("title", report.title());
        row.put("path", report.path());
        row.put("year", report.year());
        row.put("audience", audienceLabel(report));
        row.put("type", report.current().kind().label());
        row.put("size", size(report.current().size()));
        row.put("date", GermanDates.date(report.createdAt()));
        row.put("embargo", report.isEmbargoed(library.now()) ? "gesperrt bis " + GermanDates.date(report.releaseAt())
                : null);
        return row;
    }

    private String audienceLabel(Report report) {
        return report.isPublic() ? "Öffentlich"
                : report.rings().stream().map(rings::name).collect(Collectors.joining(", "));
    }

    private static Integer parseYear(String value) {
        return value != null && value.matches("[0-9]{4}") ? Integer.valueOf(value) : null;
    }

    // ---------------------------------------------------------------- page of a report

    private void page(HttpServletRequest request, HttpServletResponse response, Report report)
            throws IOException, SQLException {
        if (!guardSee(request, response, report)) {
            return;
        }
        boolean manage = rules.mayManage(request, report);
        Map<String, Object> model = new HashMap<>();
        model.put("report", report);
        model.put("paragraphs", Arrays.stream(report.description().split("\\R\\s*\\R")).map(String::strip)
                .filter(text -> !text.isEmpty()).toList());
        model.put("audience", audienceLabel(report));
        model.put("type", report.current().kind().label());
        model.put("size", size(report.current().size()));
        model.put("fileName", report.current().fileName());
        model.put("date", GermanDates.date(report.current().uploadedAt()));
        model.put("embargo", report.releaseAt() == null ? null : GermanDates.date(report.releaseAt()));
        model.put("embargoed", report.isEmbargoed(library.now()));
        model.put("recognizing", !library.texts().recognizing(List.of(report.id())).isEmpty());
        model.put("manage", manage);
        model.put("edit", rules.mayEdit(request, report));
        model.put("notice", notice(request));
        model.put("audit", manage && !report.isPublic());
        if (manage) {
            List<Map<String, Object>> versions = new ArrayList<>();
            for (Version version : store.versions(report.id())) {
                versions.add(Map.of("number", version.version(), "fileName", version.fileName(),
                        "size", size(version.size()), "type", version.kind().label(),
                        "time", GermanDates.dateTime(version.uploadedAt()), "by", version.uploadedBy(),
                        "current", version.version() == report.current().version(),
                        "path", report.path() + "/versionen/" + version.version() + "/datei"));
            }
            model.put("versions", versions);
        }
        views.render(request, response, report.title(), "report", model);
    }

    // ---------------------------------------------------------------- upload

    private void uploadForm(HttpServletRequest request, HttpServletResponse response, Report report, ReportForm form,
            String fileError) throws IOException {
        if (report == null && !rules.core().require(request, response, rules.mayUpload(request))) {
            return;
        }
        Map<String, Object> model = new HashMap<>();
        List<Map<String, String>> errors = new ArrayList<>();
        if (form != null) {
            form.errors.forEach((field, message) -> errors.add(Map.of("target", "feld-" + field, "message", message)));
        }
        if (fileError != null) {
            errors.add(Map.of("target", "feld-datei", "message", fileError));
        }
        model.put("errors", errors);
        model.put("hasErrors", !errors.isEmpty());
        model.put("fileError", fileError);
        model.put("limit", library.limitBytes() / (1024 * 1024));
        model.put("accept", Arrays.stream(FileKind.values()).map(kind -> "." + kind.extension())
                .collect(Collectors.joining(",")));
        if (report == null) {
            fields(request, model, form == null ? ReportForm.empty(Year.now().getValue()) : form);
            model.put("action", "/berichte/neu");
            model.put("newReport", true);
            views.render(request, response, "Bericht hochladen", "upload", model);
        } else {
            model.put("action", report.path() + "/neue-version");
            model.put("report", report);
            model.put("newReport", false);
            views.render(request, response, "Neue Fassung: " + report.title(), "upload", model);
        }
    }

    /** The metadata fields of the upload and edit forms, as typed, with their errors. */
    private void fields(HttpServletRequest request, Map<String, Object> model, ReportForm shown) {
        boolean redaktion = rules.isRedaktion(request);
        model.put("form", Map.of("title", shown.title, "year", shown.year, "description", shown.description,
                "release", shown.release));
        model.put("errorOf", shown.errors);
        model.put("mayPublish", redaktion);
        boolean ringsChosen = ReportForm.RINGS.equals(shown.audience) || !shown.rings.isEmpty() || !redaktion;
        model.put("publicChecked", !ringsChosen);
        model.put("ringsChecked", ringsChosen);
        model.put("rings", rules.uploadRings(request).stream().map(ring -> Map.of("id", ring.id(),
                "name", ring.name(), "checked", shown.rings.contains(ring.id()))).toList());
    }

    private Set<String> allowedRings(HttpServletRequest request) {
        return rules.uploadRings(request).stream().map(RingCatalog.Entry::id).collect(Collectors.toSet());
    }

    // ---------------------------------------------------------------- edit and delete

    private void editForm(HttpServletRequest request, HttpServletResponse response, Report report, ReportForm form)
            throws IOException {
        Map<String, Object> model = new HashMap<>();
        List<Map<String, String>> errors = new ArrayList<>();
        form.errors.forEach((field, message) -> errors.add(Map.of("target", "feld-" + field, "message", message)));
        model.put("errors", errors);
        model.put("hasErrors", !errors.isEmpty());
        fields(request, model, form);
        model.put("report", report);
        model.put("action", report.path() + "/bearbeiten");
        views.render(request, response, "Bericht bearbeiten: " + report.title(), "edit", model);
    }

    /**
     * Saves the metadata with the upload's checks: a moderator addresses only rings they moderate, never everyone.
     * Refused input shows the form again with everything as typed.
     */
    private void save(HttpServletRequest request, HttpServletResponse response, Report report) throws IOException {
        ReportForm form = ReportForm.check(request.getParameterMap().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> Arrays.asList(entry.getValue()))),
                allowedRings(request), rules.isRedaktion(request));
        if (!form.valid()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            editForm(request, response, report, form);
            return;
        }
        ReportStore.Details details = form.details();
        List<String> changes = MetadataChanges.between(report, details, rings::name);
        if (changes.isEmpty()) {
            seeOther(response, report.path() + "?" + NOTICE + "=unveraendert");
            return;
        }
        if (!library.update(report, details)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        AuditTrail trail = auditTrail;
        if (trail != null) {
            trail.record(request, "Bericht geändert", "Bericht Nr. " + report.id(),
                    "„" + details.title() + "“: " + String.join("; ", changes));
        }
        seeOther(response, report.path() + "?" + NOTICE + "=gespeichert");
    }

    private void confirmDelete(HttpServletRequest request, HttpServletResponse response, Report report)
            throws IOException, SQLException {
        int versions = store.versions(report.id()).size();
        Map<String, Object> model = new HashMap<>();
        model.put("report", report);
        model.put("audience", audienceLabel(report));
        model.put("versionsLine", versions == 1 ? "Die einzige Version wird entfernt."
                : "Alle " + versions + " Versionen werden entfernt.");
        model.put("ringReport", !report.isPublic());
        views.render(request, response, "Bericht „" + report.title() + "“ wirklich löschen?", "delete", model);
    }

    private void delete(HttpServletRequest request, HttpServletResponse response, Report report) throws IOException {
        Library.Deleted deleted = library.delete(report);
        AuditTrail trail = auditTrail;
        if (trail != null) {
            trail.record(request, "Bericht gelöscht", "Bericht Nr. " + report.id(), "„" + report.title() + "“ ("
                    + audienceLabel(report) + ", " + report.year() + "): " + deleted.versions() + " Fassungen, "
                    + deleted.files() + " Dateien entfernt");
        }
        seeOther(response, "/berichte?" + NOTICE + "=geloescht");
    }

    /** The fixed text a redirect's notice key names, or null (Map.of refuses null keys). */
    private static String notice(HttpServletRequest request) {
        String key = request.getParameter(NOTICE);
        return key == null ? null : NOTICES.get(key);
    }

    private static void seeOther(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }

    // ---------------------------------------------------------------- upload (the POST)

    private void upload(HttpServletRequest request, HttpServletResponse response, Report report)
            throws IOException, SQLException {
        if (!Multipart.isMultipart(request)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Multipart.Form sent;
        try {
            sent = Multipart.read(request, library);
        } catch (IOException malformed) {
            LOG.info("Upload refused: {}", malformed.getMessage());
            response.sendError(Multipart.refusalStatus(malformed));
            return;
        }
        Set<String> allowed = allowedRings(request);
        ReportForm form = report != null ? null : sent.tooLarge() ? ReportForm.unchecked(sent.fields())
                : ReportForm.check(sent.fields(), allowed, rules.isRedaktion(request));
        String fileError = null;
        if (sent.tooLarge()) {
            fileError = library.tooLargeMessage();
        } else if (sent.file() == null) {
            fileError = "Bitte wählen Sie eine Datei aus.";
        }
        if (fileError != null || form != null && !form.valid()) {
            if (sent.file() != null) {
                library.discard(sent.file());
                if (fileError == null) {
                    fileError = "Bitte wählen Sie die Datei erneut aus: Aus Sicherheitsgründen wird sie erst "
                            + "gespeichert, wenn alle Angaben stimmen.";
                }
            }
            response.setStatus(sent.tooLarge() ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE
                    : HttpServletResponse.SC_BAD_REQUEST);
            uploadForm(request, response, report, form, fileError);
            return;
        }
        String author = rules.core().viewer(request).userName();
        try {
            String target;
            if (report == null) {
                target = "/berichte/" + library.create(form.details(), sent.file(), sent.fileName(), author);
            } else {
                library.addVersion(report, sent.file(), sent.fileName(), author);
                target = report.path();
            }
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", target);
        } catch (Library.Refused refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            uploadForm(request, response, report, form, refused.getMessage());
        }
    }

    // ---------------------------------------------------------------- download

    private void download(HttpServletRequest request, HttpServletResponse response, Report report, Integer number)
            throws IOException, SQLException {
        if (!guardSee(request, response, report)) {
            return;
        }
        Version version = report.current();
        if (number != null && number != report.current().version()) {
            // earlier versions are for those who manage the report only
            if (!rules.core().require(request, response, rules.mayManage(request, report))) {
                return;
            }
            Optional<Version> older = store.versions(report.id()).stream().filter(v -> v.version() == number)
                    .findFirst();
            if (older.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            version = older.get();
        }
        Path file;
        try {
            file = library.blobs().verified(version.sha256());
        } catch (BlobStore.Corrupt corrupt) {
            LOG.error("Report {} version {}: {}", report.id(), version.version(), corrupt.getMessage());
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            views.render(request, response, "Datei beschädigt", "corrupt", Map.of("report", report));
            return;
        }
        long size = version.size();
        String etag = "\"" + version.sha256() + "\"";
        ByteRange.Request asked = ByteRange.parse(request.getHeader("Range"), size);
        String ifRange = request.getHeader("If-Range");
        if (ifRange != null && !ifRange.equals(etag)) {
            asked = new ByteRange.Whole();
        }
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("ETag", etag);
        // public files may be cached, but only after asking again: an edit can take a report out of public view
        response.setHeader("Cache-Control", report.isPublic() ? "public, no-cache" : "private, no-store");
        if (asked instanceof ByteRange.Unsatisfiable) {
            response.setHeader("Content-Range", "bytes */" + size);
            response.sendError(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
            return;
        }
        ByteRange range = asked instanceof ByteRange.Part part ? part.range() : new ByteRange(0, size - 1);
        response.setContentType(version.kind().mediaType());
        response.setHeader("Content-Disposition", FileNames.contentDisposition(version.fileName()));
        response.setContentLengthLong(range.length());
        if (asked instanceof ByteRange.Part) {
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader("Content-Range", range.contentRange(size));
        }
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        if (range.first() == 0) {
            // a download starts at byte 0; resumed or partial reads of the same download are not counted again
            audit(request, report, version);
        }
        BlobStore.copy(file, range, response.getOutputStream());
    }

    /** Ring-internal downloads are recorded: who, which report and version, when. */
    private void audit(HttpServletRequest request, Report report, Version version) {
        if (report.isPublic()) {
            return;
        }
        Viewer viewer = rules.core().viewer(request);
        try {
            store.recordDownload(report.id(), version.version(), viewer.userName(), library.now());
        } catch (SQLException e) {
            LOG.error("Cannot record the download of report {} by {}", report.id(), viewer.userName(), e);
        }
        AuditTrail trail = auditTrail;
        if (trail != null) {
            trail.record(request, "Bericht heruntergeladen", report.title() + " (Nr. " + report.id() + ")",
                    "Fassung " + version.version() + ", " + version.fileName());
        }
    }

    // ---------------------------------------------------------------- audit page

    private void audit(HttpServletRequest request, HttpServletResponse response, Report report)
            throws IOException, SQLException {
        if (!guardManage(request, response, report)) {
            return;
        }
        if (report.isPublic()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        int total = store.countDownloads(report.id());
        Pager pager = Pager.of(request.getParameter("seite"), total, 50, report.path() + "/abrufe?");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReportStore.Download download : store.downloads(report.id(), pager.offset(), 50)) {
            rows.add(Map.of("time", GermanDates.dateTime(download.at()), "machineTime", download.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                    "user", download.userName(), "version", download.version()));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("report", report);
        model.put("rows", rows);
        model.put("hasRows", !rows.isEmpty());
        model.put("pager", pager);
        model.put("countLine", total == 0 ? "Noch keine Abrufe." : total == 1 ? "1 Abruf" : total + " Abrufe");
        views.render(request, response, "Abrufe: " + report.title(), "audit", model);
    }

    // ---------------------------------------------------------------- helpers

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " Byte";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.GERMANY, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.GERMANY, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static String query(String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                values.put(pairs[i], pairs[i + 1]);
            }
        }
        StringBuilder query = new StringBuilder();
        values.forEach((key, value) -> query.append(key).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&'));
        return query.toString();
    }

    Instant now() {
        return library.now();
    }
}
