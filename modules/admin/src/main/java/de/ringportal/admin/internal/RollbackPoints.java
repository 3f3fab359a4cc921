package de.ringportal.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.AuditTrail;
import de.ringportal.core.data.Columns;
import de.ringportal.core.data.RowMapper;
import de.ringportal.core.data.Sql;
import de.ringportal.core.format.GermanDates;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Rollback points: before each change the installed feature modules (version, location, running or not, archived
 * file) are recorded; a rollback returns to the newest point and drops it, so the next one steps back further.
 * Only the newest {@value #KEPT_SNAPSHOTS} points are kept.
 */
final class RollbackPoints {

    private static final Logger LOG = LoggerFactory.getLogger(RollbackPoints.class);
    static final int KEPT_SNAPSHOTS = 100;

    /** One bundle in a rollback point. */
    record Recorded(String symbolicName, String version, String location, boolean active, String file) {
    }

    /** The newest rollback point. */
    record Snapshot(int id, Instant takenAt, String actor, String reason, List<Recorded> bundles) {
    }

    private static final RowMapper<Recorded> RECORDED = row -> new Recorded(row.getString(1), row.getString(2),
            row.getString(3), row.getBoolean(4), row.getString(5));

    private final BundleContext context;
    private final Sql sql;
    private final BundleInventory inventory;
    private final Archive archive;
    private final AuditTrail audit;
    private final Access access;

    RollbackPoints(BundleContext context, DataSource dataSource, BundleInventory inventory, Archive archive,
            AuditTrail audit, Access access) {
        this.context = context;
        this.sql = Sql.over(dataSource);
        this.inventory = inventory;
        this.archive = archive;
        this.audit = audit;
        this.access = access;
    }

    /** The newest rollback point, or null when there is none. */
    Snapshot latestSnapshot() {
        return sql.first("SELECT id, taken_at, actor, reason FROM admin_snapshot ORDER BY id DESC "
                + "FETCH FIRST 1 ROWS ONLY", row -> new Snapshot(row.getInt(1), Columns.instant(row, 2),
                        row.getString(3), row.getString(4), List.of()))
                .map(point -> new Snapshot(point.id(), point.takenAt(), point.actor(), point.reason(),
                        sql.list("SELECT symbolic_name, version, location, active, archive_file FROM "
                                + "admin_snapshot_bundle WHERE snapshot_id = ? ORDER BY symbolic_name", RECORDED,
                                point.id())))
                .orElse(null);
    }

    /** What returning to the rollback point would change, one German line per module; empty when nothing. */
    List<String> rollbackPlan(Snapshot snapshot) {
        List<String> plan = new ArrayList<>();
        Map<String, Recorded> wanted = wanted(snapshot);
        for (Bundle bundle : inventory.modules()) {
            if (!wanted.containsKey(bundle.getSymbolicName())) {
                plan.add(BundleInventory.label(bundle) + " wird entfernt.");
            }
        }
        for (Recorded recorded : wanted.values()) {
            Bundle bundle = inventory.bundle(recorded.symbolicName());
            String target = recorded.symbolicName() + " " + recorded.version();
            if (bundle == null) {
                plan.add(target + " wird wieder installiert" + (recorded.active() ? " und gestartet." : "."));
            } else if (!bundle.getVersion().toString().equals(recorded.version())) {
                plan.add(BundleInventory.label(bundle) + " wird auf Version " + recorded.version() + " zurückgesetzt.");
            } else if (recorded.active() && bundle.getState() != Bundle.ACTIVE) {
                plan.add(target + " wird wieder gestartet.");
            } else if (!recorded.active() && bundle.getState() == Bundle.ACTIVE) {
                plan.add(target + " wird wieder gestoppt.");
            }
        }
        return plan;
    }

    /** Returns to the newest rollback point and drops it, so the next rollback goes one step further back. */
    Outcome rollback(HttpServletRequest request, int snapshotId) {
        Snapshot snapshot = latestSnapshot();
        if (snapshot == null || snapshot.id() != snapshotId) {
            return Outcome.refused("Dieser Stand ist nicht mehr der letzte; bitte prüfen Sie die Vorschau erneut.");
        }
        List<String> plan = rollbackPlan(snapshot);
        List<String> problems = new ArrayList<>();
        Map<String, Recorded> wanted = wanted(snapshot);
        List<Bundle> changed = new ArrayList<>();
        for (Bundle bundle : inventory.modules()) {
            if (!wanted.containsKey(bundle.getSymbolicName())) {
                try {
                    archive.archived(bundle);
                    bundle.uninstall();
                    changed.add(bundle);
                } catch (IOException | BundleException | RuntimeException e) {
                    problems.add(BundleInventory.label(bundle) + ": " + Texts.reason(e));
                }
            }
        }
        for (Recorded recorded : wanted.values()) {
            Bundle bundle = inventory.bundle(recorded.symbolicName());
            try {
                boolean sameVersion = bundle != null && bundle.getVersion().toString().equals(recorded.version());
                if (!sameVersion) {
                    Path file = archive.file(recorded.file());
                    if (file == null) {
                        problems.add(recorded.symbolicName() + " " + recorded.version()
                                + ": die Datei dieser Version liegt nicht mehr vor");
                        continue;
                    }
                    try (InputStream in = Files.newInputStream(file)) {
                        if (bundle == null) {
                            bundle = context.installBundle(recorded.location(), in);
                        } else {
                            bundle.update(in);
                        }
                    }
                    changed.add(bundle);
                }
            } catch (IOException | BundleException | RuntimeException e) {
                problems.add(recorded.symbolicName() + ": " + Texts.reason(e));
            }
        }
        ModuleLifecycle.refresh(context, changed);
        for (Recorded recorded : wanted.values()) {
            Bundle bundle = inventory.bundle(recorded.symbolicName());
            try {
                if (bundle != null && recorded.active() && bundle.getState() != Bundle.ACTIVE) {
                    bundle.start();
                } else if (bundle != null && !recorded.active() && bundle.getState() == Bundle.ACTIVE) {
                    bundle.stop();
                }
            } catch (BundleException | RuntimeException e) {
                problems.add(recorded.symbolicName() + ": " + Texts.reason(e));
            }
        }
        dropSnapshot(snapshot.id());
        String stand = "Stand vom " + GermanDates.dateTimeSeconds(snapshot.takenAt());
        audit.record(request, "Zurückgesetzt auf vorherigen Stand", stand, String.join(" ", plan)
                + (problems.isEmpty() ? "" : " Probleme: " + String.join("; ", problems)));
        if (!problems.isEmpty()) {
            return Outcome.refused("Der " + stand + " ist nur teilweise wiederhergestellt: "
                    + String.join("; ", problems) + ".");
        }
        return Outcome.done("Der " + stand + " ist wiederhergestellt. " + String.join(" ", plan));
    }

    private static Map<String, Recorded> wanted(Snapshot snapshot) {
        Map<String, Recorded> wanted = new LinkedHashMap<>();
        snapshot.bundles().forEach(recorded -> wanted.put(recorded.symbolicName(), recorded));
        return wanted;
    }

    /** Records the installed feature modules as a rollback point; returns its id. */
    int snapshot(HttpServletRequest request, String reason) {
        String actor = access.viewer(request).userName();
        List<Recorded> installed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Bundle bundle : inventory.modules()) {
            if (seen.add(bundle.getSymbolicName())) {
                installed.add(new Recorded(bundle.getSymbolicName(), bundle.getVersion().toString(),
                        bundle.getLocation(), bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING,
                        archive.fileOf(bundle.getSymbolicName(), bundle.getVersion())));
            }
        }
        return sql.write(tx -> {
            int id = (int) tx.insert("INSERT INTO admin_snapshot (taken_at, actor, reason) VALUES (?, ?, ?)", "id",
                    Instant.now(), Texts.cut(actor, 64), Texts.cut(reason, 300));
            tx.batch("INSERT INTO admin_snapshot_bundle (snapshot_id, symbolic_name, version, location, active, "
                    + "archive_file) VALUES (?, ?, ?, ?, ?, ?)", installed.stream().map(bundle -> new Object[] {id,
                            bundle.symbolicName(), bundle.version(), bundle.location(), bundle.active(),
                            bundle.file()}).toList());
            // older points go: a rollback steps back one at a time, and 100 steps are plenty
            int upTo = id - KEPT_SNAPSHOTS;
            if (upTo > 0) {
                tx.update("DELETE FROM admin_snapshot_bundle WHERE snapshot_id <= ?", upTo);
                tx.update("DELETE FROM admin_snapshot WHERE id <= ?", upTo);
            }
            return id;
        });
    }

    /** Drops a rollback point whose change did not happen. */
    void dropSnapshot(int id) {
        try {
            sql.write(tx -> {
                tx.update("DELETE FROM admin_snapshot_bundle WHERE snapshot_id = ?", id);
                return tx.update("DELETE FROM admin_snapshot WHERE id = ?", id);
            });
        } catch (RuntimeException e) {
            LOG.error("Cannot drop rollback point {}", id, e);
        }
    }
}
