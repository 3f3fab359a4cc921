package de.ringportal.reports.internal;

import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import de.ringportal.core.api.Pager;
import de.ringportal.core.format.GermanDates;
import de.ringportal.core.pages.Exchange;

/** {@code /berichte/<id>/abrufe}: who downloaded a ring-internal report when, for those who manage it. */
final class DownloadAuditPage {

    static final int PAGE_SIZE = 50;

    record Row(String time, String machineTime, String user, int version) {
    }

    record Model(Report report, List<Row> rows, boolean hasRows, Pager pager, String countLine) {
    }

    private final Reports reports;

    DownloadAuditPage(Reports reports) {
        this.reports = reports;
    }

    void show(Exchange exchange, Report report) throws IOException {
        if (report.isPublic()) {
            exchange.notFound();
            return;
        }
        DownloadLog log = reports.store().downloads();
        int total = log.count(report.id());
        Pager pager = Pager.of(exchange.request().getParameter("seite"), total, PAGE_SIZE,
                report.path() + "/abrufe?");
        List<Row> rows = log.list(report.id(), pager.offset(), PAGE_SIZE).stream()
                .map(download -> new Row(GermanDates.dateTime(download.at()),
                        download.at().truncatedTo(ChronoUnit.SECONDS).toString(), download.userName(),
                        download.version()))
                .toList();
        String countLine = total == 0 ? "Noch keine Abrufe." : total == 1 ? "1 Abruf" : total + " Abrufe";
        exchange.render("Abrufe: " + report.title(), "audit",
                new Model(report, rows, !rows.isEmpty(), pager, countLine));
    }
}
