package de.ringportal.municipalities.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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
import de.ringportal.core.format.GermanDates;
import de.ringportal.municipalities.api.Municipalities;
import de.ringportal.municipalities.api.Municipality;

/**
 * The registry in the database, with an in-memory snapshot of all rows (about 120) that every read uses and every
 * write replaces. On the first start the table is empty and is filled from the bundled seed file
 * ({@code data/optionskommunen.csv}), through the same validation as an import.
 */
@Component(service = { Municipalities.class, Registry.class })
public class Registry implements Municipalities {

    static final String SEED = "data/optionskommunen.csv";
    private static final Logger LOG = LoggerFactory.getLogger(Registry.class);
    private static final String COLUMNS = "ags, name, type, state, admitted_year, since_date, until_date, "
            + "successor_ags, komtrzv_2012, area_note, former_names, evidence, source";

    /** Everything at one moment; {@code version} grows with every write, so caches can tell they are stale. */
    public record Snapshot(long version, List<Entry> all, Map<String, Entry> byAgs, Map<String, Integer> rank,
            Map<String, List<Change>> changes) {
    }

    /** A change an editor made, for the detail page's history. */
    public record Change(Instant at, String kind, String detail, String actor) {

        /** Berlin time, as the pages show it. */
        public String when() {
            return java.time.format.DateTimeFormatter.ofPattern("d.M.yyyy HH:mm")
                    .format(at.atZone(GermanDates.BERLIN));
        }
    }

    private final DataSource dataSource;
    private volatile Snapshot snapshot;

    @Activate
    public Registry(@Reference DataSource dataSource,
            @Reference(target = "(" + ModuleSchema.NAME + "=municipalities)") ModuleSchema schema) {
        this(dataSource, () -> Registry.class.getClassLoader().getResourceAsStream(SEED));
    }

    Registry(DataSource dataSource, Supplier<InputStream> seed) {
        this.dataSource = dataSource;
        seedIfEmpty(seed);
        this.snapshot = load(0);
    }

    public Snapshot snapshot() {
        return snapshot;
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

    private void seedIfEmpty(Supplier<InputStream> seed) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM muni_municipality");
                ResultSet rows = count.executeQuery()) {
            rows.next();
            if (rows.getInt(1) > 0) {
                return;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the municipality registry", e);
        }
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
        replaceAll(seedData.entries(), "Erstbefüllung", "system");
        LOG.info("Municipality registry seeded with {} units from {}", seedData.entries().size(), SEED);
    }

    /** Replaces the whole registry in one transaction (an import, or the seed). */
    public void replaceAll(List<Entry> entries, String reason, String actor) {
        write(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM muni_municipality")) {
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO muni_municipality (" + COLUMNS
                    + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Entry entry : entries) {
                    bind(insert, entry);
                    insert.setTimestamp(14, Timestamp.from(Instant.now()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            log(connection, "*", "import", reason + ": " + entries.size() + " Einträge", actor);
        });
    }

    /** Stores the edited fields of one unit. */
    public void update(Entry entry, String detail, String actor) {
        write(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE muni_municipality SET ags = ?, "
                    + "name = ?, type = ?, state = ?, admitted_year = ?, since_date = ?, until_date = ?, "
                    + "successor_ags = ?, komtrzv_2012 = ?, area_note = ?, former_names = ?, evidence = ?, source = ?, "
                    + "updated_at = ? WHERE ags = ?")) {
                bind(update, entry);
                update.setTimestamp(14, Timestamp.from(Instant.now()));
                update.setString(15, entry.ags());
                if (update.executeUpdate() != 1) {
                    throw new SQLException("No unit " + entry.ags());
                }
            }
            log(connection, entry.ags(), "edit", detail, actor);
        });
    }

    /** A merger: each predecessor ends on {@code lastDay} and becomes part of {@code successor}. */
    public void recordMerger(List<String> predecessors, String successor, LocalDate lastDay, String actor) {
        write(connection -> {
            for (String ags : predecessors) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE muni_municipality SET "
                        + "until_date = ?, successor_ags = ?, updated_at = ? WHERE ags = ?")) {
                    update.setDate(1, Date.valueOf(lastDay));
                    update.setString(2, successor);
                    update.setTimestamp(3, Timestamp.from(Instant.now()));
                    update.setString(4, ags);
                    update.executeUpdate();
                }
                log(connection, ags, "merger", "Aufgegangen in " + successor + " mit Ablauf des " + lastDay, actor);
            }
            log(connection, successor, "merger", "Aufgenommen: " + String.join(", ", predecessors) + " (mit Ablauf des "
                    + lastDay + ")", actor);
        });
    }

    /** A rename: the old name joins the former names, with the day of the change. */
    public void rename(String ags, String newName, LocalDate day, String actor) {
        Entry entry = entry(ags).orElseThrow();
        String former = entry.name() + " (bis " + day.minusDays(1) + ")";
        String formerNames = entry.formerNames() == null ? former : entry.formerNames() + "; " + former;
        write(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE muni_municipality SET name = ?, "
                    + "former_names = ?, updated_at = ? WHERE ags = ?")) {
                update.setString(1, newName);
                update.setString(2, formerNames.length() > 1000 ? formerNames.substring(0, 1000) : formerNames);
                update.setTimestamp(3, Timestamp.from(Instant.now()));
                update.setString(4, ags);
                update.executeUpdate();
            }
            log(connection, ags, "rename", "Umbenannt von „" + entry.name() + "“ in „" + newName + "“ ab " + day, actor);
        });
    }

    /** The changes editors made to this unit, oldest first (kept with the snapshot: pages read no table for them). */
    public List<Change> changes(String ags) {
        return snapshot.changes().getOrDefault(ags, List.of());
    }

    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    private synchronized void write(Work work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the municipality registry", e);
        }
        Snapshot before = snapshot;
        snapshot = load(before == null ? 1 : before.version() + 1);
    }

    private static void log(Connection connection, String ags, String kind, String detail, String actor)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO muni_change (ags, changed_at, kind, "
                + "detail, actor) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, ags);
            insert.setTimestamp(2, Timestamp.from(Instant.now()));
            insert.setString(3, kind);
            insert.setString(4, detail.length() > 1000 ? detail.substring(0, 1000) : detail);
            insert.setString(5, actor.length() > 64 ? actor.substring(0, 64) : actor);
            insert.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Entry e) throws SQLException {
        statement.setString(1, e.ags());
        statement.setString(2, e.name());
        statement.setString(3, e.type());
        statement.setString(4, e.state());
        if (e.admittedYear() == null) {
            statement.setNull(5, Types.INTEGER);
        } else {
            statement.setInt(5, e.admittedYear());
        }
        statement.setDate(6, e.since() == null ? null : Date.valueOf(e.since()));
        statement.setDate(7, e.until() == null ? null : Date.valueOf(e.until()));
        statement.setString(8, e.successorAgs());
        if (e.komtrzv2012() == null) {
            statement.setNull(9, Types.BOOLEAN);
        } else {
            statement.setBoolean(9, e.komtrzv2012());
        }
        statement.setString(10, e.areaNote());
        statement.setString(11, e.formerNames());
        statement.setString(12, e.evidence());
        statement.setString(13, e.source());
    }

    private Snapshot load(long version) {
        List<Entry> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM muni_municipality");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                int year = rows.getInt(5);
                Integer admitted = rows.wasNull() ? null : year;
                Date since = rows.getDate(6);
                Date until = rows.getDate(7);
                boolean listed = rows.getBoolean(9);
                Boolean komtrzv = rows.wasNull() ? null : listed;
                entries.add(new Entry(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        admitted, since == null ? null : since.toLocalDate(), until == null ? null : until.toLocalDate(),
                        rows.getString(8), komtrzv, rows.getString(10), rows.getString(11), rows.getString(12),
                        rows.getString(13)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the municipality registry", e);
        }
        Collator german = Collator.getInstance(Locale.GERMAN);
        entries.sort(Comparator.comparing(Entry::name, german).thenComparing(Entry::ags));
        Map<String, Entry> byAgs = new LinkedHashMap<>();
        Map<String, Integer> rank = new LinkedHashMap<>();
        entries.forEach(e -> {
            byAgs.put(e.ags(), e);
            rank.put(e.ags(), rank.size());
        });
        return new Snapshot(version, List.copyOf(entries), Map.copyOf(byAgs), Map.copyOf(rank), loadChanges());
    }

    private Map<String, List<Change>> loadChanges() {
        Map<String, List<Change>> changes = new java.util.HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT ags, changed_at, kind, detail, actor "
                        + "FROM muni_change ORDER BY id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                changes.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(new Change(
                        rows.getTimestamp(2).toInstant(), rows.getString(3), rows.getString(4), rows.getString(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the registry's changes", e);
        }
        Map<String, List<Change>> frozen = new java.util.HashMap<>();
        changes.forEach((ags, list) -> frozen.put(ags, List.copyOf(list)));
        return Map.copyOf(frozen);
    }
}
