package de.ringportal.core.internal;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.ConnectException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import org.junit.Test;
import org.osgi.framework.BundleContext;

/**
 * Which database the launcher's properties choose, how a PostgreSQL failure at start is judged (give up, or wait),
 * and which failures of a running portal mean the server is gone. No server needed: the failures are built here as
 * the driver reports them (PostgresLauncherIT runs the real ones).
 */
public class DatabaseSettingsTest {

    private static final String URL = "jdbc:postgresql://db.example:5432/portal";

    /** Without a URL, Derby in the data directory; a jdbc:derby: URL names its own folder. */
    @Test
    public void without_a_url_the_database_is_derby_in_the_data_directory() {
        DatabaseSettings embedded = DatabaseSettings.of(context(null, null, null));
        assertFalse(embedded.postgres());
        assertNull(embedded.unsupported());
        assertEquals(Path.of("/srv/data/db"), embedded.derbyDirectory());

        DatabaseSettings own = DatabaseSettings.of(context("jdbc:derby:/srv/other;create=true", null, null));
        assertFalse(own.postgres());
        assertEquals(Path.of("/srv/other"), own.derbyDirectory());
    }

    /** A PostgreSQL URL chooses the server; its text for logs never holds the password. */
    @Test
    public void a_postgresql_url_is_shown_without_secrets() {
        DatabaseSettings settings = DatabaseSettings.of(context(URL + "?password=geheim1&ssl=true", "portal",
                "geheim2"));
        assertTrue(settings.postgres());
        assertEquals(URL + "?password=***&ssl=true", settings.shownUrl());
        assertThat(settings.toString(), not(containsString("geheim")));
        assertEquals("geheim2", settings.password());
    }

    /** Any other kind of URL is refused, in German, without its secrets. */
    @Test
    public void another_kind_of_url_is_refused() {
        String reason = DatabaseSettings.of(context("jdbc:mysql://db/portal?password=geheim", null, null))
                .unsupported();
        assertThat(reason, containsString("wird nicht unterstützt"));
        assertThat(reason, not(containsString("geheim")));
    }

    /** A refused password or a missing database ends the start at once, with a German reason naming the URL. */
    @Test
    public void a_refused_login_or_missing_database_gives_up_at_once() {
        PostgresPool pool = pool();
        String password = pool.giveUp(wrapped(new SQLException("FATAL: password authentication failed", "28P01")),
                Duration.ZERO);
        assertThat(password, containsString("lehnt die Anmeldung als portal an " + URL + " ab"));
        assertThat(password, not(containsString("geheim")));
        assertThat(pool.giveUp(new SQLException("FATAL: database \"portal\" does not exist", "3D000"), Duration.ZERO),
                containsString("gibt es auf dem PostgreSQL-Server nicht"));
    }

    /** A server that refuses connections is waited for, until the patience is over. */
    @Test
    public void an_unreachable_server_is_waited_for_until_the_patience_is_over() {
        PostgresPool pool = pool();
        SQLException refused = new SQLException("Connection refused", "08001", new ConnectException("refused"));
        assertNull(pool.giveUp(refused, Duration.ofSeconds(10)));
        assertThat(pool.giveUp(refused, PostgresPool.PATIENCE), containsString("nicht erreichbar"));
    }

    /** Connection states (08..., the server shutting down) mean the server is gone; a broken key does not. */
    @Test
    public void connection_failures_are_told_from_other_failures() {
        assertTrue(ConnectionWatch.isConnectionLoss(new IllegalStateException("Write failed",
                new SQLTransientConnectionException("ringportal - Connection is not available", "08001"))));
        assertTrue(ConnectionWatch.isConnectionLoss(new SQLException("terminating connection", "57P01")));
        assertFalse(ConnectionWatch.isConnectionLoss(new SQLException("duplicate key", "23505")));
        assertFalse(ConnectionWatch.isConnectionLoss(new IllegalStateException("no SQL at all")));
    }

    private static PostgresPool pool() {
        return new PostgresPool(DatabaseSettings.of(context(URL, "portal", "geheim")), mock(Database.Config.class));
    }

    /** As HikariCP hands on the driver's failure. */
    private static RuntimeException wrapped(SQLException cause) {
        return new RuntimeException("Failed to initialize pool: " + cause.getMessage(), cause);
    }

    private static BundleContext context(String url, String user, String password) {
        BundleContext context = mock(BundleContext.class);
        when(context.getProperty("ringportal.data.dir")).thenReturn("/srv/data");
        when(context.getProperty(DatabaseSettings.URL)).thenReturn(url);
        when(context.getProperty(DatabaseSettings.USER)).thenReturn(user);
        when(context.getProperty(DatabaseSettings.PASSWORD)).thenReturn(password);
        return context;
    }
}
