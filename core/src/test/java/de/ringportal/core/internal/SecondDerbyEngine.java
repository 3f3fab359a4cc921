package de.ringportal.core.internal;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A second Derby engine in this JVM, from its own class loader, that boots a database and so holds it as another
 * process would: the portal's engine cannot boot it ("Another instance of Derby may have already booted the
 * database") until {@link #close()} shuts it down.
 */
final class SecondDerbyEngine implements AutoCloseable {

    private final URLClassLoader loader;
    private final Driver driver;
    private final Path directory;
    private final Connection connection;

    private SecondDerbyEngine(URLClassLoader loader, Driver driver, Path directory, Connection connection) {
        this.loader = loader;
        this.driver = driver;
        this.directory = directory;
        this.connection = connection;
    }

    /** Creates (if needed) and boots the database in {@code directory}, and keeps it open. */
    static SecondDerbyEngine boot(Path directory) throws Exception {
        URLClassLoader loader = new URLClassLoader("second-derby", new URL[] {
                jarOf(org.apache.derby.iapi.jdbc.JDBCBoot.class),
                jarOf(org.apache.derby.jdbc.EmbeddedDriver.class),
                jarOf(org.apache.derby.shared.common.error.StandardException.class) },
                ClassLoader.getPlatformClassLoader());
        Driver driver = (Driver) loader.loadClass("org.apache.derby.jdbc.EmbeddedDriver").getConstructor()
                .newInstance();
        Connection connection = driver.connect("jdbc:derby:" + directory + ";create=true", new Properties());
        return new SecondDerbyEngine(loader, driver, directory, connection);
    }

    /** Shuts the database and this engine down, which releases the database for the portal's engine. */
    @Override
    public void close() throws Exception {
        connection.close();
        expectShutdown("jdbc:derby:" + directory + ";shutdown=true", "08006");
        expectShutdown("jdbc:derby:;shutdown=true", "XJ015");
        loader.close();
    }

    private void expectShutdown(String url, String successState) throws SQLException {
        try {
            driver.connect(url, new Properties());
        } catch (SQLException e) {
            if (!successState.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static URL jarOf(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
