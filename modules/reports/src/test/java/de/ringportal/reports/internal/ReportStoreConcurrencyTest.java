package de.ringportal.reports.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;

import de.ringportal.core.testing.ConcurrentWrites;
import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;
import de.ringportal.reports.api.NewReport;

/**
 * Uploads and saves at the same moment into one database and one file store: the same file uploaded as new
 * versions of one report and as new reports, while the report is renamed. Each save is stored once or refused as
 * busy; versions are numbered without gaps or doubles; the file is stored once.
 */
@RunWith(BothDatabases.class)
public class ReportStoreConcurrencyTest {

    private static final int WRITERS = 16;

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private DataSource dataSource;
    private Library library;
    private ReportFiling filing;

    @Before
    public void open() throws Exception {
        dataSource = TestDatabase.migrated(ReportStore.class, "reports");
        Library.Config config = mock(Library.Config.class);
        when(config.maxUploadMegabytes()).thenReturn(1);
        library = new Library(folder.getRoot().toPath(), new ReportStore(dataSource), new TextStore(dataSource), config,
                Clock.systemUTC());
        filing = new ReportFiling(library);
    }

    /** New versions, new reports and renames of one report, all at once, with the same file. */
    @Test
    public void same_file_uploaded_during_a_rename_is_stored_once_per_save() throws Exception {
        int id = Integer.parseInt(filing.file(report("Jahresbericht"), new ByteArrayInputStream(pdf())).substring(10));
        Report report = library.store().find(id).orElseThrow();

        ConcurrentWrites.Outcome<String> outcome = ConcurrentWrites.run(WRITERS, index -> switch (index % 4) {
            case 0, 1 -> "version " + library.addVersion(report, library.stage(new ByteArrayInputStream(pdf())),
                    "bericht.pdf", "moderator");
            case 2 -> "report " + filing.file(report("Jahresbericht"), new ByteArrayInputStream(pdf()));
            default -> "renamed " + library.update(report, new ReportStore.Details("Jahresbericht " + index, 2025,
                    "Neu", Set.of("4"), null));
        });

        assertTrue(outcome.describeFailures(), outcome.failures().isEmpty());
        assertEquals(WRITERS, outcome.results().size() + outcome.busy());
        long versions = outcome.results().stream().filter(result -> result.startsWith("version ")).count();
        long reports = outcome.results().stream().filter(result -> result.startsWith("report ")).count();
        assertTrue("every upload refused as busy", versions > 0);
        assertEquals(1 + reports, TestDatabase.count(dataSource, "SELECT COUNT(*) FROM reports_report"));
        assertEquals(1 + versions,
                TestDatabase.count(dataSource, "SELECT COUNT(*) FROM reports_version WHERE report_id = " + id));
        List<Integer> numbers = library.store().versions(id).stream().map(Version::version).sorted().toList();
        assertEquals(IntStream.rangeClosed(1, (int) versions + 1).boxed().toList(), numbers);
        assertEquals((int) versions + 1, library.store().find(id).orElseThrow().current().version());
        try (Stream<Path> files = Files.walk(folder.getRoot().toPath().resolve("blobs"))) {
            assertEquals(1, files.filter(Files::isRegularFile).count());
        }
        try (Stream<Path> staged = Files.list(folder.getRoot().toPath().resolve("tmp"))) {
            assertEquals(0, staged.count());
        }
    }

    private static NewReport report(String title) {
        return new NewReport(title, 2025, "Beschreibung", Set.of(), "bericht.pdf", "application/pdf", "redaktion");
    }

    private static byte[] pdf() {
        byte[] pdf = new byte[200];
        Arrays.fill(pdf, (byte) ' ');
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 9);
        return pdf;
    }
}
