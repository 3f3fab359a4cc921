package de.ringportal.it;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** The activator of a test bundle that cannot start (see {@link TestBundles#throwingActivator}). */
public class ThrowingActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        throw new IllegalStateException("Absichtlicher Fehler beim Start");
    }

    @Override
    public void stop(BundleContext context) {
        // never started
    }
}
