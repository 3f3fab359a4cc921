package de.ringportal.core.backup.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ringportal.core.backup.Backups;
import de.ringportal.core.format.FileSizes;

/**
 * Backups of the running portal (one at a time, in the background, into {@code <data>/backups}, keeping the newest)
 * and, when the launcher starts the framework for a command ({@value #MAINTENANCE}), the {@code backup} and
 * {@code restore} commands: each a {@code Function<Path, String>} service with the property {@value #COMMAND}, the
 * only types the launcher shares with the bundles being {@code java.*}. A command answers its German result, or
 * throws an exception whose message says why it refused or failed.
 */
@Component(service = Backups.class, immediate = true)
public class BackupService implements Backups {

    /** Framework property the launcher sets when it starts the portal only to run a command. */
    public static final String MAINTENANCE = "ringportal.maintenance";
    /** Service property naming the command. */
    public static final String COMMAND = "ringportal.command";
    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss")
            .withZone(ZoneId.systemDefault());

    private final DataSource dataSource;
    private final Path dataDir;
    private final BundleModules modules;
    private final String portalVersion;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "ringportal-backup");
        thread.setDaemon(true);
        return thread;
    });
    private final List<ServiceRegistration<?>> commands = new ArrayList<>();
    private volatile State state = new State(Phase.NONE, null, null, "", 0, "");
    private volatile Path file;

    @Activate
    public BackupService(BundleContext context, @Reference DataSource dataSource) {
        this.dataSource = dataSource;
        String dir = context.getProperty("ringportal.data.dir");
        this.dataDir = Path.of(dir == null ? "data" : dir).toAbsolutePath().normalize();
        this.modules = new BundleModules(context, dataSource);
        this.portalVersion = context.getBundle().getVersion().toString();
        if (Boolean.parseBoolean(context.getProperty(MAINTENANCE))) {
            register(context, "backup", this::backupCommand);
            register(context, "restore", this::restoreCommand);
        }
    }

    private void register(BundleContext context, String name, Function<Path, String> command) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(COMMAND, name);
        commands.add(context.registerService(Function.class, command, properties));
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> command : commands) {
            try {
                command.unregister();
            } catch (IllegalStateException gone) {
                // unregistered with the bundle
            }
        }
        worker.shutdownNow();
    }

    private BackupWriter writer() {
        return new BackupWriter(dataSource, dataDir, modules, portalVersion, Clock.systemUTC());
    }

    String backupCommand(Path target) {
        try {
            Path absolute = target.toAbsolutePath();
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            Manifest manifest = writer().write(absolute, step -> { });
            return "Sicherung geschrieben: " + absolute + " (" + describe(manifest) + ", "
                    + FileSizes.of(Files.size(absolute)) + ").";
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.error("Backup failed", e);
            throw new IllegalStateException("Die Sicherung ist fehlgeschlagen: " + e.getMessage(), e);
        }
    }

    String restoreCommand(Path source) {
        try {
            Restorer.Result result = new Restorer(dataSource, dataDir, modules).restore(source.toAbsolutePath());
            return "Sicherung vom " + result.manifest().created() + " eingespielt: " + result.rows() + " Zeilen, "
                    + result.files() + " Dateien, " + result.bundles() + " Erweiterungen, "
                    + result.manifest().schemas().size() + " Modulschemata.";
        } catch (Refused e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.error("Restore failed", e);
            throw new IllegalStateException("Die Wiederherstellung ist fehlgeschlagen: " + e.getMessage(), e);
        }
    }

    static String describe(Manifest manifest) {
        long rows = manifest.tables().stream().mapToLong(Manifest.TableEntry::rows).sum();
        long files = manifest.parts().stream().filter(p -> p.name().startsWith("files/")).count();
        return manifest.tables().size() + " Tabellen mit " + rows + " Zeilen, " + files + " Dateien, "
                + manifest.bundles().size() + " Erweiterungen";
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public synchronized State start() {
        if (state.phase() == Phase.RUNNING) {
            return state;
        }
        Instant started = Instant.now();
        String name = "ringportal-sicherung-" + FILE_TIME.format(started) + ".zip";
        state = new State(Phase.RUNNING, started, null, name, 0, "Die Sicherung beginnt.");
        worker.execute(() -> run(started, name));
        return state;
    }

    private void run(Instant started, String name) {
        try {
            Path folder = Files.createDirectories(dataDir.resolve("backups"));
            Path target = folder.resolve(name);
            Manifest manifest = writer().write(target, step -> state = new State(Phase.RUNNING, started, null, name,
                    0, step));
            file = target;
            removeOlder(folder, target);
            state = new State(Phase.DONE, started, Instant.now(), name, Files.size(target), describe(manifest));
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.error("Backup failed", e);
            state = new State(Phase.FAILED, started, Instant.now(), name, 0, "Die Sicherung ist fehlgeschlagen: "
                    + e.getMessage());
        }
    }

    private static void removeOlder(Path folder, Path keep) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.zip")) {
            for (Path old : files) {
                if (!old.equals(keep)) {
                    Files.deleteIfExists(old);
                }
            }
        }
    }

    @Override
    public Optional<Path> file() {
        Path current = file;
        return current != null && Files.isRegularFile(current) ? Optional.of(current) : Optional.empty();
    }
}
