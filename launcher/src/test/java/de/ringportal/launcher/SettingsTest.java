package de.ringportal.launcher;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.Test;

/** Command-line options and environment variables, as the README's configuration table documents them. */
public class SettingsTest {

    /** Without options or environment, the portal listens on 127.0.0.1:8080 and keeps its data in ./data. */
    @Test
    public void defaults_are_local_port_8080_and_data_folder() {
        Settings settings = Settings.parse(new String[0], Map.of());
        assertEquals("127.0.0.1", settings.host());
        assertEquals(8080, settings.port());
        assertEquals(Path.of("data").toAbsolutePath(), settings.dataDir());
        assertEquals(Path.of("deploy").toAbsolutePath(), settings.deployDir());
    }

    /** Environment variables set what no option sets; options win over them, in both spellings. */
    @Test
    public void options_override_environment() {
        Map<String, String> env = Map.of("RINGPORTAL_PORT", "9000", "RINGPORTAL_HOST", "0.0.0.0",
                "RINGPORTAL_DATA_DIR", "/srv/portal");
        Settings fromEnv = Settings.parse(new String[0], env);
        assertEquals(9000, fromEnv.port());
        assertEquals("0.0.0.0", fromEnv.host());
        assertEquals(Path.of("/srv/portal"), fromEnv.dataDir());

        Settings fromArgs = Settings.parse(new String[] { "--port", "9100", "--data-dir=/tmp/p" }, env);
        assertEquals(9100, fromArgs.port());
        assertEquals(Path.of("/tmp/p"), fromArgs.dataDir());
    }

    /** Bad values get a German message naming the problem. */
    @Test
    public void bad_values_are_refused_with_a_message() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Settings.parse(new String[] { "--port", "abc" }, Map.of())).getMessage()
                .contains("Ungültiger Port"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Settings.parse(new String[] { "--port", "70000" }, Map.of())).getMessage()
                .contains("Ungültiger Port"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Settings.parse(new String[] { "--farbe", "blau" }, Map.of())).getMessage()
                .contains("Unbekannte Option"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Settings.parse(new String[] { "--port" }, Map.of())).getMessage()
                .contains("braucht einen Wert"));
    }

    /** The framework gets port, host and folders from the settings. */
    @Test
    public void framework_properties_carry_the_settings() {
        Settings settings = Settings.parse(new String[] { "--port", "8123", "--data-dir", "/srv/d" }, Map.of());
        Map<String, String> properties = Portal.frameworkProperties(settings);
        assertEquals("8123", properties.get("org.osgi.service.http.port"));
        assertEquals("127.0.0.1", properties.get("org.apache.felix.http.host"));
        assertEquals("/srv/d/bundles", properties.get("org.osgi.framework.storage"));
        assertEquals("/srv/d", properties.get("ringportal.data.dir"));
    }

    /** Forwarded headers are trusted only when the operator says a proxy is in front, by option or environment. */
    @Test
    public void forwarded_headers_are_trusted_only_behind_a_proxy() {
        String key = "org.apache.felix.proxy.load.balancer.connection.enable";
        assertEquals("false", Portal.frameworkProperties(Settings.parse(new String[0], Map.of())).get(key));
        assertEquals("true", Portal.frameworkProperties(
                Settings.parse(new String[] { "--behind-proxy" }, Map.of())).get(key));
        assertEquals("true", Portal.frameworkProperties(
                Settings.parse(new String[0], Map.of("RINGPORTAL_BEHIND_PROXY", "true"))).get(key));
    }

    /** Without a database URL the portal keeps embedded Derby in its data folder, and core gets no db properties. */
    @Test
    public void without_a_db_url_the_database_is_embedded() {
        Settings settings = Settings.parse(new String[0], Map.of());
        assertNull(settings.dbUrl());
        assertThat(settings.shownDbUrl(), containsString("eingebettet"));
        Map<String, String> properties = Portal.frameworkProperties(settings);
        assertFalse(properties.containsKey("ringportal.db.url"));
        assertFalse(properties.containsKey("ringportal.db.user"));
        assertFalse(properties.containsKey("ringportal.db.password"));
    }

    /** URL and user by option or environment (options win); the password from the environment reaches core. */
    @Test
    public void postgresql_settings_come_from_options_and_environment() {
        Map<String, String> env = Map.of("RINGPORTAL_DB_URL", "jdbc:postgresql://db:5432/env",
                "RINGPORTAL_DB_USER", "envuser", "RINGPORTAL_DB_PASSWORD", "geheim");
        Settings fromEnv = Settings.parse(new String[0], env);
        assertEquals("jdbc:postgresql://db:5432/env", fromEnv.dbUrl());
        assertEquals("envuser", fromEnv.dbUser());
        assertEquals("geheim", fromEnv.dbPassword());

        Settings fromArgs = Settings.parse(new String[] { "--db-url", "jdbc:postgresql://other:5433/portal",
                "--db-user=portal" }, env);
        assertEquals("jdbc:postgresql://other:5433/portal", fromArgs.dbUrl());
        assertEquals("portal", fromArgs.dbUser());
        Map<String, String> properties = Portal.frameworkProperties(fromArgs);
        assertEquals("jdbc:postgresql://other:5433/portal", properties.get("ringportal.db.url"));
        assertEquals("portal", properties.get("ringportal.db.user"));
        assertEquals("geheim", properties.get("ringportal.db.password"));
    }

    /** The password never shows: not in the settings' text, not in the URL shown at start, not as an option. */
    @Test
    public void the_password_is_never_shown_and_not_accepted_as_an_option() {
        Settings settings = Settings.parse(new String[] {
            "--db-url", "jdbc:postgresql://db/portal?user=p&password=geheim1&sslpassword=geheim2&ssl=true" },
                Map.of("RINGPORTAL_DB_PASSWORD", "geheim3"));
        for (String shown : new String[] { settings.toString(), settings.shownDbUrl() }) {
            assertThat(shown, not(containsString("geheim")));
        }
        assertEquals("jdbc:postgresql://db/portal?user=p&password=***&sslpassword=***&ssl=true",
                settings.shownDbUrl());
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> Settings.parse(new String[] { "--db-password", "geheim" }, Map.of())).getMessage(),
                containsString("RINGPORTAL_DB_PASSWORD"));
    }

    /** Only PostgreSQL and embedded Derby URLs are accepted; anything else gets a German message without secrets. */
    @Test
    public void other_database_urls_are_refused() {
        assertEquals("jdbc:derby:/srv/db", Settings.parse(new String[] { "--db-url", "jdbc:derby:/srv/db" },
                Map.of()).dbUrl());
        for (String url : new String[] { "jdbc:mysql://db/portal?password=geheim", "postgresql://db/portal",
            "jdbc:derby://db:1527/portal" }) {
            String message = assertThrows(IllegalArgumentException.class,
                    () -> Settings.parse(new String[] { "--db-url", url }, Map.of())).getMessage();
            assertThat(message, containsString("Ungültige Datenbank-Adresse"));
            assertThat(message, not(containsString("geheim")));
        }
    }

    /** The usage names the three database settings. */
    @Test
    public void usage_lists_the_database_settings() {
        for (String name : new String[] { "--db-url", "RINGPORTAL_DB_URL", "--db-user", "RINGPORTAL_DB_USER",
            "RINGPORTAL_DB_PASSWORD" }) {
            assertThat(Settings.USAGE, containsString(name));
        }
    }
}
