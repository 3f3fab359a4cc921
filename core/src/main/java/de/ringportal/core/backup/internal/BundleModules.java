package de.ringportal.core.backup.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ringportal.core.internal.SchemaScripts;

/** {@link Modules} from the framework: module bundles by their schema header, feature bundles by their location. */
final class BundleModules implements Modules {

    /** Where the administration installs uploaded feature bundles from (see the admin module's inventory). */
    static final String UPLOADED = "ringportal:upload:";
    private static final Logger LOG = LoggerFactory.getLogger(BundleModules.class);

    private final BundleContext context;
    private final DataSource dataSource;

    BundleModules(BundleContext context, DataSource dataSource) {
        this.context = context;
        this.dataSource = dataSource;
    }

    private Optional<Bundle> declaring(String schema) {
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() != Bundle.UNINSTALLED
                    && schema.equals(SchemaScripts.schemaOf(bundle).orElse(null))) {
                return Optional.of(bundle);
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> newest(String schema) {
        return declaring(schema).map(SchemaScripts::newest);
    }

    @Override
    public void migrate(String schema, String version) {
        Bundle bundle = declaring(schema).orElseThrow(() -> new IllegalStateException("No module for " + schema));
        SchemaScripts.migrate(dataSource, bundle, schema, version);
    }

    @Override
    public List<Installed> installed() throws IOException {
        List<Installed> installed = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(UPLOADED) && bundle.getState() != Bundle.UNINSTALLED) {
                installed.add(new Installed(bundle.getLocation(), bundle.getSymbolicName(),
                        bundle.getVersion().toString(), BundleJars.of(bundle)));
            }
        }
        return installed;
    }

    @Override
    public void install(String location, byte[] jar) throws IOException {
        Bundle bundle;
        try {
            bundle = context.installBundle(location, BundleJars.stream(jar));
        } catch (BundleException e) {
            throw new IOException("Das Modul " + location + " lässt sich nicht installieren: " + e.getMessage(), e);
        }
        try {
            bundle.start();
        } catch (BundleException e) {
            // installed all the same: the administration page shows it and can start it once what it needs is there
            LOG.warn("Restored module {} does not start yet: {}", bundle.getSymbolicName(), e.getMessage());
        }
    }
}
