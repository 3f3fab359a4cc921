package de.ringportal.benchmark.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.benchmark.internal.Figure.Better;
import de.ringportal.benchmark.internal.Figure.Kind;
import de.ringportal.benchmark.internal.Figure.Periodicity;
import de.ringportal.core.api.ModuleSchema;

/**
 * The catalogue, the values with their history and release state, in the module's tables. Every write runs in one
 * transaction: a save or an import is stored completely or not at all.
 */
@Component(service = KeyFigureStore.class)
public class KeyFigureStore {

    /** Rows per JDBC batch of an import. */
    static final int BATCH = 1000;

    private static final String VALUE_COLUMNS = "ags, figure_code, period, numerator, denominator, val, note, "
            + "released, released_by, synthetic, changed_by, changed_at";

    private final DataSource dataSource;
    private volatile Boolean synthetic;

    @Activate
    public KeyFigureStore(@Reference DataSource dataSource,
            @Reference(target = "(" + ModuleSchema.NAME + "=benchmark)") ModuleSchema schema) {
        this(dataSource);
    }

    KeyFigureStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One value to write: the result of the plausibility check for a figure and period. */
    public record Change(String figureCode, String period, Double numerator, Double denominator, double value,
            String note) {
    }

    /** A line of the history. */
    public record HistoryEntry(String figureCode, String period, Double oldValue, double newValue, String note,
            String changedBy, Instant changedAt, String source) {
    }

    /** Release state of one municipality for a year: values entered and how many of them are drafts. */
    public record ReleaseState(int values, int drafts, Instant lastRelease) {
    }

    // ---------------------------------------------------------------- catalogue

    public List<Figure> figures() {
        List<Figure> figures = new ArrayList<>();
        query("SELECT * FROM kf_figure ORDER BY sort_order, code", List.of(), rows -> figures.add(figure(rows)));
        return figures;
    }

    public Optional<Figure> figure(String code) {
        List<Figure> found = new ArrayList<>();
        query("SELECT * FROM kf_figure WHERE code = ?", List.of(code), rows -> found.add(figure(rows)));
        return found.stream().findFirst();
    }

    /** Inserts a new figure or updates an existing one (by code). */
    public void saveFigure(Figure figure) {
        boolean exists = figure(figure.code()).isPresent();
        String sql = exists
                ? "UPDATE kf_figure SET name = ?, goal = ?, numerator = ?, denominator = ?, unit = ?, better = ?, "
                        + "period = ?, source = ?, kind = ?, factor = ?, min_value = ?, max_value = ?, sort_order = ? "
                        + "WHERE code = ?"
                : "INSERT INTO kf_figure (name, goal, numerator, denominator, unit, better, period, source, kind, "
                        + "factor, min_value, max_value, sort_order, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, figure.name());
            statement.setString(2, figure.goal());
            statement.setString(3, figure.numerator());
            statement.setString(4, figure.denominator());
            statement.setString(5, figure.unit());
            statement.setString(6, figure.better().name());
            statement.setString(7, figure.period().name());
            statement.setString(8, figure.source());
            statement.setString(9, figure.kind().name());
            statement.setDouble(10, figure.factor());
            statement.setDouble(11, figure.min());
            statement.setDouble(12, figure.max());
            statement.setInt(13, figure.sortOrder());
            statement.setString(14, figure.code());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot save figure " + figure.code(), e);
        }
    }

    private static Figure figure(ResultSet rows) throws SQLException {
        return new Figure(rows.getString("code"), rows.getString("name"), rows.getString("goal"),
                rows.getString("numerator"), rows.getString("denominator"), rows.getString("unit"),
                Better.valueOf(rows.getString("better")), Periodicity.valueOf(rows.getString("period")),
                rows.getString("source"), Kind.valueOf(rows.getString("kind")), rows.getDouble("factor"),
                rows.getDouble("min_value"), rows.getDouble("max_value"), rows.getInt("sort_order"));
    }

    // ---------------------------------------------------------------- values

    /** The values of a municipality in a year (all periods of that year), keyed by figure code and period. */
    public Map<String, StoredValue> values(String ags, int year) {
        Map<String, StoredValue> values = new LinkedHashMap<>();
        query("SELECT " + VALUE_COLUMNS + " FROM kf_value WHERE ags = ? AND period_year = ?", List.of(ags, year),
                rows -> {
                    StoredValue value = value(rows);
                    values.put(key(value.figureCode(), value.period()), value);
                });
        return values;
    }

    public static String key(String figureCode, String period) {
        return figureCode + "|" + period;
    }

    /** The stored value of one figure and period, draft or released. */
    public Optional<StoredValue> value(String ags, String figureCode, String period) {
        List<StoredValue> found = new ArrayList<>();
        query("SELECT " + VALUE_COLUMNS + " FROM kf_value WHERE ags = ? AND figure_code = ? AND period = ?",
                List.of(ags, figureCode, period), rows -> found.add(value(rows)));
        return found.stream().findFirst();
    }

    /** Released values of one figure and period for these municipalities, by AGS. Drafts never leave here. */
    public Map<String, StoredValue> released(String figureCode, String period, Collection<String> agsList) {
        Map<String, StoredValue> values = new LinkedHashMap<>();
        if (agsList.isEmpty()) {
            return values;
        }
        List<Object> parameters = new ArrayList<>(List.of(figureCode, period));
        parameters.addAll(agsList);
        query("SELECT " + VALUE_COLUMNS + " FROM kf_value WHERE figure_code = ? AND period = ? AND released = TRUE "
                + "AND ags IN (" + placeholders(agsList.size()) + ")", parameters,
                rows -> {
                    StoredValue value = value(rows);
                    values.put(value.ags(), value);
                });
        return values;
    }

    /** Released values of one figure in these periods, for these municipalities: period → AGS → value. */
    public Map<String, Map<String, Double>> releasedSeries(String figureCode, Collection<String> periods,
            Collection<String> agsList) {
        Map<String, Map<String, Double>> series = new TreeMap<>();
        if (agsList.isEmpty() || periods.isEmpty()) {
            return series;
        }
        List<Object> parameters = new ArrayList<>(List.of(figureCode));
        parameters.addAll(periods);
        parameters.addAll(agsList);
        query("SELECT ags, period, val FROM kf_value WHERE figure_code = ? AND released = TRUE AND period IN ("
                + placeholders(periods.size()) + ") AND ags IN (" + placeholders(agsList.size()) + ")", parameters,
                rows -> series.computeIfAbsent(rows.getString(2), p -> new HashMap<>())
                        .put(rows.getString(1), rows.getDouble(3)));
        return series;
    }

    /** Released values of every municipality for one figure and period (the public view's base): AGS → value. */
    public Map<String, Double> releasedAll(String figureCode, String period) {
        Map<String, Double> values = new HashMap<>();
        query("SELECT ags, val FROM kf_value WHERE figure_code = ? AND period = ? AND released = TRUE",
                List.of(figureCode, period), rows -> values.put(rows.getString(1), rows.getDouble(2)));
        return values;
    }

    /**
     * Is there synthetic demo data among the values? Pages that show values then say so. Asked on many pages, so the
     * answer is kept until the next write.
     */
    public boolean anySynthetic() {
        Boolean known = synthetic;
        if (known == null) {
            List<Boolean> found = new ArrayList<>();
            query("SELECT 1 FROM kf_value WHERE synthetic = TRUE FETCH FIRST 1 ROWS ONLY", List.of(),
                    rows -> found.add(true));
            known = !found.isEmpty();
            synthetic = known;
        }
        return known;
    }

    /**
     * Saves the changes of one municipality in one transaction: each changed value becomes a draft again and gets
     * a history line with the value it replaces. Unchanged values (same number and comment) are left alone.
     */
    public int save(String ags, List<Change> changes, String user, String source) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int written = write(connection, ags, changes, user, source, false);
                connection.commit();
                synthetic = null;
                return written;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot save values of " + ags, e);
        }
    }

    /** One row of an import: a change for one municipality. */
    public record ImportRow(String ags, Change change) {
    }

    /**
     * Writes validated import rows in one transaction, in JDBC batches: all or nothing. The rows' municipalities'
     * existing values are read first, so each row is an insert or an update without a query of its own.
     */
    public int importRows(List<ImportRow> rows, String user, boolean synthetic) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Map<String, List<Change>> byAgs = new LinkedHashMap<>();
                for (ImportRow row : rows) {
                    byAgs.computeIfAbsent(row.ags(), a -> new ArrayList<>()).add(row.change());
                }
                int written = 0;
                for (Map.Entry<String, List<Change>> entry : byAgs.entrySet()) {
                    written += write(connection, entry.getKey(), entry.getValue(), user,
                            synthetic ? "demo" : "import", synthetic);
                }
                connection.commit();
                this.synthetic = null;
                return written;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot import values", e);
        }
    }

    private int write(Connection connection, String ags, List<Change> changes, String user, String source,
            boolean synthetic) throws SQLException {
        Map<String, Double[]> existing = new HashMap<>();
        Map<String, String> existingNotes = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT figure_code, period, val, note FROM kf_value WHERE ags = ?")) {
            select.setString(1, ags);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String key = key(rows.getString(1), rows.getString(2));
                    existing.put(key, new Double[] {rows.getDouble(3)});
                    existingNotes.put(key, rows.getString(4));
                }
            }
        }
        Timestamp now = Timestamp.from(Instant.now());
        int written = 0;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO kf_value (ags, figure_code, period, "
                + "period_year, numerator, denominator, val, note, released, released_by, released_at, synthetic, "
                + "changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement update = connection.prepareStatement("UPDATE kf_value SET numerator = ?, "
                        + "denominator = ?, val = ?, note = ?, released = ?, released_by = ?, released_at = ?, "
                        + "synthetic = ?, changed_by = ?, changed_at = ? WHERE ags = ? AND figure_code = ? AND period = ?");
                PreparedStatement history = connection.prepareStatement("INSERT INTO kf_history (ags, figure_code, "
                        + "period, old_value, new_value, note, changed_by, changed_at, source) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (Change change : changes) {
                String key = key(change.figureCode(), change.period());
                Double[] old = existing.get(key);
                String note = change.note() == null || change.note().isEmpty() ? null : change.note();
                if (old != null && Double.compare(old[0], change.value()) == 0
                        && java.util.Objects.equals(existingNotes.get(key), note)) {
                    continue;
                }
                // demo data is released at once; everything a person enters or imports is a draft until released
                boolean released = synthetic;
                if (old == null) {
                    insert.setString(1, ags);
                    insert.setString(2, change.figureCode());
                    insert.setString(3, change.period());
                    insert.setInt(4, Periods.yearOf(change.period()));
                    setDouble(insert, 5, change.numerator());
                    setDouble(insert, 6, change.denominator());
                    insert.setDouble(7, change.value());
                    insert.setString(8, note);
                    insert.setBoolean(9, released);
                    insert.setString(10, released ? user : null);
                    insert.setTimestamp(11, released ? now : null);
                    insert.setBoolean(12, synthetic);
                    insert.setString(13, user);
                    insert.setTimestamp(14, now);
                    insert.addBatch();
                    existing.put(key, new Double[] {change.value()});
                } else {
                    setDouble(update, 1, change.numerator());
                    setDouble(update, 2, change.denominator());
                    update.setDouble(3, change.value());
                    update.setString(4, note);
                    update.setBoolean(5, released);
                    update.setString(6, released ? user : null);
                    update.setTimestamp(7, released ? now : null);
                    update.setBoolean(8, synthetic);
                    update.setString(9, user);
                    update.setTimestamp(10, now);
                    update.setString(11, ags);
                    update.setString(12, change.figureCode());
                    update.setString(13, change.period());
                    update.addBatch();
                }
                history.setString(1, ags);
                history.setString(2, change.figureCode());
                history.setString(3, change.period());
                setDouble(history, 4, old == null ? null : old[0]);
                history.setDouble(5, change.value());
                history.setString(6, note);
                history.setString(7, user);
                history.setTimestamp(8, now);
                history.setString(9, source);
                history.addBatch();
                written++;
                if (++pending == BATCH) {
                    insert.executeBatch();
                    update.executeBatch();
                    history.executeBatch();
                    pending = 0;
                }
            }
            insert.executeBatch();
            update.executeBatch();
            history.executeBatch();
        }
        return written;
    }

    /** Releases every draft of the municipality in that year; returns how many values were released. */
    public int release(String ags, int year, String user) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE kf_value SET released = TRUE, "
                        + "released_by = ?, released_at = ? WHERE ags = ? AND period_year = ? AND released = FALSE")) {
            update.setString(1, user);
            update.setTimestamp(2, Timestamp.from(Instant.now()));
            update.setString(3, ags);
            update.setInt(4, year);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot release values of " + ags, e);
        }
    }

    /** Release state per municipality for a year; municipalities without any value are missing from the map. */
    public Map<String, ReleaseState> releaseStates(Collection<String> agsList, int year) {
        Map<String, ReleaseState> states = new HashMap<>();
        if (agsList.isEmpty()) {
            return states;
        }
        List<Object> parameters = new ArrayList<>(List.of(year));
        parameters.addAll(agsList);
        query("SELECT ags, COUNT(*), SUM(CASE WHEN released THEN 0 ELSE 1 END), MAX(released_at) FROM kf_value "
                + "WHERE period_year = ? AND ags IN (" + placeholders(agsList.size()) + ") GROUP BY ags", parameters,
                rows -> {
                    Timestamp last = rows.getTimestamp(4);
                    states.put(rows.getString(1), new ReleaseState(rows.getInt(2), rows.getInt(3),
                            last == null ? null : last.toInstant()));
                });
        return states;
    }

    /** The history of a municipality's values in a year, newest first. */
    public List<HistoryEntry> history(String ags, int year, int offset, int limit) {
        List<HistoryEntry> entries = new ArrayList<>();
        query("SELECT figure_code, period, old_value, new_value, note, changed_by, changed_at, source FROM kf_history "
                + "WHERE ags = ? AND period LIKE ? ORDER BY changed_at DESC, id DESC OFFSET " + Math.max(0, offset)
                + " ROWS FETCH NEXT " + Math.max(1, limit) + " ROWS ONLY", List.of(ags, year + "%"),
                rows -> {
                    double old = rows.getDouble(3);
                    Double oldValue = rows.wasNull() ? null : old;
                    entries.add(new HistoryEntry(rows.getString(1), rows.getString(2), oldValue, rows.getDouble(4),
                            rows.getString(5), rows.getString(6), rows.getTimestamp(7).toInstant(), rows.getString(8)));
                });
        return entries;
    }

    public int historyCount(String ags, int year) {
        List<Integer> count = new ArrayList<>();
        query("SELECT COUNT(*) FROM kf_history WHERE ags = ? AND period LIKE ?", List.of(ags, year + "%"),
                rows -> count.add(rows.getInt(1)));
        return count.get(0);
    }

    /** Streams the values (of one municipality, or of all when {@code ags} is null), ordered, to the consumer. */
    public void forEachValue(String ags, Consumer<StoredValue> consumer) {
        String where = ags == null ? "" : " WHERE ags = ?";
        query("SELECT " + VALUE_COLUMNS + " FROM kf_value" + where + " ORDER BY ags, figure_code, period",
                ags == null ? List.of() : List.of(ags), rows -> consumer.accept(value(rows)));
    }

    /** The municipalities that have any value (synthetic or entered) per year: year → AGS. */
    public Map<Integer, Set<String>> municipalitiesByYear() {
        Map<Integer, Set<String>> byYear = new HashMap<>();
        query("SELECT DISTINCT period_year, ags FROM kf_value", List.of(),
                rows -> byYear.computeIfAbsent(rows.getInt(1), year -> new HashSet<>()).add(rows.getString(2)));
        return byYear;
    }

    /** The first and last year of the synthetic demo values; empty when there are none. */
    public Optional<int[]> syntheticYears() {
        List<int[]> found = new ArrayList<>();
        query("SELECT MIN(period_year), MAX(period_year) FROM kf_value WHERE synthetic = TRUE", List.of(), rows -> {
            int first = rows.getInt(1);
            if (!rows.wasNull()) {
                found.add(new int[] {first, rows.getInt(2)});
            }
        });
        return found.stream().findFirst();
    }

    /** Years that have values, newest first. */
    public List<Integer> years() {
        List<Integer> years = new ArrayList<>();
        query("SELECT DISTINCT period_year FROM kf_value ORDER BY period_year DESC", List.of(),
                rows -> years.add(rows.getInt(1)));
        return years;
    }

    private static StoredValue value(ResultSet rows) throws SQLException {
        double numerator = rows.getDouble("numerator");
        Double numeratorValue = rows.wasNull() ? null : numerator;
        double denominator = rows.getDouble("denominator");
        Double denominatorValue = rows.wasNull() ? null : denominator;
        Timestamp changed = rows.getTimestamp("changed_at");
        return new StoredValue(rows.getString("ags"), rows.getString("figure_code"), rows.getString("period"),
                numeratorValue, denominatorValue, rows.getDouble("val"), rows.getString("note"),
                rows.getBoolean("released"), rows.getString("released_by"), rows.getBoolean("synthetic"),
                rows.getString("changed_by"), changed.toInstant());
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private interface RowHandler {
        void handle(ResultSet rows) throws SQLException;
    }

    private void query(String sql, List<?> parameters, RowHandler handler) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    handler.handle(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
