package de.ringportal.benchmark.internal;

import java.util.List;
import java.util.Optional;

import de.ringportal.benchmark.internal.Figure.Better;
import de.ringportal.benchmark.internal.Figure.Kind;
import de.ringportal.benchmark.internal.Figure.Periodicity;
import de.ringportal.core.data.RowMapper;
import de.ringportal.core.data.Sql;

/** The catalogue of key figures ({@code kf_figure}): definitions, units, plausible ranges, order. */
final class CatalogueStore {

    private static final RowMapper<Figure> FIGURE = row -> new Figure(row.getString("code"), row.getString("name"),
            row.getString("goal"), row.getString("numerator"), row.getString("denominator"), row.getString("unit"),
            Better.valueOf(row.getString("better")), Periodicity.valueOf(row.getString("period")),
            row.getString("source"), Kind.valueOf(row.getString("kind")), row.getDouble("factor"),
            row.getDouble("min_value"), row.getDouble("max_value"), row.getInt("sort_order"));

    private final Sql sql;

    CatalogueStore(Sql sql) {
        this.sql = sql;
    }

    List<Figure> figures() {
        return sql.list("SELECT * FROM kf_figure ORDER BY sort_order, code", FIGURE);
    }

    Optional<Figure> figure(String code) {
        return sql.first("SELECT * FROM kf_figure WHERE code = ?", FIGURE, code);
    }

    /** Inserts a new figure or updates an existing one (by code), in one transaction. */
    void saveFigure(Figure figure) {
        sql.write(tx -> {
            boolean exists = tx.count("SELECT COUNT(*) FROM kf_figure WHERE code = ?", figure.code()) > 0;
            String statement = exists
                    ? "UPDATE kf_figure SET name = ?, goal = ?, numerator = ?, denominator = ?, unit = ?, better = ?, "
                            + "period = ?, source = ?, kind = ?, factor = ?, min_value = ?, max_value = ?, "
                            + "sort_order = ? WHERE code = ?"
                    : "INSERT INTO kf_figure (name, goal, numerator, denominator, unit, better, period, source, "
                            + "kind, factor, min_value, max_value, sort_order, code) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            return tx.update(statement, figure.name(), figure.goal(), figure.numerator(), figure.denominator(),
                    figure.unit(), figure.better(), figure.period(), figure.source(), figure.kind(), figure.factor(),
                    figure.min(), figure.max(), figure.sortOrder(), figure.code());
        });
    }
}
