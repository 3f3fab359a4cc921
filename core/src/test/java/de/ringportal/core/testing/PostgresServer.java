package de.ringportal.core.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server from Debian's {@code postgresql} package: a new cluster in a temporary folder
 * ({@code initdb}), started on a free port of 127.0.0.1 ({@code pg_ctl}), without fsync, trusting the local user
 * {@code ringportal}; {@link #stop} kills it and deletes the folder. As root it runs as the package's user
 * {@code postgres}, because PostgreSQL refuses to run as root. Use it through {@link TestPostgres}, which shares one
 * per test JVM.
 */
public final class PostgresServer {

    /** Where Debian's postgresql package puts each major version's server binaries. */
    static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");
    /** The superuser of the cluster, trusted without a password on 127.0.0.1. */
    public static final String USER = "ringportal";

    private final Path binaries;
    private final Path folder;
    private final int port;

    private PostgresServer(Path binaries, Path folder, int port) {
        this.binaries = binaries;
        this.folder = folder;
        this.port = port;
    }

    /**
     * Creates and starts a new cluster (a few seconds).
     *
     * @throws IllegalStateException when the server binaries are missing or the server does not start (with its log)
     */
    public static PostgresServer start() {
        Path binaries = binaries(DEBIAN_BINARIES);
        Path folder;
        int port;
        try {
            folder = Files.createTempDirectory("ringportal-postgres-");
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
        } catch (IOException e) {
            throw new IllegalStateException("No folder or port for a PostgreSQL test server", e);
        }
        PostgresServer server = new PostgresServer(binaries, folder, port);
        try {
            if (root()) {
                run(List.of("chown", "postgres", folder.toString()));
            }
            Path data = folder.resolve("data");
            run(server.asServerUser("initdb", "-D", data.toString(), "-A", "trust", "-U", USER, "-E", "UTF8",
                    "--no-sync", "--no-instructions"));
            // -F: no fsync, the data is thrown away; -k: the socket in the test's folder, not /run/postgresql;
            // enough connections for the concurrency tests' 16 writers plus a few databases in use at once
            run(server.asServerUser("pg_ctl", "-D", data.toString(), "-l", folder.resolve("server.log").toString(),
                    "-o", "-p " + port + " -k " + folder + " -h 127.0.0.1 -F -c max_connections=200"
                            + " -c full_page_writes=off -c synchronous_commit=off",
                    "-w", "-t", "60", "start"));
        } catch (IllegalStateException e) {
            String log = server.log();
            server.delete();
            throw log.isEmpty() ? e : new IllegalStateException(e.getMessage() + "\nserver.log:\n" + log, e);
        }
        return server;
    }

    /** The JDBC URL of the server's {@code postgres} database, the user in it. */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + USER;
    }

    /** Stops the server at once (its data is thrown away) and deletes its folder. */
    public void stop() {
        try {
            run(asServerUser("pg_ctl", "-D", folder.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
        } finally {
            delete();
        }
    }

    /** The newest major version's bin folder under {@code versions}. */
    static Path binaries(Path versions) {
        try (Stream<Path> found = Files.list(versions)) {
            return found.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb"))
                            && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(Path::toString))
                    .orElseThrow(() -> missing(versions));
        } catch (IOException e) {
            throw missing(versions);
        }
    }

    private static IllegalStateException missing(Path versions) {
        return new IllegalStateException("PostgreSQL's server (initdb, pg_ctl) is missing under " + versions
                + ": run ./test.sh, which installs Debian's postgresql package, or install it yourself"
                + " (apt-get install postgresql), or set " + TestPostgres.URL_VARIABLE
                + " to a running server (jdbc:postgresql://host:port/postgres?user=...)");
    }

    private String log() {
        try {
            Path log = folder.resolve("server.log");
            return Files.isReadable(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private void delete() {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a leftover temporary folder is not worth failing a test run for
        }
    }

    private List<String> asServerUser(String program, String... arguments) {
        List<String> command = new ArrayList<>(root() ? List.of("runuser", "-u", "postgres", "--") : List.of());
        command.add(binaries.resolve(program).toString());
        command.addAll(List.of(arguments));
        return command;
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not end within two minutes:\n" + output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed (" + process.exitValue() + "):\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(command + " did not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(command + " interrupted", e);
        }
    }
}
