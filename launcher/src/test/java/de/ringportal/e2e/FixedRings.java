package de.ringportal.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

import de.ringportal.rings.api.Ring;
import de.ringportal.rings.api.Rings;

/**
 * A stand-in for the rings module in tests and benchmarks outside Pax Exam: a bundle (made by
 * {@link FixedRingsBundle}) whose activator registers {@link Rings} with a high ranking, with the same members in every
 * year, read from its resource {@value #RESOURCE} ({@code ring.4.name=...}, {@code ring.4.members=08426,08435}).
 */
public final class FixedRings implements Rings, BundleActivator {

    static final String RESOURCE = "fixed-rings.properties";

    private final List<Ring> rings = new ArrayList<>();
    private final Properties properties = new Properties();
    private ServiceRegistration<Rings> registration;

    @Override
    public void start(BundleContext context) {
        try (InputStream in = FixedRings.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String id : properties.getProperty("rings", "").split(",")) {
            if (!id.isBlank()) {
                rings.add(new Ring(id, Integer.parseInt(id), properties.getProperty("ring." + id + ".name"),
                        "Testring", ""));
            }
        }
        Hashtable<String, Object> serviceProperties = new Hashtable<>();
        serviceProperties.put(Constants.SERVICE_RANKING, 1000);
        registration = context.registerService(Rings.class, this, serviceProperties);
    }

    @Override
    public void stop(BundleContext context) {
        registration.unregister();
    }

    @Override
    public List<Ring> all() {
        return rings;
    }

    @Override
    public Optional<Ring> byId(String id) {
        return rings.stream().filter(ring -> ring.id().equals(id)).findFirst();
    }

    @Override
    public List<String> members(String ringId, int year) {
        String members = properties.getProperty("ring." + ringId + ".members", "");
        return members.isBlank() ? List.of() : Arrays.stream(members.split(",")).sorted().toList();
    }

    @Override
    public Optional<Ring> ringOf(String ags, int year) {
        return rings.stream().filter(ring -> members(ring.id(), year).contains(ags)).findFirst();
    }
}
