package de.ringportal.admin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.AuditTrail;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.data.Sql;
import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;
import jakarta.servlet.http.HttpServletRequest;

/** Rollback points and the archive index in the admin schema: recorded, read back, dropped and pruned. */
@RunWith(BothDatabases.class)
public class RollbackPointsTest {

    /** Migrated once: each test empties the tables first (identities keep counting, which the tests allow for). */
    private static DataSource dataSource;

    private final List<Bundle> installed = new ArrayList<>();
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private Archive archive;
    private RollbackPoints points;

    @BeforeClass
    public static void migrate() {
        dataSource = TestDatabase.migrated(Extensions.class, "admin");
    }

    @Before
    public void setUp() throws Exception {
        Sql sql = Sql.over(dataSource);
        sql.update("DELETE FROM admin_snapshot_bundle");
        sql.update("DELETE FROM admin_snapshot");
        sql.update("DELETE FROM admin_archive");
        BundleContext context = mock(BundleContext.class);
        when(context.getBundles()).thenAnswer(invocation -> installed.toArray(new Bundle[0]));
        Access access = mock(Access.class);
        when(access.viewer(any())).thenReturn(new Viewer("admin", "Verwaltung", null, Set.of()));
        archive = new Archive(Files.createTempDirectory("admin-archive"), dataSource);
        points = new RollbackPoints(context, dataSource, new BundleInventory(context), archive,
                mock(AuditTrail.class), access);
    }

    /** A point holds every feature module with its version, location, state and archived file. */
    @Test
    public void a_rollback_point_records_the_installed_modules() {
        installed.add(bundle(1, "de.ringportal.events", "0.1.0", Bundle.ACTIVE));
        installed.add(bundle(2, "de.ringportal.news", "1.0.0", Bundle.RESOLVED));
        installed.add(bundle(3, "org.apache.felix.scr", "2.2.18", Bundle.ACTIVE));
        archive.remember("de.ringportal.events", Version.parseVersion("0.1.0"), "old.jar");
        archive.remember("de.ringportal.events", Version.parseVersion("0.1.0"), "de.ringportal.events-0.1.0.jar");

        int id = points.snapshot(request, "Vor dem Stopp von de.ringportal.news 1.0.0");

        RollbackPoints.Snapshot latest = points.latestSnapshot();
        assertEquals(id, latest.id());
        assertEquals("admin", latest.actor());
        assertEquals("Vor dem Stopp von de.ringportal.news 1.0.0", latest.reason());
        assertEquals(List.of(
                new RollbackPoints.Recorded("de.ringportal.events", "0.1.0", "loc:1", true,
                        "de.ringportal.events-0.1.0.jar"),
                new RollbackPoints.Recorded("de.ringportal.news", "1.0.0", "loc:2", false, null)), latest.bundles());
    }

    /** A point whose change did not happen goes; the one before it is the newest again. */
    @Test
    public void a_dropped_point_leaves_the_one_before() {
        installed.add(bundle(1, "de.ringportal.events", "0.1.0", Bundle.ACTIVE));
        int first = points.snapshot(request, "erster");
        int second = points.snapshot(request, "zweiter");

        points.dropSnapshot(second);

        assertEquals(first, points.latestSnapshot().id());
        points.dropSnapshot(first);
        assertNull(points.latestSnapshot());
        assertEquals(0, TestDatabase.count(dataSource, "SELECT COUNT(*) FROM admin_snapshot_bundle"));
    }

    /** Only the newest points are kept, with their modules. */
    @Test
    public void old_points_are_pruned() {
        installed.add(bundle(1, "de.ringportal.events", "0.1.0", Bundle.ACTIVE));
        for (int i = 0; i < RollbackPoints.KEPT_SNAPSHOTS + 3; i++) {
            points.snapshot(request, "Punkt " + i);
        }
        assertEquals(RollbackPoints.KEPT_SNAPSHOTS, TestDatabase.count(dataSource, "SELECT COUNT(*) FROM admin_snapshot"));
        assertEquals(RollbackPoints.KEPT_SNAPSHOTS, TestDatabase.count(dataSource,
                "SELECT COUNT(*) FROM admin_snapshot_bundle"));
        assertEquals("Punkt " + (RollbackPoints.KEPT_SNAPSHOTS + 2), points.latestSnapshot().reason());
    }

    /** The archive index knows the newest file of a version, and nothing of versions it never saw. */
    @Test
    public void the_archive_index_keeps_one_file_per_version() {
        Version version = Version.parseVersion("0.2.0");
        assertNull(archive.fileOf("de.ringportal.events", version));
        archive.remember("de.ringportal.events", version, "a.jar");
        archive.remember("de.ringportal.events", version, "b.jar");
        assertEquals("b.jar", archive.fileOf("de.ringportal.events", version));
        assertNull(archive.fileOf("de.ringportal.events", Version.parseVersion("0.1.0")));
    }

    private static Bundle bundle(long id, String symbolicName, String version, int state) {
        Bundle bundle = mock(Bundle.class);
        when(bundle.getBundleId()).thenReturn(id);
        when(bundle.getSymbolicName()).thenReturn(symbolicName);
        when(bundle.getVersion()).thenReturn(Version.parseVersion(version));
        when(bundle.getLocation()).thenReturn("loc:" + id);
        when(bundle.getState()).thenReturn(state);
        return bundle;
    }
}
