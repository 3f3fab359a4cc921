package de.ringportal.reports.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Text extraction within its budget, on small PDFs whose pages all draw one compressed stream (the shape of the
 * 47 KB, 300-page file that cost half a minute): the work done is counted in pages and characters, not timed.
 */
public class PdfTextTest {

    /** 50 characters. */
    private static final String LINE = "Kosten der Unterkunft im Vergleichsring drei 2025";
    private static final Duration HOUR = Duration.ofHours(1);

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    @BeforeClass
    public static void fontCacheInTarget() {
        System.setProperty("pdfbox.fontcache", Path.of("target").toAbsolutePath().toString());
    }

    /** 300 pages of 2,000 characters each, one shared stream: reading stops at the character budget. */
    @Test
    public void a_small_pdf_of_many_pages_is_read_only_up_to_the_character_budget() throws IOException {
        Path pdf = file(TestPdfs.sharedText(300, LINE, 40));
        assertTrue("a small file: " + Files.size(pdf), Files.size(pdf) < 50_000);

        PdfText.Result result = PdfText.of(pdf, new PdfText.Limits(300, 5_000, Long.MAX_VALUE, HOUR));

        assertEquals(PdfText.End.CHARACTERS, result.end());
        assertTrue("characters: " + result.text().length(), result.text().length() <= 5_000);
        assertTrue(result.text().startsWith(LINE));
        assertTrue("pages read: " + result.pages(), result.pages() <= 3);
    }

    /** The page budget: the first pages are read, whole, and no more. */
    @Test
    public void only_the_first_pages_are_read() throws IOException {
        PdfText.Result result = PdfText.of(file(TestPdfs.sharedText(300, LINE, 40)),
                new PdfText.Limits(5, 1_000_000, Long.MAX_VALUE, HOUR));

        assertEquals(PdfText.End.PAGES, result.end());
        assertEquals(5, result.pages());
        assertEquals(5 * 40, result.text().lines().filter(LINE::equals).count());
    }

    /** Pages without text but with much drawing: the operator budget ends the work, whatever the page count. */
    @Test
    public void drawing_without_text_ends_at_the_operator_budget() throws IOException {
        // 1,000 strokes of 3 operators: 3,000 operators a page
        PdfText.Result result = PdfText.of(file(TestPdfs.sharedDrawing(300, 1_000)),
                new PdfText.Limits(300, 200_000, 10_000, HOUR));

        assertEquals(PdfText.End.OPERATORS, result.end());
        assertEquals(4, result.pages());
        assertEquals("", result.text());
    }

    /**
     * The deadline, on a clock that moves one second at every look (once a page here, the pages being short): the
     * text of the pages read so far is kept.
     */
    @Test
    public void the_deadline_keeps_the_text_read_so_far() throws IOException {
        AtomicLong clock = new AtomicLong();
        PdfText.Result result = PdfText.of(file(TestPdfs.sharedText(300, LINE, 4)),
                new PdfText.Limits(300, 200_000, Long.MAX_VALUE, Duration.ofSeconds(10)),
                () -> clock.addAndGet(1_000_000_000L));

        assertEquals(PdfText.End.DEADLINE, result.end());
        assertTrue("pages read: " + result.pages(), result.pages() > 1 && result.pages() < 25);
        assertEquals("the pages read before the deadline, whole", result.pages() * 4,
                result.text().lines().filter(LINE::equals).count());
    }

    /** A PDF within every bound is read whole. */
    @Test
    public void a_pdf_within_the_bounds_is_read_whole() throws IOException {
        PdfText.Result result = PdfText.of(file(TestPdfs.sharedText(3, "Eingliederungsvereinbarung", 2)),
                new PdfText.Limits(300, 200_000, 3_000_000, HOUR));

        assertEquals(PdfText.End.COMPLETE, result.end());
        assertEquals(3, result.pages());
        assertEquals(6, result.text().lines().filter("Eingliederungsvereinbarung"::equals).count());
    }

    /** Stopping the portal interrupts the worker: the extraction ends and says so, so the text is tried again. */
    @Test
    public void an_interrupt_ends_the_extraction_as_interrupted() throws IOException {
        Path pdf = file(TestPdfs.sharedText(3, LINE, 2));
        Thread.currentThread().interrupt();
        try {
            assertEquals(PdfText.End.INTERRUPTED, PdfText.of(pdf, new PdfText.Limits(300, 200_000, 3_000_000, HOUR))
                    .end());
        } finally {
            Thread.interrupted();
        }
    }

    /** Not a PDF inside: no text, no exception. */
    @Test
    public void an_unreadable_file_gives_no_text() throws IOException {
        PdfText.Result result = PdfText.of(file("%PDF-1.4\nkaputt".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                new PdfText.Limits(300, 200_000, 3_000_000, HOUR));
        assertEquals(PdfText.End.UNREADABLE, result.end());
        assertEquals("", result.text());
    }

    private Path file(byte[] content) throws IOException {
        Path file = folder.newFile().toPath();
        Files.write(file, content);
        return file;
    }
}
