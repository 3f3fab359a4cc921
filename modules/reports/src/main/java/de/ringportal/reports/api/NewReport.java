package de.ringportal.reports.api;

import java.util.Set;

/**
 * A document to file into the library.
 *
 * @param title       the title
 * @param year        the year the report is about
 * @param description plain text
 * @param rings       the rings that may see it; empty means public
 * @param fileName    the file name offered on download
 * @param contentType the media type ("application/pdf")
 * @param author      the user name of who files it
 */
public record NewReport(String title, int year, String description, Set<String> rings, String fileName,
        String contentType, String author) {

    public NewReport {
        rings = Set.copyOf(rings);
    }
}
