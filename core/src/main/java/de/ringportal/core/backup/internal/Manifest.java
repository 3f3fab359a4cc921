package de.ringportal.core.backup.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code manifest.json}: what a backup holds and how to check it. Every other entry of the file is a {@link Part}
 * with its SHA-256 and size; tables and feature bundles name the part that holds them.
 *
 * @param schemas module schema name to the Flyway version its tables were at
 */
record Manifest(int format, String portalVersion, Instant created, String database, Map<String, String> schemas,
        List<TableEntry> tables, List<BundleEntry> bundles, List<Part> parts) {

    static final String NAME = "manifest.json";
    static final int FORMAT = 1;

    /** One entry of the zip besides the manifest. */
    record Part(String name, String sha256, long size) {
    }

    /** A table and the part with its rows. */
    record TableEntry(String name, String part, long rows) {
    }

    /** A feature bundle installed at runtime: where it was installed from, and the part with its jar. */
    record BundleEntry(String location, String symbolicName, String version, String part) {
    }

    byte[] toJson() throws IOException {
        ObjectNode root = TableData.JSON.createObjectNode();
        root.put("format", format);
        root.put("portalVersion", portalVersion);
        root.put("created", created.toString());
        root.put("database", database);
        ObjectNode schemaNode = root.putObject("schemas");
        schemas.forEach(schemaNode::put);
        ArrayNode tableNode = root.putArray("tables");
        tables.forEach(t -> tableNode.addObject().put("name", t.name()).put("part", t.part()).put("rows", t.rows()));
        ArrayNode bundleNode = root.putArray("bundles");
        bundles.forEach(b -> bundleNode.addObject().put("location", b.location())
                .put("symbolicName", b.symbolicName()).put("version", b.version()).put("part", b.part()));
        ArrayNode partNode = root.putArray("parts");
        parts.forEach(p -> partNode.addObject().put("name", p.name()).put("sha256", p.sha256()).put("size", p.size()));
        return TableData.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    /** Reads a manifest; {@link IOException} when it is not one (missing fields, wrong types). */
    static Manifest parse(byte[] json) throws IOException {
        JsonNode root = TableData.JSON.readTree(json);
        if (root == null || !root.path("format").isInt() || !root.path("parts").isArray()
                || !root.path("schemas").isObject()) {
            throw new IOException("manifest.json ist unvollständig");
        }
        Map<String, String> schemas = new TreeMap<>();
        root.path("schemas").fields().forEachRemaining(e -> schemas.put(e.getKey(), e.getValue().asText()));
        List<TableEntry> tables = new ArrayList<>();
        for (JsonNode t : root.path("tables")) {
            tables.add(new TableEntry(text(t, "name"), text(t, "part"), t.path("rows").asLong()));
        }
        List<BundleEntry> bundles = new ArrayList<>();
        for (JsonNode b : root.path("bundles")) {
            bundles.add(new BundleEntry(text(b, "location"), text(b, "symbolicName"), text(b, "version"),
                    text(b, "part")));
        }
        List<Part> parts = new ArrayList<>();
        for (JsonNode p : root.path("parts")) {
            parts.add(new Part(text(p, "name"), text(p, "sha256"), p.path("size").asLong(-1)));
        }
        try {
            return new Manifest(root.path("format").asInt(), text(root, "portalVersion"),
                    Instant.parse(text(root, "created")), text(root, "database"), schemas, tables, bundles, parts);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IOException("manifest.json: ungültiger Zeitpunkt", e);
        }
    }

    private static String text(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException("manifest.json: Feld „" + field + "“ fehlt");
        }
        return value.asText();
    }
}
