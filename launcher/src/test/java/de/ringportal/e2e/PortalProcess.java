package de.ringportal.e2e;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged portal ({@code target/ringportal.jar}) running as a child process, as an operator starts it:
 * {@code java -jar ringportal.jar --port <free> --data-dir <home>/data --deploy-dir <home>/deploy}. Its output goes
 * to a file in the home folder; {@link #stop()} sends SIGTERM, as Ctrl-C or a service manager would.
 */
public final class PortalProcess implements AutoCloseable {

    /** How long a start may take until {@code /health} answers 200, on a slow 2-core machine. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** How long the portal may take to stop after SIGTERM. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path home;
    private final int port;
    private final Process process;
    private final Path output;

    private PortalProcess(Path home, int port, Process process, Path output) {
        this.home = home;
        this.port = port;
        this.process = process;
        this.output = output;
    }

    /** A fresh, empty home folder for one test class, under {@code target/e2e}. */
    public static Path newHome(String name) throws IOException {
        Path root = Path.of(System.getProperty("e2e.work.dir", "target/e2e")).toAbsolutePath();
        Files.createDirectories(root);
        return Files.createTempDirectory(root, name + "-");
    }

    /**
     * Starts the portal on a free port with its data and deploy folders in {@code home} and returns once
     * {@code GET /health} answers 200. Starting again with the same home is a restart with the same data.
     */
    public static PortalProcess start(Path home) throws IOException, InterruptedException {
        return start(home, Map.of());
    }

    /** As {@link #start(Path)}, with these variables added to the portal's environment (RINGPORTAL_ADMIN_PASSWORD). */
    public static PortalProcess start(Path home, Map<String, String> environment)
            throws IOException, InterruptedException {
        PortalProcess portal = launch(home, environment);
        portal.awaitHealthy();
        return portal;
    }

    /** As {@link #start(Path, Map)}, but returns at once: for tests of a start that does not (yet) get up. */
    public static PortalProcess launch(Path home, Map<String, String> environment) throws IOException {
        int port = freePort();
        Files.createDirectories(home);
        Path output = nextOutputFile(home);
        ProcessBuilder builder = new ProcessBuilder(command("--port", Integer.toString(port),
                "--data-dir", home.resolve("data").toString(), "--deploy-dir", home.resolve("deploy").toString()))
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        return new PortalProcess(home, port, builder.start(), output);
    }

    /** Runs the launcher with these arguments to its end, for options that print and exit. */
    public static Finished run(Duration timeout, String... args) throws IOException, InterruptedException {
        return run(timeout, Map.of(), args);
    }

    /** As {@link #run(Duration, String...)}, with these variables added to the environment (RINGPORTAL_DB_PASSWORD). */
    public static Finished run(Duration timeout, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command(args));
        builder.environment().putAll(environment);
        Process process = builder.start();
        // The outputs are small (usage text), so reading them after exit cannot block the child on a full pipe.
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("java -jar ringportal.jar " + String.join(" ", args) + " did not end within "
                    + timeout);
        }
        return new Finished(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Exit code and outputs of a launcher run that ended by itself. */
    public record Finished(int exitCode, String stdout, String stderr) {
    }

    public int port() {
        return port;
    }

    public Path home() {
        return home;
    }

    public Path dataDir() {
        return home.resolve("data");
    }

    public Path deployDir() {
        return home.resolve("deploy");
    }

    /** The address of a path on this portal, e.g. {@code uri("/impressum")}. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A GET over HTTP/1.1 with the body as text. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** What the portal printed so far (stdout and stderr). */
    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Sends SIGTERM and waits for the process to end; returns its exit code. A JVM ended by SIGTERM after its shutdown
     * hooks ran exits with 143 (128 + 15).
     */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("The portal did not stop within " + STOP_TIMEOUT + " of SIGTERM. Output:\n"
                    + output());
        }
        return process.exitValue();
    }

    /** Waits for the process to end by itself (a start that gives up) and returns its exit code. */
    public int waitForExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The portal did not end by itself within " + timeout + ". Output:\n"
                    + output());
        }
        return process.exitValue();
    }

    /** Ends the process with SIGKILL, as a crash or {@code kill -9} would: no shutdown hook, no clean Derby stop. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The portal did not end within " + STOP_TIMEOUT + " of SIGKILL");
        }
    }

    /** Stops the portal if it still runs; for {@code @AfterClass}, where a failed test may have left it running. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** A condition checked against the running portal; it may fail with an exception while not yet true. */
    @FunctionalInterface
    public interface Probe {
        boolean holds() throws Exception;
    }

    /**
     * Checks {@code probe} until it holds, at most for {@code timeout}; fails at once, with the portal's output,
     * if the process ends meanwhile.
     */
    public void await(String what, Duration timeout, Probe probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "never checked";
        while (System.nanoTime() < deadline) {
            try {
                if (probe.holds()) {
                    return;
                }
                last = "false";
            } catch (Exception e) {
                last = e.toString();
            }
            // Waiting on the process doubles as the pause between checks and notices at once when it died.
            if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
                throw new AssertionError("The portal exited with " + process.exitValue() + " while waiting for "
                        + what + ". Output:\n" + output());
            }
        }
        throw new AssertionError("Not within " + timeout + ": " + what + " (last check: " + last + "). Output:\n"
                + output());
    }

    /** Waits until {@code GET /health} answers 200; closes the portal and fails if it does not in time. */
    public void awaitHealthy() throws InterruptedException {
        try {
            await("GET /health answers 200", START_TIMEOUT, () -> get("/health").statusCode() == 200);
        } catch (AssertionError e) {
            close();
            throw e;
        }
    }

    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        return command;
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("ringportal.jar", "target/ringportal.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests with 'mvn verify', after 'package'");
        }
        return jar;
    }

    private static Path nextOutputFile(Path home) {
        for (int run = 1;; run++) {
            Path candidate = home.resolve("portal-" + run + ".log");
            if (!Files.exists(candidate)) {
                return candidate;
            }
        }
    }

    /** A port nothing listens on at the moment (the portal's own, or one for a server that is not there). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
