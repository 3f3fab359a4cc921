package de.ringportal.municipalities.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.data.Columns;
import de.ringportal.core.data.RowMapper;
import de.ringportal.core.data.Sql;
import de.ringportal.core.data.Work;
import de.ringportal.core.format.GermanDates;
import de.ringportal.municipalities.api.Municipalities;
import de.ringportal.municipalities.api.Municipality;

/**
 * The registry in the database, with an in-memory snapshot of all rows (about 120) that every read uses and every
 * write ({@link RegistryWrites}) replaces. On the first start the table is empty and is filled from the bundled seed
 * file ({@code data/optionskommunen.csv}), through the same validation as an import.
 */
@Component(service = { Municipalities.class, Registry.class })
public class Registry implements Municipalities {

    static final String SEED = "data/optionskommunen.csv";
    private static final Logger LOG = LoggerFactory.getLogger(Registry.class);
    private static final RowMapper<Entry> ENTRY = row -> new Entry(row.getString(1), row.getString(2),
            row.getString(3), row.getString(4), Columns.nullableInt(row, 5), Columns.localDate(row, 6),
            Columns.localDate(row, 7), row.getString(8), nullableBoolean(row.getBoolean(9), row.wasNull()),
            row.getString(10), row.getString(11), row.getString(12), row.getString(13));
    private static final RowMapper<Map.Entry<String, Change>> CHANGE = row -> Map.entry(row.getString(1),
            new Change(Columns.instant(row, 2), row.getString(3), row.getString(4), row.getString(5)));

    /** Everything at one moment; {@code version} grows with every write, so caches can tell they are stale. */
    public record Snapshot(long version, List<Entry> all, Map<String, Entry> byAgs, Map<String, Integer> rank,
            Map<String, List<Change>> changes) {
    }

    /** A change an editor made, for the detail page's history. */
    public record Change(Instant at, String kind, String detail, String actor) {

        /** Berlin time, as the pages show it: "24.11.2026, 14:05 Uhr". */
        public String when() {
            return GermanDates.dateTime(at);
        }
    }

    private final Sql sql;
    private final RegistryWrites writes = new RegistryWrites(this);
    private volatile Snapshot snapshot;

    @Activate
    public Registry(@Reference DataSource dataSource,
            @Reference(target = "(" + ModuleSchema.NAME + "=municipalities)") ModuleSchema schema) {
        this(dataSource, () -> Registry.class.getClassLoader().getResourceAsStream(SEED));
    }

    Registry(DataSource dataSource, Supplier<InputStream> seed) {
        this.sql = Sql.over(dataSource);
        this.snapshot = load(0);
        if (snapshot.all().isEmpty()) {
            seed(seed);
        }
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** Imports, edits, mergers and renames. */
    public RegistryWrites writes() {
        return writes;
    }

    @Override
    public List<Municipality> all() {
        return snapshot.all().stream().map(Entry::municipality).toList();
    }

    @Override
    public Optional<Municipality> byAgs(String ags) {
        return entry(ags).map(Entry::municipality);
    }

    public Optional<Entry> entry(String ags) {
        return ags == null ? Optional.empty() : Optional.ofNullable(snapshot.byAgs().get(ags));
    }

    @Override
    public List<Municipality> activeOn(LocalDate day) {
        return snapshot.all().stream()
                .filter(e -> e.admittedOn() != null && !e.admittedOn().isAfter(day) && e.existsOn(day))
                .map(Entry::municipality).toList();
    }

    /** Units that merged into this one. */
    public List<Entry> predecessorsOf(String ags) {
        return snapshot.all().stream().filter(e -> ags.equals(e.successorAgs())).toList();
    }

    /** The changes editors made to this unit, oldest first (kept with the snapshot: pages read no table for them). */
    public List<Change> changes(String ags) {
        return snapshot.changes().getOrDefault(ags, List.of());
    }

    /** Runs one write (one at a time, so that each snapshot follows the one before), then reads the new snapshot. */
    synchronized void write(Work<?> work) {
        sql.write(work);
        snapshot = load(snapshot == null ? 1 : snapshot.version() + 1);
    }

    private void seed(Supplier<InputStream> seed) {
        byte[] bytes;
        try (InputStream in = seed.get()) {
            if (in == null) {
                throw new IllegalStateException(SEED + " is missing from the bundle");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RegistryCsv.Result seedData = RegistryCsv.read(bytes);
        if (!seedData.valid()) {
            throw new IllegalStateException("The bundled seed file is invalid: " + seedData.problems());
        }
        writes.replaceAll(seedData.entries(), "Erstbefüllung", "system");
        LOG.info("Municipality registry seeded with {} units from {}", seedData.entries().size(), SEED);
    }

    private Snapshot load(long version) {
        List<Entry> entries = new ArrayList<>(sql.list("SELECT " + RegistryWrites.COLUMNS
                + " FROM muni_municipality", ENTRY));
        Collator german = Collator.getInstance(Locale.GERMAN);
        entries.sort(Comparator.comparing(Entry::name, german).thenComparing(Entry::ags));
        Map<String, Entry> byAgs = new LinkedHashMap<>();
        Map<String, Integer> rank = new LinkedHashMap<>();
        entries.forEach(e -> {
            byAgs.put(e.ags(), e);
            rank.put(e.ags(), rank.size());
        });
        Map<String, List<Change>> changes = new HashMap<>();
        sql.list("SELECT ags, changed_at, kind, detail, actor FROM muni_change ORDER BY id", CHANGE)
                .forEach(c -> changes.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(c.getValue()));
        changes.replaceAll((ags, list) -> List.copyOf(list));
        return new Snapshot(version, List.copyOf(entries), Map.copyOf(byAgs), Map.copyOf(rank), Map.copyOf(changes));
    }

    private static Boolean nullableBoolean(boolean value, boolean wasNull) {
        return wasNull ? null : value;
    }
}
