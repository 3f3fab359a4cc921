package de.ringportal.reports.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.sql.DataSource;

import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;

import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;
import de.ringportal.reports.api.NewReport;
import de.ringportal.search.api.SearchDocument;

/**
 * The worker that recognises PDF text after the upload, against a real (in-memory) Derby and file store, with its
 * extraction held on a latch where the test needs it to be still running: uploads return at once, the report is
 * marked as being recognised, the search finds the text once the worker is done, and nothing pending is lost to a
 * full queue or a restart.
 */
@RunWith(BothDatabases.class)
public class TextRecognitionTest {

    private static final PdfText.Limits LIMITS = new PdfText.Limits(300, 200_000, 3_000_000, Duration.ofMinutes(1));
    private static final Function<Path, PdfText.Result> READ = file -> PdfText.of(file, LIMITS);

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private TextStore texts;
    private Library library;
    private ReportFiling filing;
    private ReportSearchSource search;
    /** The ids of reports the library told the search about, in order; those the worker announced apart. */
    private final BlockingQueue<Integer> changes = new LinkedBlockingQueue<>();
    private final BlockingQueue<Integer> recognized = new LinkedBlockingQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<TextRecognition> running = new ArrayList<>();

    @BeforeClass
    public static void fontCacheInTarget() {
        System.setProperty("pdfbox.fontcache", Path.of("target").toAbsolutePath().toString());
    }

    @Before
    public void open() throws IOException {
        DataSource db = TestDatabase.migrated(ReportStore.class, "reports");
        texts = new TextStore(db);
        Library.Config config = mock(Library.Config.class);
        when(config.maxUploadMegabytes()).thenReturn(1);
        library = new Library(folder.getRoot().toPath(), new ReportStore(db), texts, config, Clock.systemUTC()) {
            @Override
            void changed(int id) {
                super.changed(id);
                (Thread.currentThread().getName().equals("reports-text-recognition") ? recognized : changes).add(id);
            }
        };
        filing = new ReportFiling(library);
        search = new ReportSearchSource(library);
    }

    @After
    public void stop() {
        release.countDown();
        running.forEach(TextRecognition::stop);
    }

    /** The upload returns while the worker still reads; the search finds the PDF's words once it is done. */
    @Test
    public void an_upload_returns_before_its_text_is_recognised_and_the_search_finds_it_after()
            throws IOException, SQLException, InterruptedException {
        CountDownLatch reading = new CountDownLatch(1);
        start(held(reading), 10);

        int id = file("Eingliederungsbericht", "Eingliederungsvereinbarung");
        assertTrue("the worker has the PDF", reading.await(30, TimeUnit.SECONDS));

        assertEquals("filed and announced with title and description", Integer.valueOf(id), changes.poll());
        assertEquals(Set.of(id), texts.recognizing(List.of(id)));
        assertFalse(body(id).contains("Eingliederungsvereinbarung"));

        release.countDown();
        assertEquals("announced again with its text", Integer.valueOf(id), recognized.poll(30, TimeUnit.SECONDS));
        assertEquals(Set.of(), texts.recognizing(List.of(id)));
        assertTrue(body(id).contains("Eingliederungsvereinbarung"));
    }

    /** Files other than PDFs have no text to wait for. */
    @Test
    public void other_files_are_not_recognised() throws IOException, SQLException {
        start(READ, 10);
        String path = filing.file(new NewReport("Tabelle", 2025, "", Set.of(), "t.csv", "text/csv", "test"),
                new ByteArrayInputStream("Jahr;Wert\n2025;1\n".getBytes(StandardCharsets.UTF_8)));
        int id = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
        assertEquals(Set.of(), texts.recognizing(List.of(id)));
        assertEquals(List.of(), texts.pending());
    }

    /**
     * A queue of one with the worker held: the third upload finds the queue full. It is stored all the same, and
     * recognised once the queue has run empty, without a restart.
     */
    @Test
    public void a_full_queue_stores_the_upload_and_recognises_it_later()
            throws IOException, SQLException, InterruptedException {
        CountDownLatch reading = new CountDownLatch(1);
        start(held(reading), 1);
        int running = file("Erster", "Hilfequote");
        assertTrue(reading.await(30, TimeUnit.SECONDS));
        int queued = file("Zweiter", "Integrationsquote");
        int overflow = file("Dritter", "Betreuungsschluessel");
        assertEquals(Set.of(running, queued, overflow), texts.recognizing(List.of(running, queued, overflow)));

        release.countDown();
        assertNotNull(awaitChanged(Set.of(running, queued, overflow)));
        assertEquals(Set.of(), texts.recognizing(List.of(running, queued, overflow)));
        assertTrue(body(overflow).contains("Betreuungsschluessel"));
        assertTrue(body(queued).contains("Integrationsquote"));
    }

    /**
     * Stopped while reading (the bundle stops, the portal shuts down) and with an upload while it was not running:
     * at its next start both are queued again and recognised.
     */
    @Test
    public void pending_texts_are_queued_again_at_the_next_start()
            throws IOException, SQLException, InterruptedException {
        CountDownLatch reading = new CountDownLatch(1);
        TextRecognition first = start(file -> {
            reading.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new PdfText.Result("", 0, PdfText.End.INTERRUPTED);
        }, 10);
        int interrupted = file("Unterbrochen", "Sozialraumanalyse");
        assertTrue(reading.await(30, TimeUnit.SECONDS));
        first.stop();
        running.remove(first);
        int whileStopped = file("Ohne Erkennung", "Wohngeldreform");
        assertEquals(Set.of(interrupted, whileStopped), texts.recognizing(List.of(interrupted, whileStopped)));

        start(READ, 10);

        assertNotNull(awaitChanged(Set.of(interrupted, whileStopped)));
        assertTrue(body(interrupted).contains("Sozialraumanalyse"));
        assertTrue(body(whileStopped).contains("Wohngeldreform"));
    }

    /** Two uploads of the same bytes: the second takes the text the first one's reading found. */
    @Test
    public void the_same_file_is_read_once() throws IOException, SQLException, InterruptedException {
        List<Path> read = new java.util.concurrent.CopyOnWriteArrayList<>();
        start(file -> {
            read.add(file);
            return READ.apply(file);
        }, 10);
        byte[] same = TestPdfs.sharedText(2, "Doppelbericht", 1);
        int one = file("Eins", same);
        assertNotNull(awaitChanged(Set.of(one)));
        int two = file("Zwei", same);
        assertNotNull(awaitChanged(Set.of(two)));

        assertEquals(1, read.size());
        assertTrue(body(two).contains("Doppelbericht"));
    }

    private TextRecognition start(Function<Path, PdfText.Result> extractor, int queueSize) {
        TextRecognition recognition = new TextRecognition(library, extractor, queueSize);
        recognition.start();
        running.add(recognition);
        return recognition;
    }

    private int file(String title, String word) throws IOException {
        return file(title, TestPdfs.sharedText(2, word, 1));
    }

    private int file(String title, byte[] pdf) throws IOException {
        String path = filing.file(new NewReport(title, 2025, "Beschreibung", Set.of(), title + ".pdf",
                "application/pdf", "test"), new ByteArrayInputStream(pdf));
        return Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
    }

    private String body(int id) {
        return search.find(Integer.toString(id)).map(SearchDocument::text).orElseThrow();
    }

    /** Waits (at most 30 s) until the worker announced the text of each report; null if not in time. */
    private Set<Integer> awaitChanged(Set<Integer> ids) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Set<Integer> seen = new java.util.HashSet<>();
        while (!seen.containsAll(ids)) {
            Integer id = recognized.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (id == null) {
                return null;
            }
            seen.add(id);
        }
        return seen;
    }

    /** Reads as the worker does, once the test releases it; counts {@code reading} down as it starts. */
    private Function<Path, PdfText.Result> held(CountDownLatch reading) {
        return file -> {
            reading.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return READ.apply(file);
        };
    }
}
