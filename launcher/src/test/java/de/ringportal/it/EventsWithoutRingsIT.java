package de.ringportal.it;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.api.Role;

/**
 * The events module installed into a portal without the rings module (uninstalled and refreshed first): the bundle
 * resolves without the optionally imported rings API, starts, and its form asks for the ring's id as text with a hint.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EventsWithoutRingsIT extends AuthTestSupport {

    private static final String FILES = "ringportal.it.events.files";
    private static final String EDITOR = "ohne-ringe-redaktion";
    private static final String RINGS_API = "de.ringportal.rings.api";

    @Override
    protected Option[] additionalOptions(Path work) throws IOException {
        Path files = Files.createDirectories(work.resolve("files"));
        Files.copy(TestBundles.eventsJar(), files.resolve("events.jar"));
        return new Option[] {frameworkProperty(FILES).value(files.toString())};
    }

    @Test
    public void events_run_without_the_rings_module_and_ask_for_the_ring_id() throws Exception {
        Bundle rings = installedBundle("de.ringportal.rings");
        rings.uninstall();
        CountDownLatch refreshed = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(rings),
                event -> refreshed.countDown());
        assertTrue("the framework refreshes within 60 s", refreshed.await(60, TimeUnit.SECONDS));
        assertFalse(List.of(context.getBundles()).stream()
                .anyMatch(bundle -> "de.ringportal.rings".equals(bundle.getSymbolicName())));

        Bundle events = context.installBundle(Path.of(context.getProperty(FILES)).resolve("events.jar").toUri()
                .toString());
        events.start();
        assertEquals(Bundle.ACTIVE, events.getState());
        assertTrue("no wire to the rings API", events.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package")
                .stream().noneMatch(wire -> RINGS_API.equals(wire.getCapability().getAttributes()
                        .get("osgi.wiring.package"))));
        awaitService(ModuleSchema.class, "(" + ModuleSchema.NAME + "=events)");
        waitFor("/veranstaltungen answers 200", () -> get("/veranstaltungen").status() == 200);

        createAccount(EDITOR, "Redaktion ohne Ringe", null, Role.REDAKTION);
        Visitor editor = visitor();
        assertEquals(303, editor.login(EDITOR, PASSWORD, "/").status());
        Visitor.Page form = editor.get("/veranstaltungen/neu");
        assertEquals(200, form.status());
        assertThat(form.body(), containsString("<input type=\"text\" id=\"feld-ring\" name=\"ring\""));
        assertThat(form.body(), containsString("Das Modul der Vergleichsringe läuft derzeit nicht"));
        assertThat(form.body(), not(containsString("<select id=\"feld-ring\"")));

        Visitor.Page bad = editor.post("/veranstaltungen/neu", fields(editor, "Falsche Kennung", "../x"));
        assertEquals(422, bad.status());
        assertThat(bad.body(), containsString("Eine Ring-Kennung besteht aus höchstens 32 Buchstaben"));
        Visitor.Page created = editor.post("/veranstaltungen/neu", fields(editor, "Ringtreffen ohne Ringmodul", "3"));
        assertEquals(created.body(), 303, created.status());
        Visitor.Page page = editor.get(created.header("Location"));
        assertThat(page.body(), containsString("Ringtreffen ohne Ringmodul"));
        assertThat(page.body(), containsString("Ring 3"));
    }

    private static Map<String, String> fields(Visitor visitor, String title, String ring) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", visitor.get("/").csrfToken());
        fields.put("titel", title);
        fields.put("tag", LocalDate.now().plusDays(7).toString());
        fields.put("beginn", "10:00");
        fields.put("ende", "12:00");
        fields.put("ort", "Kreishaus");
        fields.put("ring", ring);
        fields.put("programm", "Begrüßung");
        return fields;
    }
}
