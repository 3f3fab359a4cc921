package de.ringportal.reports.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class FileKindTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    /** The extension decides the claimed kind, in any case; unknown extensions are no kind. */
    @Test
    public void kind_by_extension() {
        assertEquals(Optional.of(FileKind.PDF), FileKind.ofFileName("Bericht 2025.PDF"));
        assertEquals(Optional.of(FileKind.XLSX), FileKind.ofFileName("zahlen.xlsx"));
        assertEquals(Optional.empty(), FileKind.ofFileName("setup.exe"));
        assertEquals(Optional.empty(), FileKind.ofFileName("ohne-endung"));
    }

    @Test
    public void a_pdf_is_a_pdf() throws IOException {
        assertTrue(FileKind.PDF.matches(write("a.pdf", "%PDF-1.7\n...")));
    }

    /** A Windows executable (MZ header) or an ELF binary named .pdf is refused; so is it as CSV. */
    @Test
    public void an_executable_named_pdf_is_refused() throws IOException {
        Path exe = write("setup.pdf", "MZ\u0090\u0000\u0003\u0000\u0000\u0000This program cannot be run in DOS mode");
        assertFalse(FileKind.PDF.matches(exe));
        assertFalse(FileKind.CSV.matches(exe));
        assertFalse(FileKind.ZIP.matches(exe));
        assertFalse(FileKind.PDF.matches(write("elf.pdf", "\u007fELF\u0002\u0001\u0001")));
    }

    /** Office files are ZIPs with their own entries: a plain ZIP is not a DOCX, a DOCX is not an XLSX. */
    @Test
    public void office_formats_are_told_apart() throws IOException {
        Path docx = zip("a.docx", "[Content_Types].xml", "word/document.xml");
        Path xlsx = zip("a.xlsx", "[Content_Types].xml", "xl/workbook.xml");
        Path plain = zip("a.zip", "readme.txt");
        assertTrue(FileKind.DOCX.matches(docx));
        assertFalse(FileKind.XLSX.matches(docx));
        assertTrue(FileKind.XLSX.matches(xlsx));
        assertTrue(FileKind.ZIP.matches(plain));
        assertTrue(FileKind.ZIP.matches(docx));
        assertFalse(FileKind.DOCX.matches(plain));
        assertFalse(FileKind.ODT.matches(plain));
    }

    @Test
    public void odt_has_its_mimetype_entry() throws IOException {
        Path odt = folder.getRoot().toPath().resolve("a.odt");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(odt))) {
            zip.putNextEntry(new ZipEntry("mimetype"));
            zip.write("application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII));
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<office:document-content/>".getBytes(StandardCharsets.US_ASCII));
        }
        assertTrue(FileKind.ODT.matches(odt));
        assertFalse(FileKind.ODT.matches(zip("b.odt", "mimetype-not", "content.xml")));
    }

    /** CSV: UTF-8 or Latin-1 text passes; NUL bytes and other control characters do not. */
    @Test
    public void csv_is_text() throws IOException {
        assertTrue(FileKind.CSV.matches(write("a.csv", "ags;name\r\n08426;Landkreis Biberach\t€ äöü\n")));
        Path latin1 = folder.getRoot().toPath().resolve("l.csv");
        Files.write(latin1, "name\nMünster\n".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(FileKind.CSV.matches(latin1));
        assertFalse(FileKind.CSV.matches(write("b.csv", "a;b\u0000c")));
        assertFalse(FileKind.CSV.matches(write("c.csv", "")));
    }

    /** A ZIP that is cut off after its magic bytes is not an Office document. */
    @Test
    public void broken_zip_is_refused_as_office() throws IOException {
        Path broken = folder.getRoot().toPath().resolve("x.xlsx");
        Files.write(broken, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        assertFalse(FileKind.XLSX.matches(broken));
    }

    private Path write(String name, String content) throws IOException {
        Path file = folder.getRoot().toPath().resolve(name);
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private Path zip(String name, String... entries) throws IOException {
        Path file = folder.getRoot().toPath().resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("x".getBytes(StandardCharsets.US_ASCII));
            }
        }
        return file;
    }
}
