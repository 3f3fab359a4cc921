package de.ringportal.launcher;

/**
 * {@code java -jar ringportal.jar [options]}: starts the portal and stops it cleanly on Ctrl-C. Exit codes: 2 for bad
 * options, 1 when another portal holds the data directory, 3 when the portal gave up starting (its database refused
 * it or stayed unreachable).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (Commands.isCommand(args)) {
            configureLogging();
            System.exit(Commands.run(args));
            return;
        }
        Settings settings;
        try {
            settings = Settings.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Settings.USAGE);
            System.exit(2);
            return;
        }
        if (settings.help()) {
            System.out.print(Settings.USAGE);
            System.out.print(Commands.USAGE);
            return;
        }
        configureLogging();
        Portal portal = new Portal(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(portal::stop, "ringportal-shutdown"));
        long started = System.nanoTime();
        try {
            portal.start();
        } catch (Portal.DataDirectoryInUseException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        HealthProbe.Health health = new StartupWatch(new HealthProbe(settings.host(), portal::httpPort),
                portal::isRunning, StartupWatch.Timing.DEFAULT, System.out, System.err).awaitUp(started);
        if (health != null && health.fatal()) {
            // the shutdown hook stops the framework cleanly
            System.exit(3);
        }
        if (health != null) {
            System.out.printf("Ringportal läuft auf http://%s:%d/ (Daten: %s, Datenbank: %s, gestartet in %d ms)."
                    + " Beenden mit Strg+C.%n", settings.host(), portal.httpPort(), settings.dataDir(),
                    settings.shownDbUrl(), (System.nanoTime() - started) / 1_000_000);
            if (health.reason() != null) {
                System.err.println("Ringportal läuft eingeschränkt: " + health.reason());
            }
        }
        portal.awaitStop();
    }

    /** slf4j-simple reads system properties; set readable defaults unless the operator chose otherwise. */
    private static void configureLogging() {
        setDefault("org.slf4j.simpleLogger.showDateTime", "true");
        setDefault("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        setDefault("org.slf4j.simpleLogger.showShortLogName", "true");
        setDefault("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        setDefault("org.slf4j.simpleLogger.log.org.flywaydb", "warn");
        // Flyway 11.8 (the newest served here) warns on every run that it was tested with Derby up to 10.15 only;
        // the module migration tests run it against Derby 10.16, so the warning is noise in the operator's log.
        setDefault("org.slf4j.simpleLogger.log.org.flywaydb.core.internal.database.base.Database", "error");
        setDefault("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "warn");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
