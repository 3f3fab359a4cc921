package de.ringportal.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another process that boots the portal's Derby database and holds it, as a slow crash recovery or a forgotten
 * second instance would: the portal cannot open it until {@link #release()}. The process is this class's
 * {@link #main} in a JVM of its own, with Derby from the test class path.
 */
public final class DatabaseHolder implements AutoCloseable {

    private static final String HELD = "held";

    private final Process process;

    private DatabaseHolder(Process process) {
        this.process = process;
    }

    /** Starts the holder on {@code database} (created if missing) and returns once it has the database booted. */
    public static DatabaseHolder hold(Path database, Path log) throws IOException {
        String classPath = String.join(java.io.File.pathSeparator, List.of(jarOf(DatabaseHolder.class),
                jarOf(org.apache.derby.iapi.jdbc.JDBCBoot.class), jarOf(org.apache.derby.jdbc.EmbeddedDriver.class),
                jarOf(org.apache.derby.shared.common.error.StandardException.class)));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dderby.stream.error.file=" + log, "-cp", classPath, DatabaseHolder.class.getName(),
                database.toString()).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = output.readLine();
        if (!HELD.equals(line)) {
            process.destroyForcibly();
            throw new IOException("The database holder did not boot " + database + ": " + line);
        }
        return new DatabaseHolder(process);
    }

    /** Lets the holder shut its Derby down cleanly and waits until it has ended. */
    public void release() throws IOException, InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        try (OutputStream in = process.getOutputStream()) {
            in.write('\n');
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The database holder did not end within 30 s");
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        release();
    }

    /** The holder: boots the database, says so, waits for a line on stdin, shuts Derby down. */
    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:derby:" + args[0] + ";create=true")) {
            System.out.println(HELD);
            System.out.flush();
            System.in.read();
        }
        try {
            DriverManager.getConnection("jdbc:derby:" + args[0] + ";shutdown=true");
        } catch (SQLException shutDown) {
            // Derby reports a successful shutdown as an SQLException (08006)
        }
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
