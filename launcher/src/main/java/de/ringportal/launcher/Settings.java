package de.ringportal.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * What an operator can set when starting the portal: each setting by command-line option or, failing that, by
 * environment variable, else its default.
 */
public record Settings(String host, int port, Path dataDir, Path deployDir, boolean demo, boolean behindProxy,
        boolean help) {

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
                default -> throw new IllegalArgumentException("Unbekannte Option: " + option);
            }
        }
        return new Settings(host, parsePort(port), Path.of(dataDir).toAbsolutePath().normalize(),
                Path.of(deployDir).toAbsolutePath().normalize(), demo, behindProxy, help);
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
