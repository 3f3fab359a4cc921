package de.ringportal.it;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.CoreMatchers.startsWith;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;

import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/** The public pages of the shipped distribution, as a visitor's browser receives them. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SitePagesIT extends PortalTestSupport {

    private static final String SITE_TITLE = "Benchmarking der Optionskommunen";

    /** The start page shows the site title, the welcome text, the main menu and the legal links in the footer. */
    @Test
    public void start_page_shows_title_welcome_text_main_menu_and_footer_links() {
        Response page = get("/");

        assertEquals(200, page.status());
        assertThat(page.contentType(), startsWith("text/html"));
        assertThat(page.body(), containsString("<p class=\"site-title\"><a href=\"/\">" + SITE_TITLE + "</a>"));
        assertThat(page.body(), containsString("<h1>Willkommen</h1>"));
        assertThat(page.body(), containsString(
                "Seit dem 1. 1. 2005 ist in der Bundesrepublik Deutschland das Sozialgesetzbuch II"));
        assertThat(mainMenu(page), containsString("<a href=\"/\" aria-current=\"page\">Startseite</a>"));
        String footer = footer(page);
        assertThat(footer, containsString("<a href=\"/impressum\">Impressum</a>"));
        assertThat(footer, containsString("<a href=\"/datenschutz\">Datenschutz</a>"));
        assertThat(footer, containsString("<a href=\"/barrierefreiheit\">Barrierefreiheit</a>"));
    }

    /** Each page linked in the footer answers with its own heading inside the site layout. */
    @Test
    public void each_footer_page_answers_with_its_heading() {
        Map<String, String> headings = Map.of(
                "/impressum", "Impressum",
                "/datenschutz", "Datenschutz",
                "/barrierefreiheit", "Erklärung zur Barrierefreiheit");

        headings.forEach((path, heading) -> {
            Response page = get(path);
            assertEquals(path, 200, page.status());
            assertThat(path, page.body(), containsString("<h1>" + heading + "</h1>"));
            assertThat(path, page.body(), containsString("<title>" + heading + " – " + SITE_TITLE + "</title>"));
            assertThat(path, footer(page), containsString("href=\"" + path + "\" aria-current=\"page\""));
        });
    }

    /** An unknown address gets the styled German 404 page, never a stack trace. */
    @Test
    public void unknown_path_gets_the_styled_german_404_page_without_stack_trace() {
        Response page = get("/gibt-es-nicht");

        assertEquals(404, page.status());
        assertThat(page.contentType(), startsWith("text/html"));
        assertThat(page.body(), containsString("<h1>Seite nicht gefunden</h1>"));
        assertThat(page.body(), containsString("Fehler 404"));
        assertThat(page.body(), containsString(SITE_TITLE));
        assertThat(page.body(), containsString("<a href=\"/impressum\">Impressum</a>"));
        assertThat(page.body(), not(containsString("Exception")));
        assertThat(page.body(), not(containsString("\tat ")));
        assertThat(page.body(), not(containsString("Jetty")));
    }

    /** The health check reports the portal up, with the site's schema migrated. */
    @Test
    public void health_reports_up_with_the_site_schema_ok() {
        Response response = get("/health");

        assertEquals(200, response.status());
        assertThat(response.contentType(), startsWith("application/json"));
        JsonNode health = health();
        assertEquals("UP", health.path("status").asText());
        assertEquals("UP", health.path("database").asText());
        assertThat(health.path("schemas").path("site").asText(), startsWith("OK"));
    }

    private String mainMenu(Response page) {
        return section(page.body(), "<nav class=\"main-nav\"", "</nav>");
    }

    private String footer(Response page) {
        return section(page.body(), "<footer", "</footer>");
    }
}
