package de.ringportal.core.internal;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** The database component against a real embedded Derby that another engine holds for a while. */
public class DatabaseTest {

    /** Longer than the pool's connection timeout below, many times over: what a slow crash recovery looks like. */
    private static final long HELD_MILLIS = 3_000;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private final BlockingQueue<DataSource> registered = new LinkedBlockingQueue<>();

    /**
     * While a second Derby engine holds the database for longer than the pool's connection timeout, no DataSource is
     * registered; once it lets go, the same component instance opens the database and registers it, without a restart.
     */
    @Test
    public void database_held_longer_than_the_pool_timeout_is_registered_once_released() throws Exception {
        Path dataDir = folder.newFolder("data").toPath();
        Database database;
        try (SecondDerbyEngine holder = SecondDerbyEngine.boot(dataDir.resolve("db"))) {
            database = new Database(context(dataDir), config(250));

            assertEquals("registered while another engine holds the database", null,
                    registered.poll(HELD_MILLIS, TimeUnit.MILLISECONDS));
            Database.Status waiting = database.status();
            assertFalse(waiting.up());
            assertThat(waiting.reason(), containsString("Die Datenbank startet seit "));
            assertThat(waiting.reason(), containsString("Another instance of Derby may have already booted"));
        }
        try {
            DataSource dataSource = registered.poll(60, TimeUnit.SECONDS);
            assertTrue("no DataSource registered after the database was released", dataSource != null);
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                    ResultSet one = statement.executeQuery("VALUES 1")) {
                assertTrue(one.next());
                assertEquals(1, one.getInt(1));
            }
            assertFalse("registered twice", registered.poll(1, TimeUnit.MILLISECONDS) != null);
            assertTrue(database.status().up());
        } finally {
            database.deactivate();
        }
    }

    private BundleContext context(Path dataDir) {
        BundleContext context = mock(BundleContext.class);
        when(context.getProperty("ringportal.data.dir")).thenReturn(dataDir.toString());
        @SuppressWarnings("unchecked")
        ServiceRegistration<DataSource> registration = mock(ServiceRegistration.class);
        when(context.registerService(eq(DataSource.class), any(DataSource.class), any())).thenAnswer(call -> {
            registered.add(call.getArgument(1));
            return registration;
        });
        return context;
    }

    private static Database.Config config(long connectionTimeout) {
        Database.Config config = mock(Database.Config.class);
        when(config.maximumPoolSize()).thenReturn(2);
        when(config.connectionTimeout()).thenReturn(connectionTimeout);
        return config;
    }
}
