package de.ringportal.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an operator can set when starting the portal: each setting by command-line option or, failing that, by
 * environment variable, else its default. The database password comes from the environment only (an option would
 * show in the process list) and is never printed: {@link #toString()} and {@link #shownDbUrl()} leave it out.
 *
 * @param dbUrl null for embedded Derby in the data directory, else a {@code jdbc:postgresql:} or {@code jdbc:derby:} URL
 */
public record Settings(String host, int port, Path dataDir, Path deployDir, boolean demo, boolean behindProxy,
        boolean help, String dbUrl, String dbUser, String dbPassword) {

    /** A URL parameter that carries a secret (password, sslpassword...), with its value. */
    private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)([?&;])([^=&;]*password[^=&;]*)=[^&;]*");

    static final String USAGE = """
            Aufruf: java -jar ringportal.jar [Optionen]
              --host <Adresse>        Adresse, an die der Server bindet   (RINGPORTAL_HOST, Standard 127.0.0.1)
              --port <Nummer>         HTTP-Port                            (RINGPORTAL_PORT, Standard 8080)
              --data-dir <Ordner>     Datenbank, Bundle-Cache und Dateien  (RINGPORTAL_DATA_DIR, Standard ./data)
              --deploy-dir <Ordner>   Ordner für Erweiterungen (JARs)      (RINGPORTAL_DEPLOY_DIR, Standard ./deploy)
              --demo                  Demo-Konten je Rolle anlegen, Passwörter beim Start anzeigen
                                      (RINGPORTAL_DEMO=true; nie für den echten Betrieb)
              --behind-proxy          hinter einem Reverse Proxy, der TLS beendet: X-Forwarded-Proto/-For/-Host
                                      gelten (RINGPORTAL_BEHIND_PROXY=true; nie ohne Proxy davor)
              --db-url <JDBC-URL>     PostgreSQL statt der eingebetteten Datenbank, z. B.
                                      jdbc:postgresql://server:5432/ringportal (RINGPORTAL_DB_URL)
              --db-user <Name>        Benutzer der Datenbank               (RINGPORTAL_DB_USER)
                                      Passwort nur über die Umgebung: RINGPORTAL_DB_PASSWORD
              --help                  diese Hilfe
            """;

    /** Reads the settings; throws {@link IllegalArgumentException} with a German message on bad input. */
    public static Settings parse(String[] args, Map<String, String> env) {
        String host = env.getOrDefault("RINGPORTAL_HOST", "127.0.0.1");
        String port = env.getOrDefault("RINGPORTAL_PORT", "8080");
        String dataDir = env.getOrDefault("RINGPORTAL_DATA_DIR", "data");
        String deployDir = env.getOrDefault("RINGPORTAL_DEPLOY_DIR", "deploy");
        boolean demo = Boolean.parseBoolean(env.getOrDefault("RINGPORTAL_DEMO", "false"));
        boolean behindProxy = Boolean.parseBoolean(env.getOrDefault("RINGPORTAL_BEHIND_PROXY", "false"));
        String dbUrl = env.get("RINGPORTAL_DB_URL");
        String dbUser = env.get("RINGPORTAL_DB_USER");
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (option.equals("--help") || option.equals("-h")) {
                help = true;
                continue;
            }
            if (option.equals("--demo")) {
                demo = true;
                continue;
            }
            if (option.equals("--behind-proxy")) {
                behindProxy = true;
                continue;
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("Option " + option + " braucht einen Wert.");
            }
            switch (option) {
                case "--host" -> host = value;
                case "--port" -> port = value;
                case "--data-dir" -> dataDir = value;
                case "--deploy-dir" -> deployDir = value;
                case "--db-url" -> dbUrl = value;
                case "--db-user" -> dbUser = value;
                case "--db-password" -> throw new IllegalArgumentException("Das Datenbank-Passwort bitte nur über"
                        + " die Umgebungsvariable RINGPORTAL_DB_PASSWORD angeben: als Option stünde es in der"
                        + " Prozessliste.");
                default -> throw new IllegalArgumentException("Unbekannte Option: " + option);
            }
        }
        return new Settings(host, parsePort(port), Path.of(dataDir).toAbsolutePath().normalize(),
                Path.of(deployDir).toAbsolutePath().normalize(), demo, behindProxy, help, parseDbUrl(dbUrl),
                blankToNull(dbUser), blankToNull(env.get("RINGPORTAL_DB_PASSWORD")));
    }

    /** The database for the start line: the URL without secret parameters, or the embedded one. */
    public String shownDbUrl() {
        return dbUrl == null ? "eingebettet (Derby in " + dataDir.resolve("db") + ")" : withoutSecrets(dbUrl);
    }

    static String withoutSecrets(String url) {
        return SECRET_PARAMETER.matcher(url).replaceAll("$1$2=***");
    }

    /** Never the password: records print every component. */
    @Override
    public String toString() {
        return "Settings[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", deployDir=" + deployDir
                + ", demo=" + demo + ", behindProxy=" + behindProxy + ", db=" + shownDbUrl() + ", dbUser=" + dbUser
                + ", dbPassword=" + (dbPassword == null ? "none" : "***") + "]";
    }

    /** Null for the embedded default; PostgreSQL and embedded Derby URLs as given; anything else refused. */
    private static String parseDbUrl(String value) {
        String url = blankToNull(value);
        if (url == null || url.startsWith("jdbc:postgresql:")) {
            return url;
        }
        if (url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:derby://")) {
            return url;
        }
        throw new IllegalArgumentException("Ungültige Datenbank-Adresse: " + withoutSecrets(url) + " (erlaubt sind"
                + " jdbc:postgresql://Server:5432/Name und jdbc:derby:Ordner für die eingebettete Datenbank).");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Ungültiger Port: " + value + " (erlaubt sind 0 bis 65535).");
    }
}
