package de.ringportal.reports.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import de.ringportal.core.forms.FormErrors;
import de.ringportal.core.pages.Exchange;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /berichte/<id>/bearbeiten} and {@code .../loeschen}: a report's metadata changed with the upload's checks,
 * and its deletion with every version after a confirmation. Both are recorded in the audit trail.
 */
final class ReportEditPages {

    record EditModel(FormErrors.Summary summary, FormFields fields, Report report, String action) {
    }

    record DeleteModel(Report report, String audience, String versionsLine, boolean ringReport) {
    }

    private final Reports reports;

    ReportEditPages(Reports reports) {
        this.reports = reports;
    }

    void form(Exchange exchange, Report report) throws IOException {
        show(exchange, report, ReportForm.of(report));
    }

    /**
     * Saves the metadata with the upload's checks: a moderator addresses only rings they moderate, never everyone.
     * Refused input shows the form again with everything as typed (422).
     */
    void save(Exchange exchange, Report report) throws IOException {
        HttpServletRequest request = exchange.request();
        ReportAccess rules = reports.rules();
        ReportForm form = ReportForm.check(request.getParameterMap().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> Arrays.asList(entry.getValue()))),
                rules.uploadRingIds(request), rules.isRedaktion(request));
        if (!form.valid()) {
            show(exchange, report, form);
            return;
        }
        ReportStore.Details details = form.details();
        List<String> changes = MetadataChanges.between(report, details, reports.rings()::name);
        if (changes.isEmpty()) {
            exchange.seeOther(report.path() + "?" + Reports.NOTICE + "=unveraendert");
            return;
        }
        if (!reports.library().update(report, details)) {
            exchange.notFound();
            return;
        }
        reports.audit(exchange, "Bericht geändert", "Bericht Nr. " + report.id(),
                "„" + details.title() + "“: " + String.join("; ", changes));
        exchange.seeOther(report.path() + "?" + Reports.NOTICE + "=gespeichert");
    }

    void confirmDelete(Exchange exchange, Report report) throws IOException {
        int versions = reports.store().versions(report.id()).size();
        String versionsLine = versions == 1 ? "Die einzige Version wird entfernt."
                : "Alle " + versions + " Versionen werden entfernt.";
        exchange.render("Bericht „" + report.title() + "“ wirklich löschen?", "delete",
                new DeleteModel(report, reports.audience(report), versionsLine, !report.isPublic()));
    }

    void delete(Exchange exchange, Report report) throws IOException {
        Library.Deleted deleted = reports.library().delete(report);
        reports.audit(exchange, "Bericht gelöscht", "Bericht Nr. " + report.id(), "„" + report.title() + "“ ("
                + reports.audience(report) + ", " + report.year() + "): " + deleted.versions() + " Fassungen, "
                + deleted.files() + " Dateien entfernt");
        exchange.seeOther("/berichte?" + Reports.NOTICE + "=geloescht");
    }

    private void show(Exchange exchange, Report report, ReportForm form) throws IOException {
        EditModel model = new EditModel(form.errors.summary(), FormFields.of(form, reports.rules(), exchange.request()),
                report, report.path() + "/bearbeiten");
        exchange.render(form.errors, "Bericht bearbeiten: " + report.title(), "edit", model);
    }
}
