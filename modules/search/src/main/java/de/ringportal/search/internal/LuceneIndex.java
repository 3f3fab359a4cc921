package de.ringportal.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.util.BytesRef;

import de.ringportal.search.api.SearchDocument;

/**
 * The Lucene index in a folder of the data directory, German-analysed ({@link GermanAnalyzer}: stop words, umlaut
 * folding, light stemming, so "Berichte" finds "Bericht"). Opening a missing or unreadable index starts an empty one
 * (the caller then refills it from the sources). Writes go through one {@link IndexWriter}; searches through a
 * {@link SearcherManager} that sees each commit.
 */
final class LuceneIndex implements AutoCloseable {

    static final String KEY = "key";
    static final String SOURCE = "source";
    static final String ID = "id";
    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String EXCERPT = "excerpt";
    static final String PATH = "path";
    static final String AUDIENCE = "audience";
    static final String RING = "ring";
    static final String VISIBLE_FROM = "visibleFrom";
    static final String PUBLIC = "public";
    static final int EXCERPT_LENGTH = 240;

    /** One hit as the page shows it. */
    record Hit(String source, String title, String path, String excerpt) {
    }

    /** A page of hits and how many there are in all. */
    record Hits(long total, List<Hit> hits) {
    }

    /** Who is searching: the rings they may see (besides public items) and the moment of the search. */
    record Viewer(Set<String> rings, Instant now) {
    }

    private final Path folder;
    private final Analyzer analyzer = new GermanAnalyzer();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final boolean fresh;

    /** Opens the index in {@code folder}; a missing or corrupt one is replaced by an empty one ({@link #fresh}). */
    LuceneIndex(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.directory = new NIOFSDirectory(folder);
        boolean usable = readable(directory);
        if (!usable) {
            wipe(folder);
        }
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(usable ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE);
        this.writer = new IndexWriter(directory, config);
        this.writer.commit();
        this.searchers = new SearcherManager(writer, null);
        this.fresh = !usable;
    }

    /** Was the index missing or unreadable, so that it starts empty? */
    boolean fresh() {
        return fresh;
    }

    private static boolean readable(Directory directory) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return false;
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                reader.numDocs();
                return true;
            }
        } catch (IOException | RuntimeException corrupt) {
            SearchIndex.LOG.warn("The search index is unreadable and is rebuilt: {}", corrupt.toString());
            return false;
        }
    }

    private static void wipe(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * Replaces every item of one source by these. The source is the name the service is registered under, whatever
     * the documents say, so a source can neither hide its items nor replace another's.
     */
    void replaceSource(String source, Collection<SearchDocument> documents) throws IOException {
        writer.deleteDocuments(new Term(SOURCE, source));
        for (SearchDocument document : documents) {
            writer.addDocument(toLucene(source, document));
        }
        commit();
    }

    void put(String source, SearchDocument document) throws IOException {
        writer.updateDocument(new Term(KEY, key(source, document.id())), toLucene(source, document));
        commit();
    }

    void remove(String source, String id) throws IOException {
        writer.deleteDocuments(new Term(KEY, key(source, id)));
        commit();
    }

    private void commit() throws IOException {
        writer.commit();
        searchers.maybeRefresh();
    }

    static String key(String source, String id) {
        return source + "\u0000" + id;
    }

    private static Document toLucene(String source, SearchDocument item) {
        Document document = new Document();
        document.add(new StringField(KEY, key(source, item.id()), Field.Store.NO));
        document.add(new StringField(SOURCE, source, Field.Store.YES));
        document.add(new StoredField(ID, item.id()));
        String title = item.title() == null ? "" : item.title();
        String text = item.text() == null ? "" : item.text();
        document.add(new TextField(TITLE, title, Field.Store.YES));
        document.add(new TextField(TEXT, text, Field.Store.NO));
        document.add(new StoredField(EXCERPT, excerpt(text)));
        document.add(new StoredField(PATH, item.path()));
        if (item.isPublic()) {
            document.add(new StringField(AUDIENCE, PUBLIC, Field.Store.NO));
        }
        for (String ring : item.rings()) {
            document.add(new StringField(RING, ring, Field.Store.NO));
        }
        long visibleFrom = item.visibleFrom() == null ? Long.MIN_VALUE : item.visibleFrom().toEpochMilli();
        document.add(new LongPoint(VISIBLE_FROM, visibleFrom));
        return document;
    }

    static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= EXCERPT_LENGTH) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', EXCERPT_LENGTH);
        return flat.substring(0, cut > EXCERPT_LENGTH / 2 ? cut : EXCERPT_LENGTH) + " …";
    }

    /** Every ring id some item is addressed to (to ask the access rules about). */
    Set<String> rings() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            Set<String> rings = new TreeSet<>();
            Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), RING);
            if (terms != null) {
                TermsEnum each = terms.iterator();
                for (BytesRef term; (term = each.next()) != null;) {
                    rings.add(term.utf8ToString());
                }
            }
            return rings;
        } finally {
            searchers.release(searcher);
        }
    }

    /** Parses what a person typed: never throws; null when nothing searchable is left (only stop words). */
    Query parse(String text) {
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, Map.of(TITLE, 3f, TEXT, 1f));
        parser.setDefaultOperator(Occur.MUST);
        Query query = parser.parse(text);
        return query == null || query instanceof MatchNoDocsQuery ? null : query;
    }

    /**
     * The query, restricted to what the viewer may see: public items or items of their rings, visible by now, from
     * the given (running) sources.
     */
    Hits search(Query query, Viewer viewer, Collection<String> sources, int offset, int limit) throws IOException {
        BooleanQuery.Builder audience = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(AUDIENCE, PUBLIC)), Occur.SHOULD);
        for (String ring : viewer.rings()) {
            audience.add(new TermQuery(new Term(RING, ring)), Occur.SHOULD);
        }
        BooleanQuery.Builder running = new BooleanQuery.Builder();
        for (String source : sources) {
            running.add(new TermQuery(new Term(SOURCE, source)), Occur.SHOULD);
        }
        Query filtered = new BooleanQuery.Builder()
                .add(query, Occur.MUST)
                .add(audience.setMinimumNumberShouldMatch(1).build(), Occur.FILTER)
                .add(running.setMinimumNumberShouldMatch(1).build(), Occur.FILTER)
                .add(LongPoint.newRangeQuery(VISIBLE_FROM, Long.MIN_VALUE, viewer.now().toEpochMilli()), Occur.FILTER)
                .build();
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs top = searcher.search(filtered, offset + limit);
            List<Hit> hits = new ArrayList<>();
            ScoreDoc[] docs = top.scoreDocs;
            for (int i = offset; i < docs.length; i++) {
                Document stored = searcher.storedFields().document(docs[i].doc);
                hits.add(new Hit(stored.get(SOURCE), stored.get(TITLE), stored.get(PATH), stored.get(EXCERPT)));
            }
            return new Hits(top.totalHits.value, hits);
        } finally {
            searchers.release(searcher);
        }
    }

    int size() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                IndexReader reader = searcher.getIndexReader();
                return reader.numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path folder() {
        return folder;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
