package de.ringportal.core.internal;

import java.nio.file.Path;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;

/**
 * Which database the portal runs on, as the launcher passes it in framework properties: without a URL (or with a
 * {@code jdbc:derby:} one) embedded Derby, with a {@code jdbc:postgresql:} URL a PostgreSQL server. The password is
 * held here only to open connections: {@link #toString()} and {@link #shownUrl()} never contain it.
 */
record DatabaseSettings(String url, String user, String password, Path derbyDirectory) {

    /** Framework properties the launcher sets from {@code --db-url}, {@code --db-user}, {@code RINGPORTAL_DB_PASSWORD}. */
    static final String URL = "ringportal.db.url";
    static final String USER = "ringportal.db.user";
    static final String PASSWORD = "ringportal.db.password";

    static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";
    static final String DERBY_PREFIX = "jdbc:derby:";

    /** A URL parameter that carries a secret (password, sslpassword...), with its value. */
    private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)([?&;])([^=&;]*password[^=&;]*)=[^&;]*");

    static DatabaseSettings of(BundleContext context) {
        String url = blankToNull(context.getProperty(URL));
        Path directory = url != null && url.startsWith(DERBY_PREFIX)
                ? Path.of(url.substring(DERBY_PREFIX.length()).split(";", 2)[0]).toAbsolutePath()
                : DerbyPool.databaseDirectory(context);
        return new DatabaseSettings(url, blankToNull(context.getProperty(USER)),
                blankToNull(context.getProperty(PASSWORD)), directory);
    }

    /** True for a PostgreSQL server; false for embedded Derby (also for a URL core does not know: see Database). */
    boolean postgres() {
        return url != null && url.startsWith(POSTGRESQL_PREFIX);
    }

    /** A URL that names neither database: refused at start, with this German reason. */
    String unsupported() {
        return url == null || postgres() || url.startsWith(DERBY_PREFIX) ? null
                : "Die Datenbank-Adresse " + shownUrl() + " wird nicht unterstützt: erlaubt sind jdbc:postgresql://"
                        + "Server:5432/Name und jdbc:derby:Ordner.";
    }

    /** The URL for logs and pages: secret parameters masked. */
    String shownUrl() {
        return url == null ? null : withoutSecrets(url);
    }

    static String withoutSecrets(String url) {
        return SECRET_PARAMETER.matcher(url).replaceAll("$1$2=***");
    }

    @Override
    public String toString() {
        return postgres() ? "PostgreSQL " + shownUrl() + (user == null ? "" : " as " + user)
                : "Derby " + derbyDirectory;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
