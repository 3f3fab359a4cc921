package de.ringportal.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import de.ringportal.core.api.Route;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /health}: 200 with JSON once the framework has started, every bundle meant to run is active and the
 * database answers; 503 before (or when one of them fails), with a German {@code reason} saying what is missing. A
 * module whose migration failed makes the status "DEGRADED", still 200: the rest of the portal serves. When the
 * database start has given up for good (a refused login, a server unreachable for too long), the answer carries
 * {@code "fatal":true}, and the launcher ends with an error instead of waiting.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/health")
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient BundleContext context;

    // Optional, so the health page answers (503, database DOWN) even when the database cannot be opened.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DataSource dataSource;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SchemaExtender schemas;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Database database;

    @Activate
    public HealthServlet(BundleContext context) {
        this.context = context;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StringBuilder bundles = new StringBuilder();
        boolean frameworkUp = context.getBundle(0).getState() == Bundle.ACTIVE;
        List<String> notRunning = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (shouldRunButDoesNot(bundle)) {
                notRunning.add(bundle.getSymbolicName());
            }
            bundles.append(bundles.length() == 0 ? "" : ",")
                    .append("{\"symbolicName\":").append(Json.quote(bundle.getSymbolicName()))
                    .append(",\"version\":").append(Json.quote(bundle.getVersion().toString()))
                    .append(",\"state\":").append(Json.quote(stateName(bundle.getState()))).append('}');
        }
        Database own = database;
        String databaseDown = databaseProblem(own);
        boolean fatal = databaseDown != null && own != null && own.status().fatal();
        SchemaExtender extender = schemas;
        Map<String, String> schemaStates = extender == null ? Map.of() : extender.states();
        List<String> failedSchemas = schemaStates.entrySet().stream().filter(e -> !e.getValue().startsWith("OK"))
                .map(Map.Entry::getKey).sorted().toList();
        List<String> downBecause = downBecause(frameworkUp, databaseDown, notRunning);
        boolean up = downBecause.isEmpty();
        String status = !up ? "DOWN" : failedSchemas.isEmpty() ? "UP" : "DEGRADED";
        String reason = !up ? String.join(" ", downBecause)
                : failedSchemas.isEmpty() ? null : "Datenbankschema nicht aktuell: " + String.join(", ", failedSchemas);

        StringBuilder json = new StringBuilder("{\"status\":").append(Json.quote(status));
        if (reason != null) {
            json.append(",\"reason\":").append(Json.quote(reason));
        }
        if (fatal) {
            // the start has given up (a refused login, say): the launcher ends instead of waiting
            json.append(",\"fatal\":true");
        }
        json.append(",\"database\":").append(Json.quote(databaseDown == null ? "UP" : "DOWN"))
                .append(",\"schemas\":{");
        schemaStates.forEach((name, state) -> json.append(json.charAt(json.length() - 1) == '{' ? "" : ",")
                .append(Json.quote(name)).append(':').append(Json.quote(state)));
        json.append("},\"bundles\":[").append(bundles).append("]}");

        byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** What keeps the portal DOWN, in German; empty when it is up. */
    private static List<String> downBecause(boolean frameworkUp, String databaseDown, List<String> notRunning) {
        List<String> reasons = new ArrayList<>();
        if (!frameworkUp) {
            reasons.add("Das OSGi-Framework startet noch.");
        }
        if (databaseDown != null) {
            reasons.add(databaseDown);
        }
        if (!notRunning.isEmpty()) {
            reasons.add("Nicht aktiv: " + String.join(", ", notRunning) + ".");
        }
        return reasons;
    }

    /** A bundle that is marked to start, at a level the framework has reached, yet is not active. */
    private boolean shouldRunButDoesNot(Bundle bundle) {
        if (bundle.getState() == Bundle.ACTIVE || bundle.getBundleId() == 0) {
            return false;
        }
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null || (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0) {
            return false;
        }
        BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
        int frameworkLevel = context.getBundle(0).adapt(FrameworkStartLevel.class).getStartLevel();
        return level != null && level.isPersistentlyStarted() && level.getStartLevel() <= frameworkLevel;
    }

    /** Null when the database is open, its modules started on it, and it answers; else why not (in German). */
    private String databaseProblem(Database own) {
        DataSource open = dataSource;
        Database.Status status = Database.Status.of(own, open);
        if (!status.up()) {
            return status.reason();
        }
        try (Connection connection = open.getConnection()) {
            return connection.isValid(2) ? null : "Die Datenbank antwortet nicht.";
        } catch (SQLException e) {
            if (own != null && own.connectionLost(e)) {
                return own.status().reason();
            }
            return "Die Datenbank antwortet nicht: " + e.getMessage();
        }
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }
}
