package de.ringportal.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The events module installed and removed again and again through the Erweiterungen page: visitors of the other
 * pages never notice (load test), and the removed versions do not pile up in memory (leak test: their class loaders
 * are collected, and the heap after a full GC stays within a bound).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BundleChurnIT extends AuthTestSupport {

    private static final String FILES = "ringportal.it.churn.files";
    /**
     * Heap growth allowed over 50 cycles after a full GC. Measured: +1.5 MB (49.5 to 51.1 MB) with all 50 class
     * loaders collected; the bound leaves room for GC noise on a busy CI machine, while one leaked bundle version
     * per cycle (its classes, templates and Flyway caches, several MB each) would exceed it well before 50 cycles.
     */
    static final long HEAP_BOUND_BYTES = 16L * 1024 * 1024;

    private Visitor admin;
    private byte[] eventsJar;

    @Override
    protected Option[] additionalOptions(Path work) throws IOException {
        Path files = Files.createDirectories(work.resolve("uploads"));
        Files.copy(TestBundles.eventsJar(), files.resolve("events.jar"));
        return new Option[] {frameworkProperty(FILES).value(files.toString())};
    }

    @Before
    public void loginAsAdministrator() throws IOException {
        admin = visitor();
        assertEquals(303, admin.login(ADMIN, PASSWORD, "/").status());
        eventsJar = Files.readAllBytes(Path.of(context.getProperty(FILES)).resolve("events.jar"));
    }

    /** During 20 install/uninstall cycles a steady client on the start page and a content page sees only 200s. */
    @Test
    public void a_steady_client_sees_only_200s_during_20_install_uninstall_cycles() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger served = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        Thread client = new Thread(() -> {
            String[] paths = {"/", "/impressum", "/aktuelles"};
            int i = 0;
            while (running.get()) {
                String path = paths[i++ % paths.length];
                try {
                    int status = get(path).status();
                    if (status == 200) {
                        served.incrementAndGet();
                    } else {
                        failures.merge(path + " " + status, 1, Integer::sum);
                    }
                } catch (RuntimeException e) {
                    failures.merge(path + " " + e.getClass().getSimpleName(), 1, Integer::sum);
                }
            }
        }, "steady-client");
        client.start();
        try {
            for (int cycle = 0; cycle < 20; cycle++) {
                installAndRemove();
            }
        } finally {
            running.set(false);
            client.join();
        }
        System.out.printf("BundleChurnIT: %d requests served with 200 during 20 cycles, failures %s%n", served.get(),
                failures);
        assertTrue("no request failed: " + failures, failures.isEmpty());
        assertTrue("the client kept being served", served.get() > 20);
    }

    /** After 50 cycles the removed versions' class loaders are gone and the heap has not grown beyond the bound. */
    @Test
    public void fifty_cycles_leave_no_class_loaders_behind_and_the_heap_bounded() {
        for (int cycle = 0; cycle < 5; cycle++) {
            installAndRemove(); // warm-up: the first cycles fill caches (Flyway, Jetty, the templates of others)
        }
        long before = heapAfterGc();
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        for (int cycle = 0; cycle < 50; cycle++) {
            loaders.add(installAndRemove());
        }
        long after = heapAfterGc();
        long alive = loaders.stream().filter(reference -> reference.get() != null).count();
        System.out.printf("BundleChurnIT: heap after GC %d kB before, %d kB after 50 cycles (%+d kB); "
                + "%d of 50 class loaders still reachable%n", before / 1024, after / 1024, (after - before) / 1024,
                alive);
        // at most the newest may still be in flight (a request thread finishing with it); measured: none
        assertTrue("class loaders of removed bundles are collected (" + alive + " of 50 still reachable)", alive <= 1);
        assertTrue("heap growth " + (after - before) / 1024 + " kB stays below " + HEAP_BOUND_BYTES / 1024 + " kB",
                after - before < HEAP_BOUND_BYTES);
    }

    /** One cycle through the page; returns a weak reference to the class loader of the version just removed. */
    private WeakReference<ClassLoader> installAndRemove() {
        String token = admin.get("/admin/erweiterungen").csrfToken();
        Visitor.Page installed = admin.postFile("/admin/erweiterungen/hochladen?_csrf=" + token,
                Map.of("_csrf", token), "datei", "events.jar", eventsJar);
        assertEquals(installed.body(), 200, installed.status());
        Bundle events = installedBundle(BundleAdministrationIT.EVENTS);
        WeakReference<ClassLoader> loader = new WeakReference<>(events.adapt(BundleWiring.class).getClassLoader());
        long id = events.getBundleId();
        waitFor("/veranstaltungen answers 200", () -> get("/veranstaltungen").status() == 200);
        Visitor.Page removed = admin.post("/admin/erweiterungen/aktion", Map.of("_csrf", token, "aktion", "entfernen",
                "id", Long.toString(id), "bestaetigt", "ja"));
        assertEquals(removed.body(), 200, removed.status());
        return loader;
    }

    private static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new IOException(e));
            }
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
