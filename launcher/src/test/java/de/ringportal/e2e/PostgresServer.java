package de.ringportal.e2e;

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
 * A throwaway PostgreSQL server for one test class, from Debian's package (initdb and pg_ctl, as
 * {@code PortableMigrationsTest} starts it): on a free port of 127.0.0.1, with a superuser {@link #USER} that must
 * give its {@link #PASSWORD} over TCP (scram-sha-256), so a wrong password is refused as on a real server. It can be
 * stopped and started again on the same port with the same data, as an operator restarting the server would.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "ringportal";
    public static final String PASSWORD = "pg-Test-Passwort-7f3";

    private final Path binaries;
    private final Path folder;
    private final int port;

    private PostgresServer(Path binaries, Path folder, int port) {
        this.binaries = binaries;
        this.folder = folder;
        this.port = port;
    }

    /** Creates the cluster in a fresh folder and starts it. */
    public static PostgresServer start(String name) throws IOException, InterruptedException {
        Path binaries;
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            binaries = versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString))
                    .orElseThrow(() -> new AssertionError("PostgreSQL's server is missing under /usr/lib/postgresql"));
        }
        // in /tmp: the server's user must reach it, and its socket path must stay short
        Path folder = Files.createTempDirectory("ringportal-" + name + "-");
        if (root()) {
            // PostgreSQL refuses to run as root: the package's own user runs it
            run(List.of("chown", "-R", "postgres", folder.toString()));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path passwordFile = folder.resolve("pwfile");
        Files.writeString(passwordFile, PASSWORD + "\n");
        if (root()) {
            run(List.of("chown", "postgres", passwordFile.toString()));
        }
        run(asServerUser(binaries.resolve("initdb").toString(), "-D", folder.resolve("data").toString(),
                "-U", USER, "--pwfile=" + passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256",
                "-E", "UTF8", "--no-sync"));
        PostgresServer server = new PostgresServer(binaries, folder, port);
        server.start();
        return server;
    }

    /** Starts the (stopped) server again, on the same port with the same data; returns once it accepts connections. */
    public void start() throws IOException, InterruptedException {
        // -F: no fsync, the data is thrown away; -k: the socket in the test's folder, not /run/postgresql
        run(asServerUser(binaries.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-l",
                folder.resolve("server.log").toString(), "-o", "-p " + port + " -k " + folder + " -h 127.0.0.1 -F",
                "-w", "-t", "60", "start"));
    }

    /** Stops the server as {@code pg_ctl stop} does by default: open connections are ended (fast shutdown). */
    public void stop() throws IOException, InterruptedException {
        run(asServerUser(binaries.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(),
                "-m", "fast", "-w", "stop"));
    }

    /** The JDBC URL of a database on this server. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates an empty database. */
    public void createDatabase(String database) throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
    }

    /** A connection as the superuser, to look at what the portal stored. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), USER, PASSWORD);
    }

    /** Stops the server at once and deletes its folder. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run(asServerUser(binaries.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(),
                    "-m", "immediate", "-w", "stop"));
        } catch (AssertionError alreadyStopped) {
            // a test that failed half-way may have left it stopped
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asServerUser(String... command) {
        List<String> all = new ArrayList<>(root() ? List.of("runuser", "-u", "postgres", "--") : List.of());
        all.addAll(List.of(command));
        return all;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(command + " failed:\n" + output);
        }
    }
}
