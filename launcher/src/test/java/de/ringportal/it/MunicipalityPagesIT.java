package de.ringportal.it;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceRegistration;

import de.ringportal.core.api.RingMemberships;
import de.ringportal.core.api.Role;
import de.ringportal.it.Visitor.Page;
import de.ringportal.municipalities.api.Municipalities;
import de.ringportal.municipalities.api.MunicipalityMap;

/**
 * The municipality registry in the real framework: public list, detail and map pages, the map service other modules
 * use, the administration with its CSV import (validated first, nothing written unless all lines are valid), access
 * rules, hostile input, and the rings module's memberships (registered here as the rings module would).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MunicipalityPagesIT extends AuthTestSupport {

    private static final String EDITOR = "kommunen-redaktion";
    private static final String MEMBER = "kommunen-mitglied";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Before
    public void registryAndAccounts() {
        awaitService(Municipalities.class, null);
        waitFor("/kommunen answers 200", () -> get("/kommunen").status() == 200);
        createAccount(EDITOR, "Kommunen Redaktion", null, Role.REDAKTION);
        createAccount(MEMBER, "Kommunen Mitglied", "05558", Role.RINGMITGLIED);
    }

    @After
    public void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    /** The list: every unit, the count line, and the story computed from the data (69 → 67 → 108). */
    @Test
    public void list_shows_the_registry_and_the_computed_story() {
        Response list = get("/kommunen");
        assertEquals(200, list.status());
        assertThat(list.body(), containsString("119 Einträge."));
        assertThat(list.body(), containsString("Wie viele Optionskommunen? 69 → 67 → 108"));
        assertThat(list.body(), containsString("69 (davon 1 nicht namentlich erfasst)"));
        assertThat(list.body(), containsString("Seite 1 von 3"));
        assertThat(list.body(), containsString("<a href=\"/kommunen/08426\">Landkreis Biberach</a>"));

        Response saxony = get("/kommunen?land=Sachsen&status=aufgeloest&sortierung=ags&richtung=ab");
        assertThat(saxony.body(), containsString("5 von 119 Einträgen passen zu den Filtern."));
        String table = section(saxony.body(), "<tbody>", "</tbody>");
        assertTrue("descending by AGS", table.indexOf("14383") < table.indexOf("14272"));
        assertThat(get("/kommunen?seite=3").body(), containsString("Seite 3 von 3"));
    }

    /** A detail page: facts with "unbekannt" where the sources are silent, sources, reforms and Destatis figures. */
    @Test
    public void detail_pages_show_facts_sources_reforms_and_population() {
        Response bautzen = get("/kommunen/14625");
        assertEquals(200, bautzen.status());
        assertThat(bautzen.body(), containsString("<h1>Landkreis Bautzen</h1>"));
        assertThat(bautzen.body(), containsString("<a href=\"/kommunen/14292\">Landkreis Kamenz</a>"));
        assertThat(bautzen.body(), containsString("© Statistisches Bundesamt (Destatis), 2019"));
        assertThat(bautzen.body(), containsString("abgeleitet"));

        Response kamenz = get("/kommunen/14292");
        assertThat(kamenz.body(), containsString("aufgegangen in:"));
        assertThat(kamenz.body(), containsString("(den Kreis, in dem diese Einheit aufgegangen ist)"));

        for (String missing : List.of("/kommunen/99999", "/kommunen/0842", "/kommunen/%3Cscript%3E",
                "/kommunen/08426x", "/kommunen/08426'%20OR%201=1")) {
            assertEquals(missing, 404, get(missing).status());
        }
        // an encoded "../" never reaches the page: Jetty refuses the ambiguous path itself
        assertEquals(400, get("/kommunen/..%2Fadmin").status());
    }

    /** The map: under 300 KB, every admitted Kreis a titled link, the BKG attribution linked. */
    @Test
    public void map_links_the_kreise_and_names_its_source() {
        Response map = get("/kommunen/karte");
        assertEquals(200, map.status());
        assertThat(map.body(), containsString("<a href=\"http://www.bkg.bund.de\">© GeoBasis-DE / BKG 2021 "
                + "(Daten verändert)</a>"));
        assertThat(map.body(), containsString("<a href=\"/kommunen/08426\"><title>Landkreis Biberach: "));
        String svg = section(map.body(), "<svg xmlns", "</svg>");
        assertTrue(svg.length() + " bytes", svg.getBytes(StandardCharsets.UTF_8).length < 300 * 1024);
        assertThat(map.body(), not(containsString("<script")));

        MunicipalityMap service = awaitService(MunicipalityMap.class, null);
        String ring = service.svg("Mitglieder des Vergleichsrings 4", Set.of("05558", "05554"));
        assertThat(ring, containsString("<title id=\""));
        assertThat(ring, containsString("Mitglieder des Vergleichsrings 4</title>"));
        assertEquals(2, Pattern.compile("<a href=").matcher(ring).results().count());
        assertTrue("drawn once, then cached", ring == service.svg("Mitglieder des Vergleichsrings 4",
                Set.of("05554", "05558")));
    }

    /** With the rings module's memberships, the list filters by ring and the detail page lists the years. */
    @Test
    public void ring_membership_from_the_rings_module() throws BundleException {
        int thisYear = Year.now().getValue();
        RingMemberships rings = (ags, year) -> ("05558".equals(ags) || "05554".equals(ags))
                && (year == thisYear || year == 2010) ? Set.of("4") : Set.of();
        registrations.add(context.registerService(RingMemberships.class, rings, ranked()));
        waitFor("the ring filter appears", () -> get("/kommunen").body().contains("id=\"filter-ring\""));

        Response ring4 = get("/kommunen?ring=4");
        assertThat(ring4.body(), containsString("2 von 119 Einträgen passen zu den Filtern."));
        Response coesfeld = get("/kommunen/05558");
        assertThat(coesfeld.body(), containsString("<tr><th scope=\"row\">2010</th><td><a href=\"/ringe/4\">Vergleichsring 4</a> </td></tr>"));

        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
        Bundle ringsModule = installedBundle("de.ringportal.rings");
        ringsModule.stop();
        try {
            waitFor("the pages say the rings are unavailable", () -> get("/kommunen/05558").body()
                    .contains("Die Zugehörigkeit zu den Vergleichsringen ist derzeit nicht verfügbar."));
        } finally {
            ringsModule.start();
        }
    }

    /** Anonymous visitors are sent to the login page, ring members get 403, for pages, download and upload. */
    @Test
    public void administration_is_for_redaktion_and_administration_only() {
        Visitor anonymous = visitor();
        Page refused = anonymous.get("/admin/kommunen/08426");
        assertEquals(302, refused.status());
        assertEquals("/anmelden?ziel=%2Fadmin%2Fkommunen%2F08426", refused.header("Location"));

        Visitor member = loggedIn(MEMBER);
        for (String path : List.of("/admin/kommunen", "/admin/kommunen/export.csv", "/admin/kommunen/08426",
                "/admin/kommunen/08426/fusion")) {
            assertEquals(path, 403, member.get(path).status());
        }
        String token = member.get("/").csrfToken();
        assertEquals(403, upload(member, token, "x.csv", "ags\n".getBytes(StandardCharsets.UTF_8)).status());
        assertEquals(403, member.post("/admin/kommunen/08426", Map.of("_csrf", String.valueOf(token), "name",
                "Gekapert")).status());
        assertEquals("Landkreis Biberach", awaitService(Municipalities.class, null).nameOf("08426"));

        assertEquals(200, loggedIn(EDITOR).get("/admin/kommunen").status());
        assertEquals(200, loggedIn(ADMIN).get("/admin/kommunen").status());
    }

    /** One bad line among 119 good ones: 422, the line is named, nothing is written. */
    @Test
    public void import_with_one_bad_line_imports_nothing_and_names_the_line() {
        Visitor editor = loggedIn(EDITOR);
        String csv = exportOf(editor);
        String[] lines = csv.split("\r\n");
        // line 5 of the file gets an impossible year, and Biberach (somewhere else) a new name
        lines[4] = lines[4].replaceFirst(",(2005|2012),", ",1999,");
        String changed = String.join("\r\n", lines).replace("Landkreis Biberach,", "Landkreis Biberach (neu),");

        Page report = upload(editor, csrf(editor), "kommunen.csv", changed.getBytes(StandardCharsets.UTF_8));
        assertEquals(422, report.status());
        assertThat(report.body(), containsString("Es wurde nichts geändert."));
        assertThat(report.body(), containsString("<strong>Zeile 5:</strong> Das Zulassungsjahr"));
        assertEquals("Landkreis Biberach", awaitService(Municipalities.class, null).nameOf("08426"));
        assertThat(get("/kommunen/08426").body(), not(containsString("(neu)")));
    }

    /** Bad files of every kind get a report, never a 500: wrong columns, duplicates, formulas, UTF-16, 11 MB. */
    @Test
    public void bad_files_are_reported() {
        Visitor editor = loggedIn(EDITOR);
        String csv = exportOf(editor);
        String header = csv.substring(0, csv.indexOf("\r\n"));
        String first = csv.split("\r\n")[1];
        Map<String, byte[]> files = Map.of(
                "Die Kopfzeile passt nicht.", "name;ags\nX;08426\n".getBytes(StandardCharsets.UTF_8),
                "steht schon in Zeile 2", (header + "\n" + first + "\n" + first + "\n").getBytes(StandardCharsets.UTF_8),
                "als Formel ausgeführt", (header + "\n" + first.replaceFirst(",[^,]*,", ",=CMD(\"calc\"),") + "\n")
                        .getBytes(StandardCharsets.UTF_8),
                "UTF-16", (header + "\n").getBytes(StandardCharsets.UTF_16),
                "größer als 10 MB", new byte[11 * 1024 * 1024 - 4096]);
        files.forEach((expected, bytes) -> {
            Page report = upload(editor, csrf(editor), "datei.csv", bytes);
            assertTrue(expected + ": " + report.status(), report.status() == 422 || report.status() == 413);
            assertThat(report.body(), containsString(expected));
        });
        assertEquals(119, awaitService(Municipalities.class, null).all().size());
    }

    /** A valid file is shown for confirmation first; confirming replaces the registry, and the map follows. */
    @Test
    public void valid_import_needs_confirmation_then_replaces_and_export_neutralises_formulas() {
        Visitor editor = loggedIn(EDITOR);
        String csv = exportOf(editor);
        String renamed = csv.replace("Kreis Coesfeld,", "Kreis Coesfeld (Import),");
        Page confirm = upload(editor, csrf(editor), "kommunen.csv", renamed.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, confirm.status());
        assertThat(confirm.body(), containsString("<dt>Geändert</dt><dd>1</dd>"));
        assertEquals("nothing changed before the confirmation", "Kreis Coesfeld",
                awaitService(Municipalities.class, null).nameOf("05558"));
        Matcher staged = Pattern.compile("name=\"datei\" value=\"([0-9a-f]+)\"").matcher(confirm.body());
        assertTrue(staged.find());

        Page done = editor.post("/admin/kommunen/import/bestaetigen", Map.of("_csrf", confirm.csrfToken(), "datei",
                staged.group(1)));
        assertEquals(303, done.status());
        assertEquals("Kreis Coesfeld (Import)", awaitService(Municipalities.class, null).nameOf("05558"));
        assertThat(get("/kommunen/karte").body(), containsString("<title>Kreis Coesfeld (Import): "));
        assertEquals("a staged file is used once", 303, editor.post("/admin/kommunen/import/bestaetigen",
                Map.of("_csrf", confirm.csrfToken(), "datei", staged.group(1))).status());

        // an edit with a formula-like (but valid) former name is exported with an apostrophe in front
        Page form = editor.get("/admin/kommunen/05558");
        Page saved = editor.post("/admin/kommunen/05558", Map.of("_csrf", form.csrfToken(), "name",
                "Kreis Coesfeld", "type", "Landkreis", "state", "Nordrhein-Westfalen", "admitted_year", "2005",
                "komtrzv_2012", "ja", "evidence", "belegt", "source", "Vorlage SV-7-0669",
                "area_note", "<script>alert(1)</script>"));
        assertEquals(303, saved.status());
        assertThat(get("/kommunen/05558").body(), containsString("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertThat(get("/kommunen/05558").body(), not(containsString("<script>alert(1)")));
    }

    /** A merger goes through a confirmation page; then the unit is merged and the count falls. */
    @Test
    public void merger_is_confirmed_then_recorded() {
        Visitor editor = loggedIn(EDITOR);
        Page form = editor.get("/admin/kommunen/05554/fusion");
        Page confirm = editor.post("/admin/kommunen/05554/fusion", Map.of("_csrf", form.csrfToken(), "nachfolger",
                "05566", "letzter_tag", "2030-12-31"));
        assertEquals(200, confirm.status());
        assertThat(confirm.body(), containsString("Wirklich eintragen, dass Kreis Borken mit Ablauf des 31.12.2030"));
        assertEquals(null, awaitService(Municipalities.class, null).byAgs("05554").orElseThrow().until());

        Page bad = editor.post("/admin/kommunen/05554/fusion", Map.of("_csrf", form.csrfToken(), "nachfolger",
                "' OR 1=1", "letzter_tag", "../", "bestaetigt", "ja"));
        assertEquals(422, bad.status());
        assertThat(bad.body(), containsString("fünfstelliger Kreisschlüssel"));

        Page done = editor.post("/admin/kommunen/05554/fusion", Map.of("_csrf", form.csrfToken(), "nachfolger",
                "05566", "letzter_tag", "2030-12-31", "bestaetigt", "ja"));
        assertEquals(303, done.status());
        assertThat(get("/kommunen/05554").body(), containsString("mit Ablauf des 31.12.2030"));
        assertThat(get("/kommunen/05566").body(), containsString("<a href=\"/kommunen/05554\">Kreis Borken</a>"));
    }

    /** The header box names the member's municipality; with the registry stopped it falls back to the key. */
    @Test
    public void header_box_names_the_municipality_and_degrades() throws Exception {
        Visitor member = loggedIn(MEMBER);
        assertThat(member.get("/").body(), containsString("<span class=\"login-box__org\">Kreis Coesfeld"));
        Bundle registry = installedBundle("de.ringportal.municipalities");
        registry.stop();
        try {
            waitFor("the key instead of the name", () -> member.get("/").body()
                    .contains("<span class=\"login-box__org\">Kommune 05558</span>"));
            assertEquals(404, get("/kommunen").status());
        } finally {
            registry.start();
        }
        awaitService(Municipalities.class, null);
        waitFor("the name again", () -> member.get("/").body().contains("login-box__org\">Kreis Coesfeld"));
    }

    private Visitor loggedIn(String userName) {
        Visitor visitor = visitor();
        assertEquals(userName, 303, visitor.login(userName, PASSWORD, "/").status());
        return visitor;
    }

    private static String csrf(Visitor visitor) {
        return visitor.get("/admin/kommunen").csrfToken();
    }

    /** The export as the editor downloads it, without its byte order mark. */
    private String exportOf(Visitor editor) {
        Page export = editor.get("/admin/kommunen/export.csv");
        assertEquals(200, export.status());
        assertThat(export.header("Content-Type"), containsString("text/csv"));
        return export.body().startsWith("\uFEFF") ? export.body().substring(1) : export.body();
    }

    /** The import form sent as a browser sends it: multipart, with the visitor's cookies and the CSRF token. */
    private Page upload(Visitor visitor, String token, String fileName, byte[] content) {
        String boundary = "----kommunen" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"datei\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        StringBuilder cookies = new StringBuilder();
        for (String name : List.of(Visitor.SESSION, Visitor.CSRF)) {
            if (visitor.cookie(name) != null) {
                cookies.append(name).append('=').append(visitor.cookie(name)).append("; ");
            }
        }
        int port = Integer.parseInt(context.getProperty("org.osgi.service.http.port"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/kommunen/import"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", cookies.toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
