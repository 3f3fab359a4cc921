package de.ringportal.reports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ringportal.core.api.ModuleSchema;
import de.ringportal.search.api.SearchSource;

/**
 * The library itself: checks a file (size, type against content), stores it by hash and then, only once the file is
 * in place, its record; tells the search about every change and {@link TextRecognition} about every PDF. Uploads
 * through the pages and {@link ReportFiling} for other modules go through the same path.
 */
@Component(service = Library.class)
@Designate(ocd = Library.Config.class)
public class Library {

    private static final Logger LOG = LoggerFactory.getLogger(Library.class);
    static final String DATA_DIR = "ringportal.data.dir";

    @ObjectClassDefinition(name = "Ringportal: Berichte",
            description = "Die Berichtsbibliothek: Grenze für hochgeladene Dateien.")
    public @interface Config {

        @AttributeDefinition(name = "Größte Datei (MB)",
                description = "So groß darf eine hochgeladene Datei höchstens sein, in Megabyte (1 MB = 1.048.576 "
                        + "Byte). Größere Dateien werden mit einer Meldung abgelehnt; nichts von ihnen bleibt "
                        + "gespeichert.", min = "1", max = "2048")
        int maxUploadMegabytes() default 50;
    }

    /** What a deletion removed: the report's versions and the stored files no other version shared. */
    record Deleted(int versions, int files) {
    }

    private final ReportStore store;
    private final ReportWrites writes;
    private final UploadRules rules;
    private final TextStore texts;
    private final BlobStore blobs;
    private final Clock clock;
    private volatile Config config;
    private volatile TextRecognition recognition;
    /**
     * Filing (file into the store, then the record) holds the read lock, removing unreferenced files after a
     * deletion the write lock: an upload of the same bytes cannot find the file in place, and lose it before its
     * record refers to it.
     */
    private final ReadWriteLock filing = new ReentrantReadWriteLock();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin events;

    @Activate
    public Library(BundleContext context, Config config, @Reference DataSource db,
            @Reference(target = "(" + ModuleSchema.NAME + "=reports)") ModuleSchema schema) throws IOException {
        this(dataDirectory(context).resolve("reports"), new ReportStore(db), new TextStore(db), config,
                Clock.systemUTC());
    }

    Library(Path root, ReportStore store, TextStore texts, Config config, Clock clock) throws IOException {
        this.store = store;
        this.writes = store.writes();
        this.rules = new UploadRules(() -> this.config.maxUploadMegabytes());
        this.texts = texts;
        this.blobs = new BlobStore(root);
        // PDFBox caches the system fonts it maps standard fonts to; keep that file in the data directory, not in
        // the home folder of whoever runs the portal
        if (System.getProperty("pdfbox.fontcache") == null) {
            System.setProperty("pdfbox.fontcache", root.toString());
        }
        this.config = config;
        this.clock = clock;
        cleanUp();
    }

    @Modified
    void modified(Config changed) {
        this.config = changed;
    }

    static Path dataDirectory(BundleContext context) {
        String dataDir = context.getProperty(DATA_DIR);
        return Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir).toAbsolutePath();
    }

    /** Removes leftovers of crashes: temporary uploads and unreferenced files older than an hour. */
    private void cleanUp() {
        try {
            int removed = blobs.cleanUp(store.referencedHashes(), clock.instant().minus(Duration.ofHours(1)));
            if (removed > 0) {
                LOG.info("Removed {} orphaned files from the reports store", removed);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot clean up the reports store: {}", e.getMessage());
        }
    }

    ReportStore store() {
        return store;
    }

    TextStore texts() {
        return texts;
    }

    BlobStore blobs() {
        return blobs;
    }

    Instant now() {
        return clock.instant();
    }

    UploadRules rules() {
        return rules;
    }

    /** Streams the content into a temporary file; {@link BlobStore.TooLarge} over the limit. */
    BlobStore.Staged stage(InputStream content) throws IOException {
        return blobs.stage(content, rules.limitBytes());
    }

    void discard(BlobStore.Staged staged) {
        blobs.discard(staged);
    }

    /**
     * Files a new report: checks the staged file, moves it into the store, then writes the record. The staged file
     * is gone afterwards, whatever happens.
     */
    int create(ReportStore.Details details, BlobStore.Staged staged, String sentName, String author)
            throws IOException {
        try {
            UploadRules.Accepted accepted = rules.check(staged, sentName);
            int id;
            Lock lock = filing.readLock();
            lock.lock();
            try {
                blobs.commit(staged);
                Instant now = clock.instant();
                Version first = new Version(0, 1, staged.sha256(), staged.size(), accepted.fileName(),
                        accepted.kind(), now, author);
                id = writes.insert(details, first, author, now);
            } finally {
                lock.unlock();
            }
            LOG.info("Report {} filed by {}: {} ({} bytes, {})", id, author, accepted.fileName(), staged.size(),
                    staged.sha256());
            changed(id);
            recognize(accepted.kind(), new TextStore.Pending(id, 1, staged.sha256()));
            return id;
        } catch (IllegalStateException e) {
            throw new IOException("Cannot write the report's record", e);
        } finally {
            blobs.discard(staged);
        }
    }

    /** Adds a version to a report, same checks and order as {@link #create}. */
    int addVersion(Report report, BlobStore.Staged staged, String sentName, String author) throws IOException {
        try {
            UploadRules.Accepted accepted = rules.check(staged, sentName);
            int number;
            Lock lock = filing.readLock();
            lock.lock();
            try {
                blobs.commit(staged);
                Version version = new Version(report.id(), 0, staged.sha256(), staged.size(), accepted.fileName(),
                        accepted.kind(), clock.instant(), author);
                number = writes.addVersion(report.id(), version);
            } finally {
                lock.unlock();
            }
            LOG.info("Report {} version {} filed by {}: {} ({})", report.id(), number, author, accepted.fileName(),
                    staged.sha256());
            changed(report.id());
            recognize(accepted.kind(), new TextStore.Pending(report.id(), number, staged.sha256()));
            return number;
        } catch (ReportWrites.Gone e) {
            // deleted meanwhile: the file stays an orphan that the clean-up at the next start removes
            throw new UploadRules.Refused("Der Bericht wurde inzwischen gelöscht. Die Datei wurde nicht gespeichert.");
        } catch (IllegalStateException e) {
            throw new IOException("Cannot write the version's record", e);
        } finally {
            blobs.discard(staged);
        }
    }

    /** Changes title, year, description, audience and release date; the search follows. False when it is gone. */
    boolean update(Report report, ReportStore.Details details) throws IOException {
        if (!writes.update(report.id(), details)) {
            return false;
        }
        LOG.info("Report {} changed", report.id());
        changed(report.id());
        return true;
    }

    /**
     * Deletes a report: its record, versions and download audit in one transaction, then the stored files that no
     * other version refers to (the same bytes may belong to another report). A file that cannot be removed now is
     * an orphan the clean-up at the next start removes. The search drops the report.
     */
    Deleted delete(Report report) throws IOException {
        int versions = store.versions(report.id()).size();
        Set<String> hashes = writes.delete(report.id());
        changed(report.id());
        int files = 0;
        Lock lock = filing.writeLock();
        lock.lock();
        try {
            for (String hash : hashes) {
                if (!store.isReferenced(hash) && blobs.delete(hash)) {
                    files++;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Report {} deleted, but its files stay until the next clean-up: {}", report.id(),
                    e.getMessage());
        } finally {
            lock.unlock();
        }
        LOG.info("Report {} deleted with {} versions; {} stored files removed", report.id(), versions, files);
        return new Deleted(versions, files);
    }

    /** Queues a PDF's text; without a running {@link TextRecognition}, its next start finds the version pending. */
    private void recognize(FileKind kind, TextStore.Pending version) {
        TextRecognition current = recognition;
        if (current != null && kind == FileKind.PDF) {
            current.submit(version);
        }
    }

    /** {@link TextRecognition} announces itself while it runs (null: stopped); it needs the library, not vice versa. */
    void recognizeWith(TextRecognition running) {
        recognition = running;
    }

    /** Posts the change to the search (asynchronously, through Event Admin, when it runs). */
    void changed(int id) {
        EventAdmin current = events;
        if (current != null) {
            current.postEvent(new Event(SearchSource.TOPIC_CHANGED,
                    Map.of(SearchSource.SOURCE, ReportSearchSource.NAME, SearchSource.ID, Integer.toString(id))));
        }
    }
}
