package de.ringportal.reports.api;

import java.io.IOException;
import java.io.InputStream;

import org.osgi.annotation.versioning.ProviderType;

/** Files documents into the reports library, with the same checks and storage as an upload. */
@ProviderType
public interface ReportLibrary {

    /**
     * Stores the document and its record, atomically, and returns the path of its page.
     *
     * @throws IllegalArgumentException when the document is refused (empty, too large, wrong type), with a German
     *                                  message for the user
     */
    String file(NewReport report, InputStream content) throws IOException;
}
