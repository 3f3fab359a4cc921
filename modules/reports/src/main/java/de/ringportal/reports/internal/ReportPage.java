package de.ringportal.reports.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import de.ringportal.core.format.FileSizes;
import de.ringportal.core.format.GermanDates;
import de.ringportal.core.pages.Exchange;

/** {@code /berichte/<id>}: a report, its file, and for those who manage it its versions and actions. */
final class ReportPage {

    record VersionRow(int number, String fileName, String size, String type, String time, String by, boolean current,
            String path) {
    }

    record Model(Report report, List<String> paragraphs, String audience, String type, String size, String fileName,
            String date, String embargo, boolean embargoed, boolean recognizing, boolean manage, boolean edit,
            String notice, boolean audit, List<VersionRow> versions) {
    }

    private final Reports reports;

    ReportPage(Reports reports) {
        this.reports = reports;
    }

    void show(Exchange exchange, Report report) throws IOException {
        boolean manage = reports.rules().mayManage(exchange.request(), report);
        Version current = report.current();
        List<VersionRow> versions = !manage ? List.of() : reports.store().versions(report.id()).stream()
                .map(version -> new VersionRow(version.version(), version.fileName(), FileSizes.of(version.size()),
                        version.kind().label(), GermanDates.dateTime(version.uploadedAt()), version.uploadedBy(),
                        version.version() == current.version(),
                        report.path() + "/versionen/" + version.version() + "/datei"))
                .toList();
        List<String> paragraphs = Arrays.stream(report.description().split("\\R\\s*\\R")).map(String::strip)
                .filter(text -> !text.isEmpty()).toList();
        exchange.render(report.title(), "report", new Model(report, paragraphs, reports.audience(report),
                current.kind().label(), FileSizes.of(current.size()), current.fileName(),
                GermanDates.date(current.uploadedAt()),
                report.releaseAt() == null ? null : GermanDates.date(report.releaseAt()),
                report.isEmbargoed(reports.now()),
                !reports.library().texts().recognizing(List.of(report.id())).isEmpty(), manage,
                reports.rules().mayEdit(exchange.request(), report), Reports.notice(exchange),
                manage && !report.isPublic(), versions));
    }
}
