package de.ringportal.benchmark.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import javax.sql.DataSource;

import de.ringportal.benchmark.internal.KeyFigureStore.ReleaseState;
import de.ringportal.core.data.Columns;
import de.ringportal.core.data.RowMapper;
import de.ringportal.core.data.Sql;

/**
 * Reading the values ({@code kf_value}) and releasing drafts. Drafts never leave through the {@code released...}
 * methods: comparisons, charts and the report read only those.
 */
final class ValueStore {

    static final String VALUE_COLUMNS = "ags, figure_code, period, numerator, denominator, val, note, "
            + "released, released_by, synthetic, changed_by, changed_at";

    static final RowMapper<StoredValue> VALUE = row -> new StoredValue(row.getString("ags"),
            row.getString("figure_code"), row.getString("period"), nullableDouble(row, "numerator"),
            nullableDouble(row, "denominator"), row.getDouble("val"), row.getString("note"),
            row.getBoolean("released"), row.getString("released_by"), row.getBoolean("synthetic"),
            row.getString("changed_by"), row.getTimestamp("changed_at").toInstant());

    private final Sql sql;
    private final DataSource dataSource;
    private volatile Boolean synthetic;

    ValueStore(Sql sql, DataSource dataSource) {
        this.sql = sql;
        this.dataSource = dataSource;
    }

    /** The values of a municipality in a year (all periods of that year), keyed by figure code and period. */
    Map<String, StoredValue> values(String ags, int year) {
        Map<String, StoredValue> values = new LinkedHashMap<>();
        for (StoredValue value : sql.list("SELECT " + VALUE_COLUMNS + " FROM kf_value WHERE ags = ? "
                + "AND period_year = ?", VALUE, ags, year)) {
            values.put(KeyFigureStore.key(value.figureCode(), value.period()), value);
        }
        return values;
    }

    Optional<StoredValue> value(String ags, String figureCode, String period) {
        return sql.first("SELECT " + VALUE_COLUMNS + " FROM kf_value WHERE ags = ? AND figure_code = ? "
                + "AND period = ?", VALUE, ags, figureCode, period);
    }

    Map<String, StoredValue> released(String figureCode, String period, Collection<String> agsList) {
        Map<String, StoredValue> values = new LinkedHashMap<>();
        if (agsList.isEmpty()) {
            return values;
        }
        List<Object> parameters = new ArrayList<>(List.of(figureCode, period));
        parameters.addAll(agsList);
        for (StoredValue value : sql.list("SELECT " + VALUE_COLUMNS + " FROM kf_value WHERE figure_code = ? "
                + "AND period = ? AND released = TRUE AND ags IN (" + Sql.placeholders(agsList.size()) + ")", VALUE,
                parameters.toArray())) {
            values.put(value.ags(), value);
        }
        return values;
    }

    private record Point(String ags, String period, double value) {
    }

    Map<String, Map<String, Double>> releasedSeries(String figureCode, Collection<String> periods,
            Collection<String> agsList) {
        Map<String, Map<String, Double>> series = new TreeMap<>();
        if (agsList.isEmpty() || periods.isEmpty()) {
            return series;
        }
        List<Object> parameters = new ArrayList<>(List.of(figureCode));
        parameters.addAll(periods);
        parameters.addAll(agsList);
        for (Point point : sql.list("SELECT ags, period, val FROM kf_value WHERE figure_code = ? AND released = TRUE "
                + "AND period IN (" + Sql.placeholders(periods.size()) + ") AND ags IN ("
                + Sql.placeholders(agsList.size()) + ")", row -> new Point(row.getString(1), row.getString(2),
                        row.getDouble(3)), parameters.toArray())) {
            series.computeIfAbsent(point.period(), p -> new HashMap<>()).put(point.ags(), point.value());
        }
        return series;
    }

    Map<String, Double> releasedAll(String figureCode, String period) {
        Map<String, Double> values = new HashMap<>();
        for (Point point : sql.list("SELECT ags, period, val FROM kf_value WHERE figure_code = ? AND period = ? "
                + "AND released = TRUE", row -> new Point(row.getString(1), row.getString(2), row.getDouble(3)),
                figureCode, period)) {
            values.put(point.ags(), point.value());
        }
        return values;
    }

    /** Kept until {@link #forgetSynthetic()}: asked on many pages. */
    boolean anySynthetic() {
        Boolean known = synthetic;
        if (known == null) {
            known = sql.first("SELECT 1 FROM kf_value WHERE synthetic = TRUE FETCH FIRST 1 ROWS ONLY",
                    row -> true).isPresent();
            synthetic = known;
        }
        return known;
    }

    /** After every write of values: the next {@link #anySynthetic()} asks the database again. */
    void forgetSynthetic() {
        synthetic = null;
    }

    int release(String ags, int year, String user) {
        return sql.update("UPDATE kf_value SET released = TRUE, released_by = ?, released_at = ? WHERE ags = ? "
                + "AND period_year = ? AND released = FALSE", user, Instant.now(), ags, year);
    }

    private record State(String ags, ReleaseState state) {
    }

    Map<String, ReleaseState> releaseStates(Collection<String> agsList, int year) {
        Map<String, ReleaseState> states = new HashMap<>();
        if (agsList.isEmpty()) {
            return states;
        }
        List<Object> parameters = new ArrayList<>(List.of(year));
        parameters.addAll(agsList);
        for (State state : sql.list("SELECT ags, COUNT(*), SUM(CASE WHEN released THEN 0 ELSE 1 END), "
                + "MAX(released_at) FROM kf_value WHERE period_year = ? AND ags IN ("
                + Sql.placeholders(agsList.size()) + ") GROUP BY ags", row -> new State(row.getString(1),
                        new ReleaseState(row.getInt(2), row.getInt(3), Columns.instant(row, 4))),
                parameters.toArray())) {
            states.put(state.ags(), state.state());
        }
        return states;
    }

    /**
     * Streams the values (of one municipality, or of all when {@code ags} is null) in order. The one read on a
     * connection of its own: an export of every value is read row by row, and {@link Sql} lists whole results.
     */
    void forEachValue(String ags, Consumer<StoredValue> consumer) {
        String query = "SELECT " + VALUE_COLUMNS + " FROM kf_value" + (ags == null ? "" : " WHERE ags = ?")
                + " ORDER BY ags, figure_code, period";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(query)) {
            if (ags != null) {
                statement.setString(1, ags);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(VALUE.map(rows));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    private record YearAgs(int year, String ags) {
    }

    Map<Integer, Set<String>> municipalitiesByYear() {
        Map<Integer, Set<String>> byYear = new HashMap<>();
        for (YearAgs found : sql.list("SELECT DISTINCT period_year, ags FROM kf_value",
                row -> new YearAgs(row.getInt(1), row.getString(2)))) {
            byYear.computeIfAbsent(found.year(), year -> new HashSet<>()).add(found.ags());
        }
        return byYear;
    }

    Optional<int[]> syntheticYears() {
        // MIN of no rows is one row of NULLs
        return sql.list("SELECT MIN(period_year), MAX(period_year) FROM kf_value WHERE synthetic = TRUE", row -> {
            Integer first = Columns.nullableInt(row, 1);
            return first == null ? null : new int[] {first, row.getInt(2)};
        }).stream().filter(Objects::nonNull).findFirst();
    }

    List<Integer> years() {
        return sql.list("SELECT DISTINCT period_year FROM kf_value ORDER BY period_year DESC", row -> row.getInt(1));
    }

    static Double nullableDouble(ResultSet row, int column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    static Double nullableDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }
}
