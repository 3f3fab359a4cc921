package de.ringportal.reports.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

import de.ringportal.core.api.Pager;
import de.ringportal.core.format.FileSizes;
import de.ringportal.core.format.GermanDates;
import de.ringportal.core.pages.Exchange;

/** {@code /berichte}: the reports the viewer may see, filtered by year, ring and file type, twenty a page. */
final class ReportListPage {

    static final int PAGE_SIZE = 20;

    /** One choice of a filter's select. */
    record Option(String value, String label, boolean selected) {
    }

    record Row(boolean recognizing, String title, String path, int year, String audience, String type, String size,
            String date, String embargo) {
    }

    record Model(List<Option> years, List<Option> rings, boolean hasRings, List<Option> types, List<Row> rows,
            boolean hasRows, String countLine, Pager pager, boolean mayUpload, String notice) {
    }

    private final Reports reports;

    ReportListPage(Reports reports) {
        this.reports = reports;
    }

    void show(Exchange exchange) throws IOException {
        ReportAccess rules = reports.rules();
        List<RingCatalog.Entry> visibleRings = rules.visibleRings(exchange.request());
        String sentYear = exchange.parameter("jahr");
        Integer year = sentYear.matches("[0-9]{4}") ? Integer.valueOf(sentYear) : null;
        String sentRing = exchange.parameter("ring");
        String ring = visibleRings.stream().anyMatch(entry -> entry.id().equals(sentRing)) ? sentRing : null;
        FileKind kind = Optional.of(exchange.parameter("typ")).flatMap(FileKind::ofExtension).orElse(null);
        ReportStore.Filter filter = new ReportStore.Filter(year, ring, kind);
        ReportStore.Audience audience = rules.audience(exchange.request(), reports.now());

        ReportStore store = reports.store();
        int total = store.count(filter, audience);
        Pager pager = Pager.of(exchange.request().getParameter("seite"), total, PAGE_SIZE, "/berichte?"
                + query("jahr", year == null ? null : year.toString(), "ring", ring,
                        "typ", kind == null ? null : kind.extension()));
        List<Report> found = store.list(filter, audience, pager.offset(), PAGE_SIZE);
        Set<Integer> recognizing = reports.library().texts().recognizing(found.stream().map(Report::id).toList());
        List<Row> rows = found.stream().map(report -> row(report, recognizing.contains(report.id()))).toList();

        List<Option> years = store.years().stream()
                .map(each -> new Option(each.toString(), each.toString(), each.equals(year))).toList();
        List<Option> rings = visibleRings.stream()
                .map(entry -> new Option(entry.id(), entry.name(), entry.id().equals(ring))).toList();
        List<Option> types = Arrays.stream(FileKind.values())
                .map(each -> new Option(each.extension(), each.label(), each == kind)).toList();
        String countLine = total == 0 ? "Keine Berichte gefunden." : total == 1 ? "1 Bericht" : total + " Berichte";
        exchange.render("Berichte", "list", new Model(years, rings, !rings.isEmpty(), types, rows, !rows.isEmpty(),
                countLine, pager, rules.mayUpload(exchange.request()), Reports.notice(exchange)));
    }

    private Row row(Report report, boolean recognizing) {
        String embargo = report.isEmbargoed(reports.now()) ? "gesperrt bis " + GermanDates.date(report.releaseAt())
                : null;
        return new Row(recognizing, report.title(), report.path(), report.year(), reports.audience(report),
                report.current().kind().label(), FileSizes.of(report.current().size()),
                GermanDates.date(report.createdAt()), embargo);
    }

    /** {@code name=value&} for each pair with a value, encoded, for the pager's links. */
    private static String query(String... pairs) {
        StringJoiner query = new StringJoiner("&", "", "&").setEmptyValue("");
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                query.add(pairs[i] + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }
}
