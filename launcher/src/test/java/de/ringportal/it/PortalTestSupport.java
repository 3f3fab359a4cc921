package de.ringportal.it;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.jar.JarFile;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.UrlProvisionOption;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.ComponentConstants;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.ringportal.core.api.RingMemberships;
import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.testing.PostgresServer;

/**
 * Base of the in-container tests. Its {@link #configuration()} starts Felix with exactly the bundles the launcher
 * ships ({@code target/classes/bundles/bundles.txt}, in its order and start levels), on a free HTTP port and with a
 * fresh data and deploy directory per test class; the helpers below read pages over real HTTP and wait, bounded, for
 * services and conditions.
 *
 * <p>The configuration runs outside the framework; every test method runs inside it, in Pax Exam's probe bundle.
 */
public abstract class PortalTestSupport {

    /** Set by failsafe (launcher/pom.xml); the defaults fit a run from the IDE with launcher/ as working directory. */
    private static final String BUNDLES_DIR = "ringportal.it.bundles";
    private static final String WORK_DIR = "ringportal.it.work";
    private static final String LOCAL_REPOSITORY = "maven.repo.local";
    /** System property: run the portal on a throwaway PostgreSQL server instead of embedded Derby. */
    private static final String POSTGRESQL = "ringportal.it.postgresql";
    private static final java.util.concurrent.atomic.AtomicInteger DATABASES = new java.util.concurrent.atomic.AtomicInteger();

    /** How long a condition may take; generous, because the CI machine has two cores. */
    protected static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final String SITE_SCHEMA = "(" + ModuleSchema.NAME + "=site)";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Inject
    protected BundleContext context;

    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();

    /** A page as the client received it. */
    protected record Response(int status, String contentType, String body) {
    }

    @Configuration
    public Option[] configuration() throws IOException {
        Path workRoot = Files.createDirectories(Path.of(System.getProperty(WORK_DIR, "target/it-work")));
        Path work = Files.createTempDirectory(workRoot, getClass().getSimpleName() + "-").toAbsolutePath();
        return options(
                // Felix, Jetty, Derby and the first migrations start slowly on a 2-core machine.
                systemTimeout(TIMEOUT.multipliedBy(3).toMillis()),
                // Pax Exam's framework storage, beside the portal's data instead of in the user's home
                workingDirectory(work.resolve("exam").toString()),
                offlineMavenResolution(),
                portalProperties(work),
                runsOnPostgres() ? onPostgres(getClass().getSimpleName()) : composite(),
                shippedBundles(Path.of(System.getProperty(BUNDLES_DIR, "target/classes/bundles"))),
                junitBundles(),
                composite(frameworkProperties().entrySet().stream()
                        .map(property -> frameworkProperty(property.getKey()).value(property.getValue()))
                        .toArray(Option[]::new)),
                composite(additionalOptions(work)));
    }

    /**
     * Whether this class runs the portal on PostgreSQL instead of embedded Derby: with
     * {@code -Dringportal.it.postgresql=true} every class does; a class such as {@code KeyFiguresOnPostgresIT} does
     * always.
     */
    protected boolean runsOnPostgres() {
        return Boolean.getBoolean(POSTGRESQL);
    }

    /** One throwaway server for the test run, a fresh database per test class, passed as the launcher passes it. */
    private static Option onPostgres(String testClass) {
        try {
            String database = testClass.toLowerCase(java.util.Locale.ROOT) + "_" + DATABASES.incrementAndGet();
            PostgresForTests.server().createDatabase(database);
            return composite(
                    frameworkProperty("ringportal.db.url").value(PostgresForTests.server().url(database)),
                    frameworkProperty("ringportal.db.user").value(PostgresServer.USER),
                    frameworkProperty("ringportal.db.password").value(PostgresServer.PASSWORD));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot prepare PostgreSQL for " + testClass, e);
        }
    }

    /** The run's one PostgreSQL server, started on first use and stopped when the test JVM ends. */
    private static final class PostgresForTests {
        private static PostgresServer server;

        static synchronized PostgresServer server() {
            if (server == null) {
                server = PostgresServer.startWithPassword("pax-exam");
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "pax-exam-postgresql-stop"));
            }
            return server;
        }
    }

    /** Extra options of one test class, such as bundles it builds; {@code work} is that class's own directory. */
    protected Option[] additionalOptions(Path work) throws IOException {
        return new Option[0];
    }

    /**
     * Extra framework properties of one test class, as the launcher would set them (e.g.
     * {@code ringportal.admin.password}); they may override the defaults above.
     */
    protected Map<String, String> frameworkProperties() {
        return Map.of();
    }

    /**
     * Pax Exam installs its own bundles through mvn: links; resolve them from the local repository the build has
     * just filled, never from a remote one.
     */
    private static Option offlineMavenResolution() {
        String localRepository = System.getProperty(LOCAL_REPOSITORY,
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        return composite(
                systemProperty("org.ops4j.pax.url.mvn.localRepository").value(localRepository),
                systemProperty("org.ops4j.pax.url.mvn.repositories").value(""),
                systemProperty("org.ops4j.pax.url.mvn.defaultRepositories").value(""),
                systemProperty("org.ops4j.pax.url.mvn.useFallbackRepositories").value("false"),
                systemProperty("org.ops4j.pax.url.mvn.offline").value("true"));
    }

    /** The framework properties the launcher sets (see Portal), for this test class's directories and port. */
    private static Option portalProperties(Path work) throws IOException {
        Path deploy = Files.createDirectories(work.resolve("deploy"));
        return composite(
                frameworkProperty("ringportal.data.dir").value(work.resolve("data").toString()),
                frameworkProperty("org.osgi.service.http.port").value(Integer.toString(freePort())),
                frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"),
                frameworkProperty("org.apache.felix.http.jetty.sendServerHeader").value("false"),
                frameworkProperty("felix.fileinstall.dir").value(deploy.toString()),
                frameworkProperty("felix.fileinstall.noInitialDelay").value("true"),
                frameworkProperty("felix.fileinstall.poll").value("1000"),
                frameworkProperty("felix.fileinstall.bundles.new.start").value("true"),
                frameworkProperty("felix.fileinstall.log.level").value("2"),
                frameworkProperty("felix.log.level").value("1"),
                frameworkProperty("ds.loglevel").value("warn"),
                systemProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty").value("warn"),
                systemProperty("org.slf4j.simpleLogger.log.org.flywaydb").value("warn"),
                systemProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari").value("warn"));
    }

    /** One file: bundle per line of bundles.txt ("start level, jar name"), in the file's order. */
    private static Option shippedBundles(Path directory) throws IOException {
        Path index = directory.resolve("bundles.txt");
        if (!Files.isRegularFile(index)) {
            throw new IllegalStateException(index.toAbsolutePath() + " is missing: run the build up to prepare-package");
        }
        List<Option> bundles = new ArrayList<>();
        for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            Path jar = directory.resolve(parts[1]).toAbsolutePath();
            UrlProvisionOption option = bundle(jar.toUri().toString()).startLevel(Integer.parseInt(parts[0]));
            bundles.add(isFragment(jar) ? option.noStart() : option);
        }
        return composite(bundles.toArray(Option[]::new));
    }

    private static boolean isFragment(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue(Constants.FRAGMENT_HOST) != null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Every test starts once the site's schema is migrated and its start page answers. */
    @Before
    public void awaitPortal() {
        awaitService(ModuleSchema.class, SITE_SCHEMA);
        waitFor("the start page answers 200", () -> get("/").status() == 200);
    }

    @After
    public void closeTrackers() {
        trackers.forEach(ServiceTracker::close);
        trackers.clear();
    }

    /** GET on the portal, without following redirects. */
    protected Response get(String path) {
        int port = Integer.parseInt(context.getProperty("org.osgi.service.http.port"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during GET " + path, e);
        }
    }

    /** {@code GET /health}, parsed. */
    protected JsonNode health() {
        try {
            return new ObjectMapper().readTree(get("/health").body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until {@code condition} holds, checking it every 50 ms for at most {@link #TIMEOUT}. An exception from
     * the check (the server not listening yet, say) counts as "not yet" and is reported if time runs out.
     */
    protected static void waitFor(String condition, BooleanSupplier check) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        RuntimeException lastFailure = null;
        while (true) {
            try {
                if (check.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                lastFailure = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError timeout = new AssertionError("Not within " + TIMEOUT.toSeconds() + " s: " + condition);
                if (lastFailure != null) {
                    timeout.initCause(lastFailure);
                }
                throw timeout;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for: " + condition, e);
            }
        }
    }

    /** The service of this type (and filter, if not null), waiting for it at most {@link #TIMEOUT}. */
    protected <T> T awaitService(Class<T> type, String filter) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, filter(type, filter), null);
        tracker.open();
        trackers.add(tracker);
        try {
            T service = tracker.waitForService(TIMEOUT.toMillis());
            if (service == null) {
                throw new AssertionError("No " + type.getName() + " " + Objects.toString(filter, "")
                        + " within " + TIMEOUT.toSeconds() + " s");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for " + type.getName(), e);
        }
    }

    /** Whether a service of this type (any type if null; and filter, if not null) is registered right now. */
    protected boolean hasService(Class<?> type, String filter) {
        try {
            if (type == null) {
                return context.getServiceReferences((String) null, filter) != null;
            }
            return !context.getServiceReferences(type, filter).isEmpty();
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
    }

    /**
     * Sets the Config Admin configuration of a component (its PID is its component name), as an administrator would,
     * and waits until the component runs with it: Declarative Services publishes a configured component's properties
     * on its service. Settings already in place are left alone, so a test class may call this before every test.
     */
    protected void configure(String pid, Map<String, ?> properties) {
        StringBuilder applied = new StringBuilder("(&(" + ComponentConstants.COMPONENT_NAME + "=" + pid + ")");
        properties.forEach((key, value) -> applied.append('(').append(key).append('=').append(value).append(')'));
        String filter = applied.append(')').toString();
        if (hasService(null, filter)) {
            return;
        }
        try {
            // "?": a multi-location binding, so the configuration reaches the component's bundle, not the probe's
            org.osgi.service.cm.Configuration configuration = awaitService(ConfigurationAdmin.class, null)
                    .getConfiguration(pid, "?");
            configuration.update(new Hashtable<>(properties));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot configure " + pid, e);
        }
        waitFor(pid + " runs with " + properties, () -> hasService(null, filter));
    }

    /** The installed bundle with this symbolic name. */
    protected Bundle installedBundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("Bundle " + symbolicName + " is not installed");
    }

    /** The part of an HTML page from the first occurrence of {@code start} to the next {@code end}, both included. */
    protected static String section(String html, String start, String end) {
        int from = html.indexOf(start);
        if (from < 0) {
            throw new AssertionError("The page has no " + start + ":\n" + html);
        }
        int to = html.indexOf(end, from);
        return html.substring(from, to < 0 ? html.length() : to + end.length());
    }

    private org.osgi.framework.Filter filter(Class<?> type, String filter) {
        String objectClass = "(" + Constants.OBJECTCLASS + "=" + type.getName() + ")";
        try {
            return FrameworkUtil.createFilter(filter == null ? objectClass : "(&" + objectClass + filter + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
    }

    /**
     * Service properties that rank a test's stand-in above the module that normally provides the service (the rings
     * module's {@code RingMemberships} and {@code Rings}), so the test controls who belongs to which ring.
     */
    protected static Hashtable<String, Object> ranked() {
        return new Hashtable<>(Map.of(Constants.SERVICE_RANKING, 1000));
    }

    /**
     * Registers a stand-in {@link RingMemberships}, ranked above the rings module's: this year each municipality
     * (AGS) given belongs to its ring, no other and in no other year. Unregister it after the test.
     */
    protected ServiceRegistration<RingMemberships> ringsThisYear(Map<String, String> ringOfMunicipality) {
        int thisYear = java.time.Year.now().getValue();
        Map<String, String> rings = Map.copyOf(ringOfMunicipality);
        RingMemberships memberships = (municipality, year) -> year == thisYear && rings.containsKey(municipality)
                ? Set.of(rings.get(municipality)) : Set.of();
        return context.registerService(RingMemberships.class, memberships, ranked());
    }
}
