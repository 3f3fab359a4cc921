package de.ringportal.reports.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.search.api.SearchDocument;
import de.ringportal.search.api.SearchSource;

/**
 * The reports as the search sees them: title, description and the text of the current file (PDFs; recognised once,
 * after the upload, by {@link TextRecognition} and kept with the version), the report's rings and its release date
 * as the search's embargo.
 */
@Component(service = SearchSource.class, property = SearchSource.SOURCE + "=" + ReportSearchSource.NAME)
public class ReportSearchSource implements SearchSource {

    static final String NAME = "reports";

    private final ReportStore store;

    @Activate
    public ReportSearchSource(@Reference Library library) {
        this.store = library.store();
    }

    @Override
    public List<SearchDocument> all() {
        List<SearchDocument> documents = new ArrayList<>();
        for (Map.Entry<Report, String> entry : store.searchable(null)) {
            documents.add(document(entry.getKey(), entry.getValue()));
        }
        return documents;
    }

    @Override
    public Optional<SearchDocument> find(String id) {
        if (id == null || !id.matches("[0-9]{1,9}")) {
            return Optional.empty();
        }
        return store.searchable(Integer.valueOf(id)).stream()
                .map(entry -> document(entry.getKey(), entry.getValue())).findFirst();
    }

    private static SearchDocument document(Report report, String text) {
        String body = report.description() + (text.isEmpty() ? "" : "\n\n" + text);
        return new SearchDocument(NAME, Integer.toString(report.id()), report.title(), body, report.path(),
                report.rings(), report.releaseAt());
    }
}
