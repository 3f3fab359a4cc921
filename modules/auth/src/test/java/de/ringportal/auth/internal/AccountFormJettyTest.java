package de.ringportal.auth.internal;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import javax.sql.DataSource;

import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.Role;
import de.ringportal.core.api.Viewer;
import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;
import de.ringportal.core.testing.TestJetty;
import de.ringportal.core.testing.TestViews;

/**
 * The account form of the administration in a real embedded Jetty, with the real templates and layout: refused
 * input comes back as 422 with the values as typed and the shared error summary linking to the fields; a valid edit
 * is saved and answered with 303 to the form with its notice; unknown accounts are 404 and outsiders are refused
 * before any route.
 */
@RunWith(BothDatabases.class)
public class AccountFormJettyTest {

    private static final String ACCOUNTS = "/admin/konten";

    private static Accounts accounts;
    private static int memberId;
    private static boolean administrator = true;
    private static TestJetty jetty;

    @BeforeClass
    public static void startJetty() throws Exception {
        DataSource dataSource = TestDatabase.migrated(AuditLog.class, "auth");
        accounts = new Accounts(dataSource, null);
        AuditLog audit = new AuditLog(dataSource, null);
        LoginService logins = mock(LoginService.class);
        when(logins.hash(anyString())).thenReturn("$argon2id$unknowable");
        ResetTokens.Config config = mock(ResetTokens.Config.class);
        when(config.validityHours()).thenReturn(24);
        AccountAdministration administration = new AccountAdministration(accounts, mock(SessionStore.class), audit,
                new ResetTokens(dataSource, config, new TestClock(Instant.parse("2026-11-24T10:00:00Z"))), logins);
        accounts.create(new Accounts.Profile("admin", "Administration", null, null, true,
                EnumSet.of(Role.ADMINISTRATION)), "hash");
        memberId = accounts.create(new Accounts.Profile("erika", "Erika Muster", null, "08426", true,
                EnumSet.of(Role.RINGMITGLIED)), "hash");
        // the access rules themselves are core's and tested there
        Access access = mock(Access.class);
        when(access.mayAdminister(any())).thenAnswer(call -> administrator);
        when(access.require(any(), any(), anyBoolean())).thenAnswer(call -> {
            if (!(boolean) call.getArgument(2)) {
                ((jakarta.servlet.http.HttpServletResponse) call.getArgument(1)).sendError(403);
            }
            return call.getArgument(2);
        });
        when(access.viewer(any())).thenReturn(new Viewer("admin", "Administration", null,
                Set.of(Role.ADMINISTRATION)));
        AccountPages pages = new AccountPages(access, TestViews.of(AccountPages.class), accounts, administration);
        jetty = TestJetty.start(context -> context.addServlet(new ServletHolder(pages), ACCOUNTS + "/*"));
    }

    @AfterClass
    public static void stopJetty() throws Exception {
        jetty.close();
    }

    /** A new account with a wrong user name and e-mail: 422, both in the summary, the typed values kept. */
    @Test
    public void refused_new_account_comes_back_with_422_the_typed_values_and_the_summary() throws Exception {
        HttpResponse<String> refused = jetty.post(ACCOUNTS + "/neu", "benutzername", "x", "name", "Max <Muster>",
                "email", "kein-at", "ags", "08426", "rolle", "redaktion", "aktiv", "ja");

        assertEquals(422, refused.statusCode());
        String page = refused.body();
        assertThat(page, containsString("<div class=\"error-summary\" role=\"alert\">"));
        assertThat(page, containsString("<li><a href=\"#feld-benutzername\">"));
        assertThat(page, containsString("<li><a href=\"#feld-email\">"));
        assertThat(page, not(containsString("<li><a href=\"#feld-name\">")));
        assertThat(page, containsString("name=\"benutzername\" value=\"x\""));
        assertThat("typed text is shown again, escaped", page,
                containsString("name=\"name\" value=\"Max &lt;Muster&gt;\""));
        assertThat(page, containsString("name=\"email\" value=\"kein-at\""));
        assertThat(page, containsString("value=\"redaktion\" checked"));
        assertFalse("nothing stored", accounts.byUserName("x").isPresent());
    }

    /** A made-up role: the summary links to the first role's check box. */
    @Test
    public void unknown_role_links_the_summary_to_the_role_boxes() throws Exception {
        Account before = accounts.byId(memberId).orElseThrow();
        HttpResponse<String> refused = jetty.post(ACCOUNTS + "/" + memberId, "name", "Erika Muster", "email", "",
                "ags", "08426", "rolle", "superuser");

        assertEquals(422, refused.statusCode());
        assertThat(refused.body(), containsString("<li><a href=\"#" + AccountForm.ROLES_ANCHOR
                + "\">Bitte wählen Sie nur Rollen aus der Liste.</a></li>"));
        assertEquals("nothing stored", before, accounts.byId(memberId).orElseThrow());
    }

    /** A valid edit is stored and answered with 303 to the form, which shows the fixed notice. */
    @Test
    public void valid_edit_is_saved_and_answered_with_303() throws Exception {
        HttpResponse<String> saved = jetty.post(ACCOUNTS + "/" + memberId, "name", "Erika Neu", "email",
                "erika@example.org", "ags", "08426", "rolle", "ringmitglied", "rolle", "redaktion");

        assertEquals(303, saved.statusCode());
        String location = saved.headers().firstValue("Location").orElseThrow();
        assertEquals(ACCOUNTS + "/" + memberId + "?hinweis=gespeichert", location);
        Account stored = accounts.byId(memberId).orElseThrow();
        assertEquals("Erika Neu", stored.displayName());
        assertEquals(EnumSet.of(Role.RINGMITGLIED, Role.REDAKTION), EnumSet.copyOf(stored.roles()));
        HttpResponse<String> form = jetty.get(location);
        assertEquals(200, form.statusCode());
        assertThat(form.body(), containsString("Die Änderungen sind gespeichert."));
    }

    /** Unknown accounts and paths are 404 for administrators, a wrong method 405; outsiders get 403 everywhere. */
    @Test
    public void route_table_answers_404_405_and_refuses_outsiders_first() throws Exception {
        assertEquals(200, jetty.get(ACCOUNTS).statusCode());
        assertEquals(404, jetty.get(ACCOUNTS + "/999999").statusCode());
        assertEquals(404, jetty.get(ACCOUNTS + "/x").statusCode());
        assertEquals(405, jetty.get(ACCOUNTS + "/" + memberId + "/aktivieren").statusCode());
        administrator = false;
        try {
            for (String path : new String[] {ACCOUNTS, ACCOUNTS + "/999999", ACCOUNTS + "/nicht-da"}) {
                assertEquals(path, 403, jetty.get(path).statusCode());
            }
            assertEquals(403, jetty.post(ACCOUNTS + "/neu", "benutzername", "eindringling").statusCode());
        } finally {
            administrator = true;
        }
    }
}
