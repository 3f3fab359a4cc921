package de.ringportal.benchmark.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Where an XLSX workbook keeps its first sheet and its shared strings: from {@code xl/workbook.xml} and its
 * relationships, read through the reader's bounded streams; the usual names where the workbook does not say.
 */
record WorkbookParts(String firstSheet, String sharedStrings) {

    static WorkbookParts of(XlsxReader reader, ZipFile zip) throws IOException, XMLStreamException {
        String sheetId = null;
        try (InputStream in = reader.open(zip, "xl/workbook.xml")) {
            XMLStreamReader xml = XlsxReader.xml(in);
            while (xml.hasNext() && sheetId == null) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && "sheet".equals(xml.getLocalName())) {
                    for (int i = 0; i < xml.getAttributeCount(); i++) {
                        if ("id".equals(xml.getAttributeLocalName(i))) {
                            sheetId = xml.getAttributeValue(i);
                        }
                    }
                }
            }
        }
        String sheet = null;
        String shared = null;
        if (zip.getEntry("xl/_rels/workbook.xml.rels") != null) {
            try (InputStream in = reader.open(zip, "xl/_rels/workbook.xml.rels")) {
                XMLStreamReader xml = XlsxReader.xml(in);
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT
                            && "Relationship".equals(xml.getLocalName())) {
                        String target = part(xml.getAttributeValue(null, "Target"));
                        String type = String.valueOf(xml.getAttributeValue(null, "Type"));
                        if (sheetId != null && sheetId.equals(xml.getAttributeValue(null, "Id"))) {
                            sheet = target;
                        } else if (type.toLowerCase(Locale.ROOT).endsWith("/sharedstrings")) {
                            shared = target;
                        }
                    }
                }
            }
        }
        if (sheet == null || zip.getEntry(sheet) == null) {
            sheet = "xl/worksheets/sheet1.xml";
        }
        if (shared != null && zip.getEntry(shared) == null) {
            shared = null;
        }
        return new WorkbookParts(sheet, shared);
    }

    /** A relationship target as an entry name: relative to xl/, or absolute from the package root. */
    private static String part(String target) {
        if (target == null) {
            return null;
        }
        return target.startsWith("/") ? target.substring(1) : "xl/" + target;
    }
}
