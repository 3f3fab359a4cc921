package de.ringportal.reports.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** PDFs made with PDFBox for the tests: every page draws the same compressed content stream. */
final class TestPdfs {

    private TestPdfs() {
    }

    /** {@code pages} pages that all show the same {@code lines} lines of {@code line} (ASCII), from one stream. */
    static byte[] sharedText(int pages, String line, int lines) throws IOException {
        StringBuilder content = new StringBuilder("BT /F1 10 Tf 40 800 Td 12 TL\n");
        for (int i = 0; i < lines; i++) {
            content.append('(').append(line).append(") '\n");
        }
        return shared(pages, content.append("ET\n").toString());
    }

    /** {@code pages} pages that all stroke the same {@code strokes} lines and show no text. */
    static byte[] sharedDrawing(int pages, int strokes) throws IOException {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < strokes; i++) {
            content.append("10 10 m 200 200 l S\n");
        }
        return shared(pages, content.toString());
    }

    static byte[] shared(int pages, String operators) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDStream content = new PDStream(document);
            try (OutputStream out = content.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(operators.getBytes(StandardCharsets.US_ASCII));
            }
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("F1"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                page.setResources(resources);
                page.setContents(content);
                document.addPage(page);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        }
    }
}
