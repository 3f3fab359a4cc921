package de.ringportal.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The running portal: an Apache Felix framework whose bundle cache lives in the data directory, so bundles
 * installed at runtime survive a restart. On each start the shipped bundles are installed, or updated when the
 * launcher jar brings a different build of them.
 */
public final class Portal {

    static final int BEGINNING_START_LEVEL = 3;
    /** State-file key suffix of a bundle's CRC-32 and size, which let a restart skip reading and hashing it. */
    static final String FINGERPRINT_SUFFIX = ".crc32-size";

    private final Settings settings;
    private final Map<String, String> overrides;
    private Framework framework;
    private FileChannel lockChannel;

    public Portal(Settings settings) {
        this(settings, Map.of());
    }

    /** A portal whose framework properties differ from the settings' in {@code overrides} (for a command). */
    public Portal(Settings settings, Map<String, String> overrides) {
        this.settings = settings;
        this.overrides = Map.copyOf(overrides);
    }

    /** The framework properties for these settings. */
    static Map<String, String> frameworkProperties(Settings settings) {
        Map<String, String> p = new HashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, settings.dataDir().resolve("bundles").toString());
        p.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, Integer.toString(BEGINNING_START_LEVEL));
        p.put("felix.startlevel.bundle", Integer.toString(BEGINNING_START_LEVEL));
        p.put("felix.log.level", "1");
        p.put("ds.loglevel", "warn");
        p.put("ringportal.data.dir", settings.dataDir().toString());
        p.put("ringportal.demo", Boolean.toString(settings.demo()));
        // read by core's Database; none of them is set for the embedded default
        putIfSet(p, "ringportal.db.url", settings.dbUrl());
        putIfSet(p, "ringportal.db.user", settings.dbUser());
        putIfSet(p, "ringportal.db.password", settings.dbPassword());
        p.put("org.osgi.service.http.port", Integer.toString(settings.port()));
        p.put("org.apache.felix.http.host", settings.host());
        p.put("org.apache.felix.http.jetty.sendServerHeader", "false");
        // Jetty's ForwardedRequestCustomizer: scheme, client address and host from the proxy's X-Forwarded-* headers
        p.put("org.apache.felix.proxy.load.balancer.connection.enable", Boolean.toString(settings.behindProxy()));
        p.put("felix.fileinstall.dir", settings.deployDir().toString());
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.poll", "1000");
        p.put("felix.fileinstall.bundles.new.start", "true");
        p.put("felix.fileinstall.log.level", "2");
        return p;
    }

    private static void putIfSet(Map<String, String> properties, String key, String value) {
        if (value != null) {
            properties.put(key, value);
        }
    }

    /** Starts the framework and returns once every bundle has been started. */
    public void start() throws BundleException, IOException {
        Files.createDirectories(settings.dataDir());
        Files.createDirectories(settings.deployDir());
        lockDataDirectory();
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("No OSGi framework on the class path"));
        Map<String, String> properties = frameworkProperties(settings);
        properties.putAll(overrides);
        framework = factory.newFramework(properties);
        framework.init();
        installShippedBundles(framework.getBundleContext());
        framework.start();
    }

    /**
     * Two portals on one data directory would corrupt the bundle cache (the database at least refuses a second
     * instance), so the directory is locked for the life of the process.
     */
    private void lockDataDirectory() throws IOException {
        lockChannel = FileChannel.open(settings.dataDir().resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        if (lockChannel.tryLock() == null) {
            lockChannel.close();
            throw new DataDirectoryInUseException(settings.dataDir());
        }
    }

    /** Thrown when another running portal holds the data directory. */
    public static final class DataDirectoryInUseException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        DataDirectoryInUseException(Path dataDir) {
            super("Das Datenverzeichnis " + dataDir + " wird bereits von einem laufenden Portal benutzt.");
        }
    }

    /** Stops the framework (each bundle deactivates, core shuts the database down) and waits for it. */
    public void stop() {
        if (framework == null) {
            return;
        }
        try {
            framework.stop();
            framework.waitForStop(60_000);
        } catch (BundleException | InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Stopping the framework failed", e);
        }
    }

    /** Blocks until the framework stops, for whatever reason. */
    public FrameworkEvent awaitStop() throws InterruptedException {
        return framework.waitForStop(0);
    }

    /** True from a finished {@link #start()} until the framework begins to stop. */
    public boolean isRunning() {
        return framework != null && framework.getState() == Bundle.ACTIVE;
    }

    /**
     * The port the web server listens on: the configured one, or for port 0 the one the system chose, as the HTTP
     * runtime publishes it in its endpoint ({@code osgi.http.endpoint}); 0 while it has not started.
     */
    public int httpPort() {
        if (settings.port() != 0 || framework == null) {
            return settings.port();
        }
        try {
            ServiceReference<?>[] runtimes = framework.getBundleContext().getServiceReferences((String) null,
                    "(osgi.http.endpoint=*)");
            for (ServiceReference<?> runtime : runtimes == null ? new ServiceReference<?>[0] : runtimes) {
                Object endpoints = runtime.getProperty("osgi.http.endpoint");
                for (Object endpoint : endpoints instanceof String[] many ? many
                        : endpoints instanceof Collection<?> list ? list.toArray() : new Object[] { endpoints }) {
                    int port = URI.create(String.valueOf(endpoint)).getPort();
                    if (port > 0) {
                        return port;
                    }
                }
            }
        } catch (InvalidSyntaxException | IllegalArgumentException | IllegalStateException e) {
            // not started (or stopping): no port yet
        }
        return 0;
    }

    public Framework framework() {
        return framework;
    }

    private void installShippedBundles(BundleContext context) throws BundleException, IOException {
        Path stateFile = settings.dataDir().resolve("shipped-bundles.properties");
        Properties installed = new Properties();
        if (Files.exists(stateFile)) {
            try (InputStream in = Files.newInputStream(stateFile)) {
                installed.load(in);
            }
        }
        boolean updated = false;
        for (Distribution.Entry entry : Distribution.entries()) {
            Bundle bundle = context.getBundle(entry.location());
            String fingerprint = entry.fingerprint();
            String fingerprintKey = entry.location() + FINGERPRINT_SUFFIX;
            if (bundle != null && fingerprint != null && fingerprint.equals(installed.getProperty(fingerprintKey))) {
                continue; // the same jar as at the last start: no need to read and hash it again
            }
            byte[] bytes = entry.bytes();
            String hash = Distribution.sha256(bytes);
            if (bundle == null) {
                bundle = context.installBundle(entry.location(), Distribution.stream(bytes));
                bundle.adapt(BundleStartLevel.class).setStartLevel(entry.startLevel());
                if (!isFragment(bundle)) {
                    bundle.start();
                }
            } else if (!hash.equals(installed.getProperty(entry.location()))) {
                bundle.update(Distribution.stream(bytes));
                updated = true;
            }
            installed.setProperty(entry.location(), hash);
            if (fingerprint != null) {
                installed.setProperty(fingerprintKey, fingerprint);
            } else {
                installed.remove(fingerprintKey);
            }
        }
        if (updated) {
            framework.adapt(FrameworkWiring.class).refreshBundles(null);
        }
        try (OutputStream out = Files.newOutputStream(stateFile)) {
            installed.store(out, "SHA-256 (and CRC-32:size in the launcher jar) of the shipped bundles installed here");
        }
    }

    private static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }
}
