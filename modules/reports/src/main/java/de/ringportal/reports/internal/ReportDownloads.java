package de.ringportal.reports.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ringportal.core.pages.Exchange;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /berichte/<id>/datei} and {@code .../versionen/<n>/datei}: a version's file, checked against its hash, with
 * byte ranges ({@link ByteRange}); earlier versions only for those who manage the report. Ring-internal downloads
 * are recorded ({@link DownloadLog}, audit trail).
 */
final class ReportDownloads {

    private static final Logger LOG = LoggerFactory.getLogger(ReportDownloads.class);

    /** The model of the page for a file that no longer matches its hash. */
    record Corrupt(Report report) {
    }

    private final Reports reports;

    ReportDownloads(Reports reports) {
        this.reports = reports;
    }

    void current(Exchange exchange, Report report) throws IOException {
        send(exchange, report, report.current());
    }

    void version(Exchange exchange, Report report) throws IOException {
        int number = exchange.path().integer("version");
        if (number == report.current().version()) {
            send(exchange, report, report.current());
            return;
        }
        // earlier versions are for those who manage the report only
        if (!exchange.require(reports.rules().mayManage(exchange.request(), report))) {
            return;
        }
        Optional<Version> older = reports.store().versions(report.id()).stream()
                .filter(version -> version.version() == number).findFirst();
        if (older.isEmpty()) {
            exchange.notFound();
            return;
        }
        send(exchange, report, older.get());
    }

    private void send(Exchange exchange, Report report, Version version) throws IOException {
        HttpServletRequest request = exchange.request();
        HttpServletResponse response = exchange.response();
        Path file;
        try {
            file = reports.library().blobs().verified(version.sha256());
        } catch (BlobStore.Corrupt corrupt) {
            LOG.error("Report {} version {}: {}", report.id(), version.version(), corrupt.getMessage());
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            exchange.render("Datei beschädigt", "corrupt", new Corrupt(report));
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
            record(exchange, report, version);
        }
        BlobStore.copy(file, range, response.getOutputStream());
    }

    /** Ring-internal downloads are recorded: who, which report and version, when. */
    private void record(Exchange exchange, Report report, Version version) {
        if (report.isPublic()) {
            return;
        }
        String userName = exchange.viewer().userName();
        try {
            reports.store().downloads().record(report.id(), version.version(), userName, reports.now());
        } catch (RuntimeException e) {
            LOG.error("Cannot record the download of report {} by {}", report.id(), userName, e);
        }
        reports.audit(exchange, "Bericht heruntergeladen", report.title() + " (Nr. " + report.id() + ")",
                "Fassung " + version.version() + ", " + version.fileName());
    }
}
