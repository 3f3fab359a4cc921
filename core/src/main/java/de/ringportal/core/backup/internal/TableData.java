package de.ringportal.core.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One table as JSON lines: a header line ({@code {"table":..,"columns":[{"name":..,"kind":..,"type":..}]}}), then one
 * JSON array per row in primary-key order. Reading it back inserts the rows in batches, each value bound by the kind
 * of the target's column.
 */
final class TableData {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 500;

    private TableData() {
    }

    /** Writes every row of the table; answers how many. */
    static long export(Connection connection, Catalog.Table table, OutputStream out) throws SQLException, IOException {
        JsonGenerator json = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8);
        json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        json.writeStartObject();
        json.writeStringField("table", table.key());
        json.writeArrayFieldStart("columns");
        for (Catalog.Column column : table.columns()) {
            json.writeStartObject();
            json.writeStringField("name", column.key());
            json.writeStringField("kind", column.kind().name());
            json.writeStringField("type", column.typeName());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeRaw('\n');
        String order = table.primaryKey().isEmpty() ? ""
                : table.primaryKey().stream().map(Dialect::quote).collect(Collectors.joining(", ", " ORDER BY ", ""));
        long rows = 0;
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT " + table.columns().stream().map(c -> Dialect.quote(
                        c.name())).collect(Collectors.joining(", ")) + " FROM " + Dialect.quote(table.name()) + order)) {
            while (row.next()) {
                json.writeStartArray();
                for (int i = 0; i < table.columns().size(); i++) {
                    write(json, row, i + 1, table.columns().get(i).kind());
                }
                json.writeEndArray();
                json.writeRaw('\n');
                rows++;
            }
        }
        json.flush();
        return rows;
    }

    private static void write(JsonGenerator json, ResultSet row, int i, Kind kind) throws SQLException, IOException {
        Object value = switch (kind) {
            case BOOLEAN -> row.getBoolean(i);
            case INTEGER -> row.getLong(i);
            case DECIMAL -> row.getBigDecimal(i);
            case FLOAT -> row.getDouble(i);
            case BINARY -> row.getBytes(i);
            case DATE -> nullOr(row.getDate(i), java.sql.Date::toLocalDate);
            case TIME -> nullOr(row.getTime(i), java.sql.Time::toLocalTime);
            case TIMESTAMP -> nullOr(row.getTimestamp(i), java.sql.Timestamp::toLocalDateTime);
            case TIMESTAMP_TZ -> row.getObject(i, OffsetDateTime.class);
            case TEXT -> row.getString(i);
        };
        if (value == null || row.wasNull()) {
            json.writeNull();
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof Double d) {
            json.writeNumber(d);
        } else if (value instanceof byte[] bytes) {
            json.writeString(Base64.getEncoder().encodeToString(bytes));
        } else {
            json.writeString(value instanceof BigDecimal d ? d.toPlainString() : value.toString());
        }
    }

    /**
     * Inserts the rows of a table file into the target table (which has every column the file names, and whose
     * identity column {@link #openIdentities} made take the stored values); answers how many.
     */
    static long restore(Connection connection, Dialect dialect, Catalog.Table target, InputStream in)
            throws SQLException, IOException {
        try (MappingIterator<JsonNode> lines = JSON.readerFor(JsonNode.class).readValues(in)) {
            if (!lines.hasNext()) {
                throw new IOException("Tabellendatei ohne Kopfzeile: " + target.key());
            }
            JsonNode header = lines.next();
            List<Catalog.Column> columns = new ArrayList<>();
            for (JsonNode column : header.path("columns")) {
                Catalog.Column into = target.column(column.path("name").asText());
                if (into == null) {
                    throw new IOException("Die Tabelle " + target.key() + " hat keine Spalte "
                            + column.path("name").asText());
                }
                columns.add(into);
            }
            int identity = target.identity() == null ? -1 : columns.indexOf(target.column(target.identity()
                    .toLowerCase(java.util.Locale.ROOT)));
            long rows = 0;
            try (PreparedStatement insert = connection.prepareStatement(dialect.insert(target.name(),
                    columns.stream().map(Catalog.Column::name).toList(), identity >= 0))) {
                while (lines.hasNext()) {
                    JsonNode row = lines.next();
                    for (int i = 0; i < columns.size(); i++) {
                        bind(insert, i + 1, row.get(i), columns.get(i));
                    }
                    insert.addBatch();
                    if (++rows % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            return rows;
        }
    }

    /**
     * Lets every identity column take the stored values, in a transaction of its own: Derby keeps no dictionary
     * cache in a transaction with pending DDL, which would make each insert several times slower.
     */
    static void openIdentities(Connection connection, Dialect dialect, Catalog catalog) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Catalog.Table table : catalog.tables()) {
                if (table.identity() != null) {
                    dialect.openIdentity(statement, table.name(), table.identity());
                }
            }
        }
    }

    /** Generated as before again, each identity column going on after its largest value. */
    static void closeIdentities(Connection connection, Dialect dialect, Catalog catalog) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Catalog.Table table : catalog.tables()) {
                if (table.identity() != null) {
                    long max;
                    try (ResultSet row = statement.executeQuery("SELECT MAX(" + Dialect.quote(table.identity())
                            + ") FROM " + Dialect.quote(table.name()))) {
                        row.next();
                        max = row.getLong(1);
                    }
                    dialect.closeIdentity(statement, table.name(), table.identity(), max + 1);
                }
            }
        }
    }

    private static <T, R> R nullOr(T value, java.util.function.Function<T, R> convert) {
        return value == null ? null : convert.apply(value);
    }

    private static void bind(PreparedStatement insert, int i, JsonNode value, Catalog.Column column)
            throws SQLException {
        if (value == null || value.isNull()) {
            insert.setNull(i, column.jdbcType());
            return;
        }
        switch (column.kind()) {
            case BOOLEAN -> insert.setBoolean(i, value.asBoolean());
            case INTEGER -> insert.setLong(i, value.asLong());
            case DECIMAL -> insert.setBigDecimal(i, new BigDecimal(value.asText()));
            case FLOAT -> insert.setDouble(i, value.asDouble());
            case BINARY -> insert.setBytes(i, Base64.getDecoder().decode(value.asText()));
            case DATE -> insert.setDate(i, java.sql.Date.valueOf(LocalDate.parse(value.asText())));
            case TIME -> insert.setTime(i, java.sql.Time.valueOf(LocalTime.parse(value.asText())));
            case TIMESTAMP -> insert.setTimestamp(i, java.sql.Timestamp.valueOf(LocalDateTime.parse(value.asText())));
            case TIMESTAMP_TZ -> insert.setObject(i, OffsetDateTime.parse(value.asText()));
            case TEXT -> insert.setString(i, value.asText());
        }
    }
}
