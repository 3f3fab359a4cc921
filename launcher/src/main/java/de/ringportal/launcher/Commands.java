package de.ringportal.launcher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * {@code java -jar ringportal.jar backup FILE [options]} and {@code restore FILE [options]}, for a stopped portal:
 * starts the framework on the data directory without serving (loopback, a port the system picks, no module schema
 * migrated), waits for core's command service ({@code Function<Path, String>} with {@code ringportal.command}), runs
 * it and stops. Exit code 0 with the result, 1 with the reason, 2 for a wrong call.
 */
final class Commands {

    static final String USAGE = """
            Aufruf: java -jar ringportal.jar backup <Datei> [--data-dir <Ordner>]   Sicherung eines gestoppten Portals
                    java -jar ringportal.jar restore <Datei> [--data-dir <Ordner>]  in ein leeres Datenverzeichnis
            """;
    private static final long WAIT_SECONDS = 300;

    private Commands() {
    }

    static boolean isCommand(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    /** Runs the command and answers the exit code. */
    static int run(String[] args) {
        if (args.length < 2 || args[1].startsWith("--")) {
            System.err.print(USAGE);
            return 2;
        }
        String command = args[0];
        Path file = Path.of(args[1]).toAbsolutePath();
        Settings settings;
        try {
            settings = Settings.parse(Arrays.copyOfRange(args, 2, args.length), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            return 2;
        }
        String unusable = command.equals("restore") ? unusable(file) : null;
        if (unusable != null) {
            System.err.println(unusable + " Nichts wurde verändert.");
            return 1;
        }
        Portal portal = new Portal(settings, Map.of("ringportal.maintenance", "true",
                "org.osgi.service.http.port", "0", "org.apache.felix.http.host", "127.0.0.1",
                "ringportal.demo", "false"));
        try {
            portal.start();
            String result = call(portal.framework().getBundleContext(), command, file);
            System.out.println(result);
            return 0;
        } catch (Portal.DataDirectoryInUseException e) {
            System.err.println(e.getMessage() + " Bitte das Portal vorher beenden.");
            return 1;
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println((command.equals("backup") ? "Die Sicherung" : "Die Wiederherstellung")
                    + " ist fehlgeschlagen: " + e.getMessage());
            return 1;
        } finally {
            portal.stop();
        }
    }

    /**
     * Why the file cannot be a backup, found without starting anything (missing, not a whole zip, no manifest), so
     * that such a restore leaves the target untouched; null when core should check it in full.
     */
    static String unusable(Path file) {
        if (!java.nio.file.Files.isReadable(file)) {
            return "Die Datei " + file + " fehlt oder lässt sich nicht lesen.";
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            return zip.getEntry("manifest.json") == null
                    ? "Die Datei ist keine Sicherung des Ringportals: manifest.json fehlt." : null;
        } catch (java.io.IOException e) {
            return "Die Datei " + file.getFileName() + " ist keine vollständige Sicherung (beschädigt oder "
                    + "abgeschnitten).";
        }
    }

    @SuppressWarnings("unchecked")
    private static String call(BundleContext context, String command, Path file) throws Exception {
        Filter filter = FrameworkUtil.createFilter("(&(objectClass=" + Function.class.getName()
                + ")(ringportal.command=" + command + "))");
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, filter, null);
        tracker.open(true);
        try {
            Object service = tracker.waitForService(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            if (service == null) {
                throw new IllegalStateException("Die Datenbank des Portals ist nach " + WAIT_SECONDS
                        + " Sekunden nicht bereit; " + command + " wurde nicht ausgeführt.");
            }
            return ((Function<Path, String>) service).apply(file);
        } finally {
            tracker.close();
        }
    }
}
