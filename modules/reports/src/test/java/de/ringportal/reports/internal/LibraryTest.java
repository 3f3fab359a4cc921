package de.ringportal.reports.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;

import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;
import de.ringportal.reports.api.NewReport;

/** The library against a real (in-memory) Derby and a real file store: order of writes, checks, visibility SQL. */
@RunWith(BothDatabases.class)
public class LibraryTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private Path root;
    private ReportStore store;
    private Library library;
    private ReportFiling filing;

    @Before
    public void open() throws IOException {
        root = folder.getRoot().toPath();
        DataSource db = TestDatabase.migrated(ReportStore.class, "reports");
        store = new ReportStore(db);
        Library.Config config = mock(Library.Config.class);
        when(config.maxUploadMegabytes()).thenReturn(1);
        library = new Library(root, store, new TextStore(db), config, Clock.fixed(NOW, ZoneOffset.UTC));
        filing = new ReportFiling(library);
    }

    /** A refused file leaves neither a record nor a file, stored or temporary. */
    @Test
    public void refused_files_leave_nothing() throws IOException, SQLException {
        assertThrows(UploadRules.Refused.class, () -> filing.file(report("Leer", Set.of(), "leer.pdf"),
                new ByteArrayInputStream(new byte[0])));
        assertThrows(UploadRules.Refused.class, () -> filing.file(report("Exe", Set.of(), "setup.pdf"),
                new ByteArrayInputStream("MZ\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1))));
        UploadRules.Refused tooLarge = assertThrows(UploadRules.Refused.class, () -> filing.file(report("Groß", Set.of(),
                "gross.pdf"), new ByteArrayInputStream(pdfOfSize(1024 * 1024 + 1))));
        assertTrue(tooLarge.getMessage().contains("höchstens 1 MB"));

        assertEquals(0, store.count(new ReportStore.Filter(null, null, null), everything()));
        assertEquals(List.of(), files());
    }

    /** When the record cannot be written after the file is in place, the file is an orphan the clean-up removes. */
    @Test
    public void a_failed_record_leaves_only_an_orphan_that_clean_up_removes() throws IOException, SQLException {
        BlobStore.Staged staged = library.stage(new ByteArrayInputStream(pdfOfSize(100)));
        ReportStore.Details tooLong = new ReportStore.Details("x".repeat(300), 2025, "", Set.of(), null);

        assertThrows(IOException.class, () -> library.create(tooLong, staged, "a.pdf", "test"));

        assertEquals(0, store.count(new ReportStore.Filter(null, null, null), everything()));
        assertEquals("the file is in place, unreferenced", 1, files().size());
        assertEquals(1, library.blobs().cleanUp(store.referencedHashes(), Instant.now().plusSeconds(60)));
        assertEquals(List.of(), files());
    }

    /** What the list shows to whom: public, own rings, embargo for moderators and the Redaktion. */
    @Test
    public void list_shows_each_viewer_what_they_may_see() throws IOException, SQLException {
        filing.file(report("Öffentlich", Set.of(), "a.pdf"), new ByteArrayInputStream(pdfOfSize(100)));
        filing.file(report("Ring 3", Set.of("3"), "b.pdf"), new ByteArrayInputStream(pdfOfSize(101)));
        filing.file(report("Ring 5", Set.of("5"), "c.pdf"), new ByteArrayInputStream(pdfOfSize(102)));
        BlobStore.Staged staged = library.stage(new ByteArrayInputStream(pdfOfSize(103)));
        library.create(new ReportStore.Details("Ring 3 gesperrt", 2025, "", Set.of("3"), NOW.plusSeconds(3600)),
                staged, "d.pdf", "test");

        assertEquals(List.of("Öffentlich"), titles(new ReportStore.Audience(false, Set.of(), Set.of(), NOW)));
        assertEquals(List.of("Ring 3", "Öffentlich"),
                titles(new ReportStore.Audience(false, Set.of("3"), Set.of(), NOW)));
        assertEquals(List.of("Ring 3 gesperrt", "Ring 3", "Öffentlich"),
                titles(new ReportStore.Audience(false, Set.of("3"), Set.of("3"), NOW)));
        assertEquals("released later", List.of("Ring 3 gesperrt", "Ring 3", "Öffentlich"),
                titles(new ReportStore.Audience(false, Set.of("3"), Set.of(), NOW.plusSeconds(3600))));
        assertEquals(4, titles(everything()).size());
        assertEquals(List.of("Ring 5"), store.list(new ReportStore.Filter(null, "5", null), everything(), 0, 10)
                .stream().map(Report::title).toList());
    }

    /** A new version keeps the old one; identical bytes are stored once. */
    @Test
    public void versions_keep_earlier_files() throws IOException, SQLException {
        String path = filing.file(report("Versionen", Set.of(), "v.pdf"), new ByteArrayInputStream(pdfOfSize(200)));
        Report report = store.find(Integer.parseInt(path.substring(path.lastIndexOf('/') + 1))).orElseThrow();
        library.addVersion(report, library.stage(new ByteArrayInputStream(pdfOfSize(300))), "v2.pdf", "test");
        library.addVersion(report, library.stage(new ByteArrayInputStream(pdfOfSize(200))), "v3.pdf", "test");

        List<Version> versions = store.versions(report.id());
        assertEquals(List.of(3, 2, 1), versions.stream().map(Version::version).toList());
        assertEquals(3, store.find(report.id()).orElseThrow().current().version());
        assertEquals(versions.get(0).sha256(), versions.get(2).sha256());
        assertEquals(2, files().size());
    }

    /** An edit changes metadata and audience; the list follows at once. */
    @Test
    public void update_changes_metadata_and_audience() throws IOException, SQLException {
        Report report = filed("Öffentlich", Set.of(), 100);
        Instant release = NOW.plusSeconds(86_400);

        library.update(report, new ReportStore.Details("Nur Ring 3", 2024, "Neu", Set.of("3"), release));

        Report changed = store.find(report.id()).orElseThrow();
        assertEquals("Nur Ring 3", changed.title());
        assertEquals(2024, changed.year());
        assertEquals(Set.of("3"), changed.rings());
        assertEquals(release, changed.releaseAt());
        assertEquals(List.of(), titles(new ReportStore.Audience(false, Set.of(), Set.of(), NOW)));
        assertEquals(List.of("Nur Ring 3"), titles(new ReportStore.Audience(false, Set.of("3"), Set.of("3"), NOW)));
    }

    /**
     * A deletion removes the record, its versions and download audit, and the files no other report shares; the
     * same bytes filed under another report stay and still verify.
     */
    @Test
    public void delete_removes_versions_audit_and_unshared_files_only() throws IOException, SQLException {
        Report doomed = filed("Weg damit", Set.of("3"), 500);
        library.addVersion(doomed, library.stage(new ByteArrayInputStream(pdfOfSize(600))), "neu.pdf", "test");
        Report other = filed("Gleiche Bytes", Set.of(), 500);
        store.downloads().record(doomed.id(), 1, "mitglied", NOW);
        store.downloads().record(other.id(), 1, "mitglied", NOW);
        String shared = other.current().sha256();
        String unshared = store.find(doomed.id()).orElseThrow().current().sha256();

        Library.Deleted deleted = library.delete(doomed);

        assertEquals(2, deleted.versions());
        assertEquals(1, deleted.files());
        assertTrue(store.find(doomed.id()).isEmpty());
        assertEquals(List.of(), store.versions(doomed.id()));
        assertEquals(0, store.downloads().count(doomed.id()));
        assertEquals(1, store.downloads().count(other.id()));
        assertTrue(Files.exists(library.blobs().verified(shared)));
        assertTrue(Files.notExists(library.blobs().path(unshared)));
        assertEquals(List.of("Gleiche Bytes"), titles(everything()));
        assertEquals("deleting again finds nothing", 0, library.delete(doomed).files());
    }

    /** A new version sent for a report deleted meanwhile is refused with a German message, and nothing is stored. */
    @Test
    public void a_version_for_a_report_deleted_meanwhile_is_refused() throws IOException, SQLException {
        Report doomed = filed("Gleich weg", Set.of(), 700);
        BlobStore.Staged staged = library.stage(new ByteArrayInputStream(pdfOfSize(800)));
        library.delete(doomed);

        UploadRules.Refused refused = assertThrows(UploadRules.Refused.class,
                () -> library.addVersion(doomed, staged, "neu.pdf", "test"));

        assertTrue(refused.getMessage(), refused.getMessage().contains("inzwischen gelöscht"));
        assertEquals(List.of(), store.versions(doomed.id()));
    }

    private Report filed(String title, Set<String> rings, int size) throws IOException, SQLException {
        String path = filing.file(report(title, rings, title + ".pdf"), new ByteArrayInputStream(pdfOfSize(size)));
        return store.find(Integer.parseInt(path.substring(path.lastIndexOf('/') + 1))).orElseThrow();
    }

    private List<String> titles(ReportStore.Audience audience) throws SQLException {
        return store.list(new ReportStore.Filter(null, null, null), audience, 0, 20).stream().map(Report::title)
                .toList();
    }

    private static ReportStore.Audience everything() {
        return new ReportStore.Audience(true, Set.of(), Set.of(), NOW);
    }

    private static NewReport report(String title, Set<String> rings, String fileName) {
        return new NewReport(title, 2025, "Beschreibung", rings, fileName, "application/pdf", "test");
    }

    private static byte[] pdfOfSize(int size) {
        byte[] pdf = new byte[size];
        java.util.Arrays.fill(pdf, (byte) ' ');
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 9);
        return pdf;
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().contains("cache"))
                    .toList();
        }
    }
}
