package de.ringportal.it;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

import de.ringportal.core.api.ModuleSchema;

/** A module is a bundle: stopping it takes its pages and menu entries away at runtime, starting it brings them back. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BundleLifecycleIT extends PortalTestSupport {

    private static final String SITE = "de.ringportal.site";

    /** Leaves the site running for whatever runs next in this container, even after a failed assertion. */
    @After
    public void restartSite() throws BundleException {
        installedBundle(SITE).start();
    }

    /** With the site module stopped, its pages answer 404 and its menu entries vanish; the rest keeps serving. */
    @Test
    public void stopping_the_site_module_removes_its_pages_and_menu_entries() throws BundleException {
        installedBundle(SITE).stop();

        waitFor("/ answers 404", () -> get("/").status() == 404);
        assertEquals(404, get("/impressum").status());
        Response notFound = get("/datenschutz");
        assertEquals(404, notFound.status());
        assertThat("the error page keeps the layout", notFound.body(), containsString("<h1>Seite nicht gefunden</h1>"));
        assertThat(notFound.body(), containsString("<nav class=\"main-nav\""));
        assertThat(section(notFound.body(), "<nav class=\"main-nav\"", "</nav>"), not(containsString("Startseite")));
        String footer = section(notFound.body(), "<footer", "</footer>");
        assertThat(footer, not(containsString("Impressum")));
        assertThat(footer, not(containsString("Datenschutz")));
        assertThat(footer, not(containsString("Barrierefreiheit")));
        assertEquals(200, get("/health").status());
        assertEquals("UP", health().path("status").asText());
    }

    /** Starting the stopped site module again brings back its pages and its menu entries. */
    @Test
    public void starting_the_site_module_again_restores_its_pages_and_menu_entries() throws BundleException {
        Bundle site = installedBundle(SITE);
        site.stop();
        waitFor("/ answers 404", () -> get("/").status() == 404);

        site.start();

        awaitService(ModuleSchema.class, "(" + ModuleSchema.NAME + "=site)");
        waitFor("/ answers 200 again", () -> get("/").status() == 200);
        Response start = get("/");
        assertThat(start.body(), containsString("<h1>Willkommen</h1>"));
        assertThat(section(start.body(), "<nav class=\"main-nav\"", "</nav>"), containsString(">Startseite</a>"));
        String footer = section(start.body(), "<footer", "</footer>");
        assertThat(footer, containsString("<a href=\"/impressum\">Impressum</a>"));
        assertThat(footer, containsString("<a href=\"/datenschutz\">Datenschutz</a>"));
        assertThat(footer, containsString("<a href=\"/barrierefreiheit\">Barrierefreiheit</a>"));
        assertEquals(200, get("/impressum").status());
    }
}
