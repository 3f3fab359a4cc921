package de.ringportal.core.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server from Debian's {@code postgresql} package: a new cluster in a temporary folder
 * ({@code initdb}), started on a free port of 127.0.0.1 ({@code pg_ctl}), without fsync, its superuser {@link #USER}.
 * {@link #start()} trusts that user without a password (as {@link TestPostgres} uses it, one per test JVM);
 * {@link #startWithPassword} makes it give its {@link #PASSWORD} over TCP (scram-sha-256), so that a wrong password is
 * refused as on a real server. {@link #stop} and {@link #startAgain} stop and start the same cluster on the same port
 * with the same data, as an operator restarting the server would; {@link #close} kills it and deletes the folder. As
 * root it runs as the package's user {@code postgres}, because PostgreSQL refuses to run as root.
 */
public final class PostgresServer implements AutoCloseable {

    /** Where Debian's postgresql package puts each major version's server binaries. */
    static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");
    /** The superuser of the cluster. */
    public static final String USER = "ringportal";
    /** The superuser's password on a server of {@link #startWithPassword}. */
    public static final String PASSWORD = "pg-Test-Passwort-7f3";

    private final Path binaries;
    private final Path folder;
    private final int port;
    /** {@code null}: trusted without a password. */
    private final String password;
    private boolean running;

    private PostgresServer(Path binaries, Path folder, int port, String password) {
        this.binaries = binaries;
        this.folder = folder;
        this.port = port;
        this.password = password;
    }

    /**
     * Creates and starts a new cluster (a few seconds) that trusts {@link #USER} without a password.
     *
     * @throws IllegalStateException when the server binaries are missing or the server does not start (with its log)
     */
    public static PostgresServer start() {
        return start("postgres", null);
    }

    /**
     * Creates and starts a new cluster whose {@link #USER} must give {@link #PASSWORD} over TCP; {@code name} shows in
     * its temporary folder's name.
     *
     * @throws IllegalStateException when the server binaries are missing or the server does not start (with its log)
     */
    public static PostgresServer startWithPassword(String name) {
        return start(name, PASSWORD);
    }

    private static PostgresServer start(String name, String password) {
        Path binaries = binaries(DEBIAN_BINARIES);
        Path folder;
        int port;
        try {
            // in /tmp: the server's user must reach it, and its socket path must stay short
            folder = Files.createTempDirectory("ringportal-" + name + "-");
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
        } catch (IOException e) {
            throw new IllegalStateException("No folder or port for a PostgreSQL test server", e);
        }
        PostgresServer server = new PostgresServer(binaries, folder, port, password);
        try {
            if (root()) {
                run(List.of("chown", "postgres", folder.toString()));
            }
            run(server.asServerUser("initdb", server.initdbArguments()));
            server.startAgain();
        } catch (IllegalStateException e) {
            String log = server.log();
            server.delete();
            throw log.isEmpty() ? e : new IllegalStateException(e.getMessage() + "\nserver.log:\n" + log, e);
        }
        return server;
    }

    private String[] initdbArguments() {
        List<String> arguments = new ArrayList<>(List.of("-D", data(), "-U", USER, "-E", "UTF8", "--no-sync",
                "--no-instructions"));
        if (password == null) {
            arguments.addAll(List.of("-A", "trust"));
        } else {
            Path passwordFile = folder.resolve("pwfile");
            try {
                Files.writeString(passwordFile, password + "\n");
            } catch (IOException e) {
                throw new IllegalStateException("Cannot write " + passwordFile, e);
            }
            if (root()) {
                run(List.of("chown", "postgres", passwordFile.toString()));
            }
            arguments.addAll(List.of("--pwfile=" + passwordFile, "--auth-local=trust",
                    "--auth-host=scram-sha-256"));
        }
        return arguments.toArray(String[]::new);
    }

    /** Starts the (stopped) cluster, on the same port with the same data; returns once it accepts connections. */
    public void startAgain() {
        // -F: no fsync, the data is thrown away; -k: the socket in the test's folder, not /run/postgresql;
        // enough connections for the concurrency tests' 16 writers plus a few databases in use at once
        run(asServerUser("pg_ctl", "-D", data(), "-l", folder.resolve("server.log").toString(),
                "-o", "-p " + port + " -k " + folder + " -h 127.0.0.1 -F -c max_connections=200"
                        + " -c full_page_writes=off -c synchronous_commit=off",
                "-w", "-t", "60", "start"));
        running = true;
    }

    /** Stops the server as {@code pg_ctl stop} does by default (open connections are ended), keeping its data. */
    public void stop() {
        run(asServerUser("pg_ctl", "-D", data(), "-m", "fast", "-w", "stop"));
        running = false;
    }

    /** The JDBC URL of the server's {@code postgres} database, the user in it. */
    public String url() {
        return url("postgres") + "?user=" + USER;
    }

    /** The JDBC URL of a database on this server, without the user. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates an empty database. */
    public void createDatabase(String database) throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
    }

    /** A connection to {@code database} as the superuser, with its password if the server wants one. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), USER, password);
    }

    /** Stops the server at once if it runs (its data is thrown away) and deletes its folder. */
    @Override
    public void close() {
        try {
            if (running) {
                running = false;
                run(asServerUser("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop"));
            }
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

    private String data() {
        return folder.resolve("data").toString();
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
