package de.ringportal.launcher;

import static org.junit.Assert.assertEquals;
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
}
