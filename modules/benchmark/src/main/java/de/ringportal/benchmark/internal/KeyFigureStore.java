package de.ringportal.benchmark.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.data.Sql;

/**
 * The module's one store service, a facade over its parts: the catalogue ({@link CatalogueStore}), reading and
 * releasing values ({@link ValueStore}), writing them with their history ({@link ValueWriter}) and reading the
 * history ({@link ValueHistory}). It keeps the pages on one reference and empties the values' cache after writes.
 */
@Component(service = KeyFigureStore.class)
public class KeyFigureStore {

    private final CatalogueStore catalogue;
    private final ValueStore values;
    private final ValueWriter writer;
    private final ValueHistory history;

    @Activate
    public KeyFigureStore(@Reference DataSource dataSource,
            @Reference(target = "(" + ModuleSchema.NAME + "=benchmark)") ModuleSchema schema) {
        this(dataSource);
    }

    KeyFigureStore(DataSource dataSource) {
        Sql sql = Sql.over(dataSource);
        this.catalogue = new CatalogueStore(sql);
        this.values = new ValueStore(sql, dataSource);
        this.writer = new ValueWriter(sql);
        this.history = new ValueHistory(sql);
    }

    /** One value to write: the result of the plausibility check for a figure and period. */
    public record Change(String figureCode, String period, Double numerator, Double denominator, double value,
            String note) {
    }

    /** One row of an import: a change for one municipality. */
    public record ImportRow(String ags, Change change) {
    }

    /** A line of the history. */
    public record HistoryEntry(String figureCode, String period, Double oldValue, double newValue, String note,
            String changedBy, Instant changedAt, String source) {
    }

    /** Release state of one municipality for a year: values entered and how many of them are drafts. */
    public record ReleaseState(int values, int drafts, Instant lastRelease) {
    }

    /** The key of {@link #values(String, int)}: figure code and period. */
    public static String key(String figureCode, String period) {
        return figureCode + "|" + period;
    }

    public List<Figure> figures() {
        return catalogue.figures();
    }

    public Optional<Figure> figure(String code) {
        return catalogue.figure(code);
    }

    /** Inserts a new figure or updates an existing one (by code). */
    public void saveFigure(Figure figure) {
        catalogue.saveFigure(figure);
    }

    /** The values of a municipality in a year (all periods of that year), keyed by {@link #key}. */
    public Map<String, StoredValue> values(String ags, int year) {
        return values.values(ags, year);
    }

    /** The stored value of one figure and period, draft or released. */
    public Optional<StoredValue> value(String ags, String figureCode, String period) {
        return values.value(ags, figureCode, period);
    }

    /** Released values of one figure and period for these municipalities, by AGS. Drafts never leave here. */
    public Map<String, StoredValue> released(String figureCode, String period, Collection<String> agsList) {
        return values.released(figureCode, period, agsList);
    }

    /** Released values of one figure in these periods, for these municipalities: period → AGS → value. */
    public Map<String, Map<String, Double>> releasedSeries(String figureCode, Collection<String> periods,
            Collection<String> agsList) {
        return values.releasedSeries(figureCode, periods, agsList);
    }

    /** Released values of every municipality for one figure and period (the public view's base): AGS → value. */
    public Map<String, Double> releasedAll(String figureCode, String period) {
        return values.releasedAll(figureCode, period);
    }

    /** Is there synthetic demo data among the values? Pages that show values then say so. */
    public boolean anySynthetic() {
        return values.anySynthetic();
    }

    /** Saves the changes of one municipality in one transaction; the number of values written. */
    public int save(String ags, List<Change> changes, String user, String source) {
        try {
            return writer.save(ags, changes, user, source);
        } finally {
            values.forgetSynthetic();
        }
    }

    /** Writes validated import rows in one transaction: all or nothing. */
    public int importRows(List<ImportRow> rows, String user, boolean synthetic) {
        try {
            return writer.importRows(rows, user, synthetic);
        } finally {
            values.forgetSynthetic();
        }
    }

    /** Releases every draft of the municipality in that year; returns how many values were released. */
    public int release(String ags, int year, String user) {
        return values.release(ags, year, user);
    }

    /** Release state per municipality for a year; municipalities without any value are missing from the map. */
    public Map<String, ReleaseState> releaseStates(Collection<String> agsList, int year) {
        return values.releaseStates(agsList, year);
    }

    /** The history of a municipality's values in a year, newest first. */
    public List<HistoryEntry> history(String ags, int year, int offset, int limit) {
        return history.history(ags, year, offset, limit);
    }

    public int historyCount(String ags, int year) {
        return history.historyCount(ags, year);
    }

    /** Streams the values (of one municipality, or of all when {@code ags} is null), ordered, to the consumer. */
    public void forEachValue(String ags, Consumer<StoredValue> consumer) {
        values.forEachValue(ags, consumer);
    }

    /** The municipalities that have any value (synthetic or entered) per year: year → AGS. */
    public Map<Integer, Set<String>> municipalitiesByYear() {
        return values.municipalitiesByYear();
    }

    /** The first and last year of the synthetic demo values; empty when there are none. */
    public Optional<int[]> syntheticYears() {
        return values.syntheticYears();
    }

    /** Years that have values, newest first. */
    public List<Integer> years() {
        return values.years();
    }
}
