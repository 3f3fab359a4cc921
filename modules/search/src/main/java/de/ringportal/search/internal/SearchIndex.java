package de.ringportal.search.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.search.Query;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ringportal.search.api.SearchDocument;
import de.ringportal.search.api.SearchSource;

/**
 * The search index and its sources, a whiteboard of {@link SearchSource} services. Whenever a source appears (at
 * start, or when its bundle starts again) its items are read anew, so the index is rebuilt when it was lost or
 * unreadable and catches up with changes made while the search was not running; afterwards, change events keep it
 * current. All writing happens on one background thread, so neither the start nor the event delivery waits for it.
 */
@Component(service = SearchIndex.class, immediate = true)
public class SearchIndex {

    static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    static final String DATA_DIR = "ringportal.data.dir";

    private final Map<String, SearchSource> sources = new ConcurrentHashMap<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ringportal-search-index");
        thread.setDaemon(true);
        return thread;
    });
    private volatile LuceneIndex index;

    @Activate
    public SearchIndex(BundleContext context) throws IOException {
        this(dataDirectory(context).resolve("search").resolve("index"));
    }

    SearchIndex(Path folder) throws IOException {
        this.index = new LuceneIndex(folder);
        LOG.info("Search index at {} ({} items{})", folder, index.size(), index.fresh() ? ", rebuilt" : "");
        sources.keySet().forEach(this::reindex);
    }

    static Path dataDirectory(BundleContext context) {
        String dataDir = context.getProperty(DATA_DIR);
        return Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir).toAbsolutePath();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addSource(SearchSource source, Map<String, Object> properties) {
        String name = String.valueOf(properties.get(SearchSource.SOURCE));
        sources.put(name, source);
        if (index != null) {
            reindex(name);
        }
    }

    void removeSource(SearchSource source, Map<String, Object> properties) {
        sources.remove(String.valueOf(properties.get(SearchSource.SOURCE)), source);
    }

    @Deactivate
    void deactivate() throws IOException, InterruptedException {
        writer.shutdown();
        if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
            writer.shutdownNow();
        }
        index.close();
    }

    /** Reads every item of a source anew (in the background). */
    void reindex(String name) {
        writer.execute(() -> {
            SearchSource source = sources.get(name);
            if (source == null) {
                return;
            }
            try {
                List<SearchDocument> all = source.all();
                index.replaceSource(name, all);
                LOG.info("Search source {} indexed: {} items", name, all.size());
            } catch (IOException | RuntimeException e) {
                LOG.error("Cannot index search source {}", name, e);
            }
        });
    }

    /** One item changed: read it again from its source, or drop it when the source no longer offers it. */
    void changed(String name, String id) {
        writer.execute(() -> {
            SearchSource source = sources.get(name);
            if (source == null || id == null) {
                return;
            }
            try {
                Optional<SearchDocument> document = source.find(id);
                if (document.isPresent()) {
                    index.put(name, document.get());
                } else {
                    index.remove(name, id);
                }
            } catch (IOException | RuntimeException e) {
                LOG.error("Cannot update item {} of search source {}", id, name, e);
            }
        });
    }

    /** Runs after every write queued so far: for tests and the benchmark, which wait for the index. */
    void awaitWrites() throws InterruptedException {
        try {
            writer.submit(() -> { }).get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    Set<String> ringsInIndex() throws IOException {
        return index.rings();
    }

    Query parse(String text) {
        return index.parse(text);
    }

    LuceneIndex.Hits search(Query query, Set<String> rings, Instant now, int offset, int limit) throws IOException {
        return index.search(query, new LuceneIndex.Viewer(rings, now), Set.copyOf(sources.keySet()), offset, limit);
    }
}
