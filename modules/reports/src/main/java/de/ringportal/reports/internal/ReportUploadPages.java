package de.ringportal.reports.internal;

import java.io.IOException;
import java.time.Year;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ringportal.core.forms.FormErrors;
import de.ringportal.core.pages.Exchange;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /berichte/neu} and {@code /berichte/<id>/neue-version}: the upload of a new report (file and metadata) and
 * of a new version (file only). The body is read as a stream ({@link Multipart}); a refused form is shown again with
 * its values as typed, and the file is never kept until everything is right.
 */
final class ReportUploadPages {

    private static final Logger LOG = LoggerFactory.getLogger(ReportUploadPages.class);
    private static final String FILE = "datei";

    record Model(FormErrors.Summary summary, String fileError, int limit, String accept, FormFields fields,
            String action, Report report, boolean newReport) {
    }

    private final Reports reports;

    ReportUploadPages(Reports reports) {
        this.reports = reports;
    }

    void newReportForm(Exchange exchange) throws IOException {
        if (exchange.require(reports.rules().mayUpload(exchange.request()))) {
            show(exchange, null, ReportForm.empty(Year.now().getValue()), new FormErrors());
        }
    }

    void versionForm(Exchange exchange, Report report) throws IOException {
        show(exchange, report, null, new FormErrors());
    }

    void newReport(Exchange exchange) throws IOException {
        if (exchange.require(reports.rules().mayUpload(exchange.request()))) {
            upload(exchange, null);
        }
    }

    void newVersion(Exchange exchange, Report report) throws IOException {
        upload(exchange, report);
    }

    /** The form; a new report's with its metadata fields ({@code form}), a new version's with the file only. */
    private void show(Exchange exchange, Report report, ReportForm form, FormErrors errors) throws IOException {
        Library library = reports.library();
        String accept = Arrays.stream(FileKind.values()).map(kind -> "." + kind.extension())
                .collect(Collectors.joining(","));
        FormFields fields = report != null ? null : FormFields.of(form, reports.rules(), exchange.request());
        Model model = new Model(errors.summary(), errors.byField().get(FILE), library.rules().limitMegabytes(),
                accept, fields, report == null ? "/berichte/neu" : report.path() + "/neue-version", report,
                report == null);
        exchange.render(errors, report == null ? "Bericht hochladen" : "Neue Fassung: " + report.title(), "upload",
                model);
    }

    private void upload(Exchange exchange, Report report) throws IOException {
        HttpServletRequest request = exchange.request();
        HttpServletResponse response = exchange.response();
        Library library = reports.library();
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
        ReportAccess rules = reports.rules();
        ReportForm form = report != null ? null : sent.tooLarge() ? ReportForm.unchecked(sent.fields())
                : ReportForm.check(sent.fields(), rules.uploadRingIds(request), rules.isRedaktion(request));
        FormErrors errors = form == null ? new FormErrors() : form.errors;
        if (sent.tooLarge()) {
            errors.add(FILE, library.rules().tooLargeMessage()).status(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        } else if (sent.file() == null) {
            errors.add(FILE, "Bitte wählen Sie eine Datei aus.");
        }
        if (errors.hasErrors()) {
            if (sent.file() != null) {
                library.discard(sent.file());
                errors.add(FILE, "Bitte wählen Sie die Datei erneut aus: Aus Sicherheitsgründen wird sie erst "
                        + "gespeichert, wenn alle Angaben stimmen.");
            }
            show(exchange, report, form, errors);
            return;
        }
        String author = exchange.viewer().userName();
        try {
            if (report == null) {
                exchange.seeOther("/berichte/" + library.create(form.details(), sent.file(), sent.fileName(), author));
            } else {
                library.addVersion(report, sent.file(), sent.fileName(), author);
                exchange.seeOther(report.path());
            }
        } catch (UploadRules.Refused refused) {
            show(exchange, report, form, errors.add(FILE, refused.getMessage()));
        }
    }
}
