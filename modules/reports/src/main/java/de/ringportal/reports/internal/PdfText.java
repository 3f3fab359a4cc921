package de.ringportal.reports.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text inside a PDF, for the search, read with Apache PDFBox from the stored file (random access, with a
 * temporary-file cache, so a large report is not held in memory). A PDF that cannot be read is still filed; it is
 * then found by its title and description only.
 */
final class PdfText {

    private static final Logger LOG = LoggerFactory.getLogger(PdfText.class);

    /** More text than this adds little to the search and much to the index. */
    static final int MAX_CHARACTERS = 200_000;
    /** Long reports: the first pages carry the summary and the terms people search for. */
    static final int MAX_PAGES = 300;

    private PdfText() {
    }

    static String of(Path file) {
        try (PDDocument document = Loader.loadPDF(file.toFile(),
                IOUtils.createTempFileOnlyStreamCache())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(MAX_PAGES);
            String text = stripper.getText(document).replace('\u0000', ' ').strip();
            return text.length() > MAX_CHARACTERS ? text.substring(0, MAX_CHARACTERS) : text;
        } catch (IOException | RuntimeException e) {
            LOG.warn("No text from PDF {}: {}", file.getFileName(), e.toString());
            return "";
        }
    }
}
