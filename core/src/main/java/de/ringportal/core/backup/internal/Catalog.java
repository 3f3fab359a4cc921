package de.ringportal.core.backup.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import de.ringportal.core.internal.SchemaScripts;

/**
 * What the database holds, read from its metadata: the module schemas (one Flyway history table
 * {@code schema_history_<name>} each, with the version applied) and every other table of the portal's schema, with
 * columns, primary key, identity column and the tables it refers to. Tables come in an order where each follows the
 * tables its foreign keys point to, so inserting in this order (and deleting in reverse) never breaks a key.
 */
record Catalog(Map<String, String> schemas, List<Table> tables) {

    static final String HISTORY = "schema_history_";

    /** A column: its name as the database spells it, its portable kind and the database's own type name. */
    record Column(String name, Kind kind, int jdbcType, String typeName) {
        String key() {
            return name.toLowerCase(Locale.ROOT);
        }
    }

    /** A table, named as the database spells it; {@link #key()} is the portable lower-case name. */
    record Table(String name, List<Column> columns, List<String> primaryKey, String identity, Set<String> parents) {
        String key() {
            return name.toLowerCase(Locale.ROOT);
        }

        Column column(String key) {
            return columns.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
        }
    }

    boolean isEmpty() {
        return schemas.isEmpty() && tables.isEmpty();
    }

    Table table(String key) {
        return tables.stream().filter(t -> t.key().equals(key)).findFirst().orElse(null);
    }

    static Catalog read(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        Map<String, String> schemas = new TreeMap<>();
        Map<String, Table> tables = new TreeMap<>();
        List<String> names = new ArrayList<>();
        try (ResultSet rows = meta.getTables(null, schema, "%", new String[] { "TABLE" })) {
            while (rows.next()) {
                names.add(rows.getString("TABLE_NAME"));
            }
        }
        for (String name : names) {
            if (name.toLowerCase(Locale.ROOT).startsWith(HISTORY)) {
                schemas.put(name.toLowerCase(Locale.ROOT).substring(HISTORY.length()), version(connection, name));
            } else {
                tables.put(name.toLowerCase(Locale.ROOT), table(meta, schema, name));
            }
        }
        return new Catalog(schemas, ordered(tables));
    }

    /** The newest version the history records as applied ("0" for a baseline only). */
    private static String version(Connection connection, String history) throws SQLException {
        String newest = "0";
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT \"version\" FROM " + Dialect.quote(history)
                        + " WHERE \"success\" = TRUE AND \"version\" IS NOT NULL")) {
            while (rows.next()) {
                if (SchemaScripts.newer(rows.getString(1), newest)) {
                    newest = rows.getString(1);
                }
            }
        }
        return newest;
    }

    private static Table table(DatabaseMetaData meta, String schema, String name) throws SQLException {
        Map<Integer, Column> columns = new TreeMap<>();
        String identity = null;
        try (ResultSet rows = meta.getColumns(null, schema, name, "%")) {
            while (rows.next()) {
                int type = rows.getInt("DATA_TYPE");
                Column column = new Column(rows.getString("COLUMN_NAME"), Kind.of(type), type,
                        rows.getString("TYPE_NAME"));
                columns.put(rows.getInt("ORDINAL_POSITION"), column);
                if ("YES".equals(rows.getString("IS_AUTOINCREMENT"))) {
                    identity = column.name();
                }
            }
        }
        Map<Integer, String> key = new TreeMap<>();
        try (ResultSet rows = meta.getPrimaryKeys(null, schema, name)) {
            while (rows.next()) {
                key.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME"));
            }
        }
        Set<String> parents = new TreeSet<>();
        try (ResultSet rows = meta.getImportedKeys(null, schema, name)) {
            while (rows.next()) {
                String parent = rows.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                if (!parent.equals(name.toLowerCase(Locale.ROOT))) {
                    parents.add(parent);
                }
            }
        }
        return new Table(name, List.copyOf(columns.values()), List.copyOf(key.values()), identity, parents);
    }

    /** Parents before children; tables that do not depend on each other by name. */
    private static List<Table> ordered(Map<String, Table> tables) {
        Map<String, Table> done = new LinkedHashMap<>();
        while (done.size() < tables.size()) {
            boolean progress = false;
            for (Table table : tables.values()) {
                if (!done.containsKey(table.key()) && table.parents().stream()
                        .allMatch(p -> done.containsKey(p) || !tables.containsKey(p))) {
                    done.put(table.key(), table);
                    progress = true;
                }
            }
            if (!progress) { // a cycle of foreign keys: the rest in name order
                tables.values().forEach(t -> done.putIfAbsent(t.key(), t));
            }
        }
        return List.copyOf(done.values());
    }
}
