package de.ringportal.reports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.reports.api.NewReport;
import de.ringportal.reports.api.ReportLibrary;

/** {@link ReportLibrary} for other modules: their document checked as the upload form checks it, then filed. */
@Component(service = ReportLibrary.class)
public class ReportFiling implements ReportLibrary {

    private final Library library;

    @Activate
    public ReportFiling(@Reference Library library) {
        this.library = library;
    }

    @Override
    public String file(NewReport report, InputStream content) throws IOException {
        String title = report.title() == null ? "" : report.title().strip();
        if (title.isEmpty() || title.length() > ReportForm.TITLE_MAX) {
            throw new UploadRules.Refused("Der Titel fehlt oder ist länger als " + ReportForm.TITLE_MAX + " Zeichen.");
        }
        String description = report.description() == null ? "" : report.description().strip();
        if (description.length() > ReportForm.DESCRIPTION_MAX) {
            throw new UploadRules.Refused("Die Beschreibung ist länger als " + ReportForm.DESCRIPTION_MAX + " Zeichen.");
        }
        BlobStore.Staged staged;
        try {
            staged = library.stage(content);
        } catch (BlobStore.TooLarge e) {
            throw new UploadRules.Refused(library.rules().tooLargeMessage());
        }
        int id = library.create(new ReportStore.Details(title, report.year(), description,
                Set.copyOf(report.rings()), null), staged, report.fileName(), report.author());
        return "/berichte/" + id;
    }
}
