package de.ringportal.benchmark.internal;

import de.ringportal.core.format.GermanNumbers;
import java.awt.Color;
import java.io.OutputStream;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/** The ring report as PDF, with OpenPDF: per figure a heading, a bar chart drawn as vectors, the table and notes. */
public final class ReportPdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);

    private ReportPdf() {
    }

    public static void write(RingReport report, OutputStream out) {
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle("Ringbericht " + report.year() + ": " + report.ring().name());
            document.addCreator("Ringportal");
            document.open();
            writer.getExtraCatalog().put(com.lowagie.text.pdf.PdfName.LANG, new com.lowagie.text.pdf.PdfString("de-DE"));
            document.add(new Paragraph("Ringbericht " + report.year(), TITLE));
            document.add(new Paragraph(report.ring().name(), HEADING));
            if (report.synthetic()) {
                document.add(new Paragraph("Synthetische Demodaten: Die Werte dieses Berichts sind erfunden und "
                        + "dienen nur der Vorführung.", BOLD));
            }
            document.add(new Paragraph("Nur freigegebene Werte. Monatliche Kennzahlen mit dem Berichtsmonat Dezember.",
                    TEXT));
            for (RingReport.Section section : report.sections()) {
                Paragraph heading = new Paragraph(section.figure().code() + ": " + section.figure().name() + " ("
                        + section.period() + ", " + section.figure().unit() + ", "
                        + section.figure().better().label() + ")", HEADING);
                heading.setSpacingBefore(14);
                document.add(heading);
                if (!section.hasValues()) {
                    document.add(new Paragraph("Keine freigegebenen Werte.", TEXT));
                    continue;
                }
                document.add(chart(writer, section));
                PdfPTable table = new PdfPTable(new float[] {1, 6, 2, 2});
                table.setWidthPercentage(100);
                table.setSpacingBefore(6);
                table.setHeaderRows(1);
                for (String head : new String[] {"Rang", "Kommune", "Wert", "Abstand zum besten"}) {
                    PdfPCell cell = new PdfPCell(new Phrase(head, BOLD));
                    cell.setBackgroundColor(new Color(230, 230, 230));
                    table.addCell(cell);
                }
                for (TableRows.Row row : section.rows()) {
                    table.addCell(new Phrase(row.rank(), TEXT));
                    table.addCell(new Phrase(row.name() + (row.best() ? "  (bester Wert)" : ""), row.best() ? BOLD
                            : TEXT));
                    PdfPCell value = new PdfPCell(new Phrase(row.value() == null ? "nicht freigegeben" : row.value(),
                            TEXT));
                    value.setHorizontalAlignment(Element.ALIGN_RIGHT);
                    table.addCell(value);
                    PdfPCell distance = new PdfPCell(new Phrase(row.distance(), TEXT));
                    distance.setHorizontalAlignment(Element.ALIGN_RIGHT);
                    table.addCell(distance);
                }
                document.add(table);
                Paragraph stats = new Paragraph();
                for (TableRows.Fact fact : section.stats()) {
                    stats.add(new Chunk(fact.label() + ": ", BOLD));
                    stats.add(new Chunk(fact.value() + "   ", TEXT));
                }
                document.add(stats);
                for (String note : section.notes()) {
                    document.add(new Paragraph("Anmerkung – " + note, TEXT));
                }
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot write the ring report PDF", e);
        }
    }

    /** Horizontal bars, one per released value, drawn into a template and placed as a vector image. */
    private static Image chart(PdfWriter writer, RingReport.Section section) throws DocumentException {
        var rows = section.comparison().rows().stream().filter(row -> row.value() != null).toList();
        float rowHeight = 11;
        float width = 515;
        float labelWidth = 190;
        float plotWidth = 260;
        float height = rows.size() * rowHeight + 4;
        double low = 0;
        double high = 0;
        for (RingComparison.Row row : rows) {
            low = Math.min(low, row.value());
            high = Math.max(high, row.value());
        }
        if (high == low) {
            high = low + 1;
        }
        PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
        float zero = (float) (labelWidth + (0 - low) / (high - low) * plotWidth);
        float y = height - rowHeight;
        var font = TEXT.getCalculatedBaseFont(false);
        for (RingComparison.Row row : rows) {
            float x = (float) (labelWidth + (row.value() - low) / (high - low) * plotWidth);
            Color colour = row.own() ? new Color(0xb3, 0x59, 0x00) : row.best() ? new Color(0x2e, 0x7d, 0x32)
                    : new Color(0x4a, 0x6d, 0x8c);
            template.setColorFill(colour);
            template.rectangle(Math.min(x, zero), y + 2, Math.max(0.5f, Math.abs(x - zero)), rowHeight - 3);
            template.fill();
            template.beginText();
            template.setColorFill(Color.BLACK);
            template.setFontAndSize(font, 7);
            String name = row.name().length() > 45 ? row.name().substring(0, 44) + "…" : row.name();
            template.showTextAligned(PdfContentByte.ALIGN_RIGHT, name, labelWidth - 4, y + 3, 0);
            template.showTextAligned(PdfContentByte.ALIGN_LEFT, GermanNumbers.format(row.value()),
                    labelWidth + plotWidth + 6, y + 3, 0);
            template.endText();
            y -= rowHeight;
        }
        template.setColorStroke(Color.BLACK);
        template.moveTo(zero, 0);
        template.lineTo(zero, height);
        template.stroke();
        Image image = Image.getInstance(template);
        image.setAlt("Balkendiagramm " + section.figure().code());
        return image;
    }
}
