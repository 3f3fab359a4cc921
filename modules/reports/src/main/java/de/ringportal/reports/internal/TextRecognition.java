package de.ringportal.reports.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recognises the text of uploaded PDFs for the search, off the request thread: one worker, a bounded queue, each PDF
 * within the {@link PdfText.Limits}. An upload only queues its version; when the queue is full, the version stays
 * pending in the database and is queued again once the queue has run empty, or at the next start: the state lives
 * with the version ({@link TextStore}), so nothing is lost. Once a text is stored, the search is told.
 */
@Component(immediate = true)
@Designate(ocd = TextRecognition.Config.class)
public class TextRecognition {

    private static final Logger LOG = LoggerFactory.getLogger(TextRecognition.class);

    @ObjectClassDefinition(name = "Ringportal: Texterkennung der Berichte",
            description = "Der Text hochgeladener PDF-Berichte wird für die Suche im Hintergrund gelesen, ein PDF "
                    + "nach dem anderen und jedes mit Grenzen für Seiten, Zeichen, Arbeit und Zeit. Was bis zu "
                    + "einer Grenze gelesen ist, wird gefunden; der Rest der Datei nicht.")
    public @interface Config {

        @AttributeDefinition(name = "Seiten je PDF", description = "So viele Seiten eines PDF werden höchstens "
                + "gelesen, von vorne an.", min = "1")
        int maxPages() default 300;

        @AttributeDefinition(name = "Zeichen je PDF", description = "So viele Zeichen Text eines PDF werden "
                + "höchstens für die Suche behalten; danach endet das Lesen.", min = "1")
        int maxCharacters() default 200_000;

        @AttributeDefinition(name = "Arbeitsschritte je PDF", description = "So viele Zeichenbefehle (Operatoren "
                + "der Seiteninhalte, über alle Seiten) werden je PDF höchstens ausgeführt. Ein gewöhnlicher "
                + "Bericht braucht einige Tausend je Seite; die Grenze hält Dateien auf, die mit wenigen Byte "
                + "sehr viel Arbeit verlangen.", min = "1")
        long maxOperators() default 3_000_000;

        @AttributeDefinition(name = "Sekunden je PDF", description = "So lange darf das Lesen eines PDF höchstens "
                + "dauern; danach zählt der bis dahin gelesene Text.", min = "1")
        int maxSeconds() default 10;

        @AttributeDefinition(name = "Warteschlange", description = "So viele PDFs warten höchstens auf ihre "
                + "Texterkennung. Weitere werden trotzdem gespeichert und kommen an die Reihe, sobald die "
                + "Warteschlange leer ist.", min = "1")
        int queueSize() default 100;
    }

    private final Library library;
    private final TextStore texts;
    private final Function<Path, PdfText.Result> extractor;
    private final ThreadPoolExecutor worker;
    /** Versions queued or running; a version is never queued twice. */
    private final Set<TextStore.Pending> queued = ConcurrentHashMap.newKeySet();
    /** Set when the queue was full: the database holds versions the queue does not. */
    private final AtomicBoolean backlog = new AtomicBoolean();

    @Activate
    public TextRecognition(@Reference Library library, Config config) {
        this(library, file -> PdfText.of(file, limits(config)), config.queueSize());
        start();
    }

    TextRecognition(Library library, Function<Path, PdfText.Result> extractor, int queueSize) {
        this.library = library;
        this.texts = library.texts();
        this.extractor = extractor;
        // one worker: the machine has few cores, and requests must keep theirs
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueSize),
                task -> {
                    Thread thread = new Thread(task, "reports-text-recognition");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    static PdfText.Limits limits(Config config) {
        return new PdfText.Limits(config.maxPages(), config.maxCharacters(), config.maxOperators(),
                Duration.ofSeconds(config.maxSeconds()));
    }

    /** Takes uploads from the library and queues what a restart (or a full queue) left pending. */
    void start() {
        library.recognizeWith(this);
        requeue();
    }

    @Deactivate
    void stop() {
        library.recognizeWith(null);
        // a PDF being read ends within 256 operators (PdfText checks for the interrupt) and stays pending
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Text recognition did not end within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Queues a new version's text; never blocks, never fails: a full queue leaves it pending for later. */
    void submit(TextStore.Pending version) {
        if (!queued.add(version)) {
            return;
        }
        try {
            worker.execute(() -> run(version));
        } catch (RejectedExecutionException full) {
            queued.remove(version);
            if (!worker.isShutdown()) {
                backlog.set(true);
                LOG.info("Text recognition queue full: report {} version {} waits for its turn", version.reportId(),
                        version.version());
                // the worker may have emptied the queue just now, without seeing the backlog yet
                drainBacklog();
            }
        }
    }

    /** Once the queue has run empty, queues what a full queue turned away (from the database). */
    private void drainBacklog() {
        if (worker.getQueue().isEmpty() && !worker.isShutdown() && backlog.compareAndSet(true, false)) {
            requeue();
        }
    }

    private void requeue() {
        try {
            for (TextStore.Pending version : texts.pending()) {
                submit(version);
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the versions waiting for text recognition: {}", e.getMessage());
        }
    }

    private void run(TextStore.Pending version) {
        try {
            recognize(version);
        } catch (RuntimeException e) {
            LOG.warn("Text of report {} version {} not recognised, tried again at the next start: {}",
                    version.reportId(), version.version(), e.toString());
        } finally {
            queued.remove(version);
        }
        drainBacklog();
    }

    private void recognize(TextStore.Pending version) {
        Optional<String> known = texts.knownText(version.sha256());
        String text;
        if (known.isPresent()) {
            text = known.get();
        } else {
            PdfText.Result result = extractor.apply(library.blobs().path(version.sha256()));
            if (result.end() == PdfText.End.INTERRUPTED) {
                return;
            }
            text = result.text();
        }
        if (texts.done(version, text)) {
            library.changed(version.reportId());
        }
    }
}
