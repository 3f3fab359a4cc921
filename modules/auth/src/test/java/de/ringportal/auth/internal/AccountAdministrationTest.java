package de.ringportal.auth.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;

import de.ringportal.auth.internal.AccountAdministration.Actor;
import de.ringportal.auth.internal.AuditLog.Event;
import de.ringportal.core.api.Role;
import de.ringportal.core.testing.BothDatabases;
import de.ringportal.core.testing.TestDatabase;

/** What an administrator's actions do to accounts, sessions and the audit log, on a real (in-memory) database. */
@RunWith(BothDatabases.class)
public class AccountAdministrationTest {

    private static final Actor ADMIN = new Actor("admin", "192.0.2.7");

    private Accounts accounts;
    private AuditLog audit;
    private SessionStore sessions;
    private AccountAdministration administration;
    private int adminId;

    @Before
    public void setUp() {
        DataSource dataSource = TestDatabase.migrated(AuditLog.class, "auth");
        accounts = new Accounts(dataSource, null);
        audit = new AuditLog(dataSource, null);
        sessions = mock(SessionStore.class);
        LoginService logins = mock(LoginService.class);
        when(logins.hash(anyString())).thenReturn("$argon2id$unknowable");
        ResetTokens.Config config = mock(ResetTokens.Config.class);
        when(config.validityHours()).thenReturn(24);
        administration = new AccountAdministration(accounts, sessions, audit,
                new ResetTokens(dataSource, config, new TestClock(Instant.parse("2026-11-24T10:00:00Z"))), logins);
        adminId = accounts.create(profile("admin", EnumSet.of(Role.ADMINISTRATION)), "hash");
    }

    /** A new account has a password hash nobody chose, a link to set one, and two audit entries by the admin. */
    @Test
    public void create_stores_the_account_issues_a_link_and_audits_both() {
        AccountForm form = form("erika.muster", "Erika Muster", EnumSet.of(Role.RINGMITGLIED));
        assertTrue(form.validate(true));

        AccountAdministration.Created created = administration.create(form, ADMIN).orElseThrow();

        Account account = accounts.byId(created.id()).orElseThrow();
        assertEquals("erika.muster", account.userName());
        assertEquals("$argon2id$unknowable", account.passwordHash());
        assertEquals(Set.of(Role.RINGMITGLIED), account.roles());
        assertEquals(43, created.link().token().length());
        List<AuditLog.Entry> entries = entries();
        assertEquals(Event.PASSWORD_RESET_ISSUED, entries.get(0).event());
        assertEquals(Event.ACCOUNT_CREATED, entries.get(1).event());
        for (AuditLog.Entry entry : entries.subList(0, 2)) {
            assertEquals("admin", entry.actor());
            assertEquals("erika.muster", entry.subject());
            assertEquals("192.0.2.7", entry.client());
        }
        assertEquals("Rollen: Ringmitglied; aktiv", entries.get(1).detail());
    }

    /** A taken user name (in any case) is a form error, and no second account appears. */
    @Test
    public void taken_user_name_is_a_form_error() {
        AccountForm form = form("admin", "Noch ein Admin", EnumSet.noneOf(Role.class));

        assertEquals(Optional.empty(), administration.create(form, ADMIN));
        assertEquals("Dieser Benutzername ist schon vergeben.", form.errors().byField().get(AccountForm.USER_NAME));
        assertEquals(1, accounts.count(""));
    }

    /** A role change is audited with old and new roles, a name change as such, and sessions see the new values. */
    @Test
    public void update_audits_role_and_field_changes_and_refreshes_sessions() {
        int id = accounts.create(profile("erika", EnumSet.of(Role.RINGMITGLIED)), "hash");
        Account before = accounts.byId(id).orElseThrow();

        assertTrue(administration.update(before, edit("Erika Neu", EnumSet.of(Role.RINGMITGLIED, Role.REDAKTION)),
                ADMIN));

        List<AuditLog.Entry> entries = entries();
        assertEquals(Event.ROLES_CHANGED, entries.get(0).event());
        assertEquals("Ringmitglied → Ringmitglied, Redaktion", entries.get(0).detail());
        assertEquals(Event.ACCOUNT_CHANGED, entries.get(1).event());
        assertEquals("geändert: Name", entries.get(1).detail());
        verify(sessions).refresh(argThat(account -> account.id() == id && account.displayName().equals("Erika Neu")
                && account.roles().contains(Role.REDAKTION)));
    }

    /** Saving unchanged values writes no audit entry. */
    @Test
    public void unchanged_save_is_not_audited() {
        int id = accounts.create(profile("erika", EnumSet.of(Role.RINGMITGLIED)), "hash");
        int before = audit.count(new AuditLog.Filter(null, null, null, null));

        assertTrue(administration.update(accounts.byId(id).orElseThrow(),
                edit("Name of erika", EnumSet.of(Role.RINGMITGLIED)), ADMIN));

        assertEquals(before, audit.count(new AuditLog.Filter(null, null, null, null)));
    }

    /** Disabling ends every session of the account at once and is audited. */
    @Test
    public void disable_ends_the_sessions_and_is_audited() {
        int id = accounts.create(profile("erika", EnumSet.of(Role.RINGMITGLIED)), "hash");

        assertEquals(Optional.empty(), administration.disable(accounts.byId(id).orElseThrow(), ADMIN));

        assertFalse(accounts.byId(id).orElseThrow().enabled());
        verify(sessions).endAll(id);
        assertEquals(Event.ACCOUNT_DISABLED, entries().get(0).event());
        administration.enable(accounts.byId(id).orElseThrow(), ADMIN);
        assertTrue(accounts.byId(id).orElseThrow().enabled());
        assertEquals("aktiviert", entries().get(0).detail());
    }

    /** The last enabled administrator can neither be disabled nor lose the role; with a second one, both work. */
    @Test
    public void last_enabled_administrator_keeps_role_and_stays_enabled() {
        Account admin = accounts.byId(adminId).orElseThrow();

        assertTrue(administration.disable(admin, ADMIN).orElseThrow().contains("letzte aktive"));
        AccountForm demote = edit("Administration", EnumSet.of(Role.REDAKTION));
        assertFalse(administration.update(admin, demote, ADMIN));
        assertTrue(demote.errors().byField().get(AccountForm.ROLES).contains("letzte aktive"));
        assertTrue(accounts.byId(adminId).orElseThrow().enabled());
        assertEquals(Set.of(Role.ADMINISTRATION), accounts.byId(adminId).orElseThrow().roles());
        verify(sessions, never()).endAll(adminId);

        accounts.create(profile("zweite", EnumSet.of(Role.ADMINISTRATION)), "hash");
        assertTrue(administration.update(admin, edit("Administration", EnumSet.of(Role.REDAKTION)), ADMIN));
        assertEquals(Set.of(Role.REDAKTION), accounts.byId(adminId).orElseThrow().roles());
    }

    /** A disabled second administrator does not count as a remaining one. */
    @Test
    public void disabled_administrator_does_not_count() {
        int other = accounts.create(profile("zweite", EnumSet.of(Role.ADMINISTRATION)), "hash");
        accounts.update(other, new Accounts.Profile("zweite", "Zweite", null, null, false,
                EnumSet.of(Role.ADMINISTRATION)));

        assertTrue(administration.disable(accounts.byId(adminId).orElseThrow(), ADMIN).isPresent());
    }

    private List<AuditLog.Entry> entries() {
        return audit.find(new AuditLog.Filter(null, null, null, null), 0, 50);
    }

    private static Accounts.Profile profile(String userName, Set<Role> roles) {
        return new Accounts.Profile(userName, "Name of " + userName, null, null, true, roles);
    }

    private static AccountForm form(String userName, String name, Set<Role> roles) {
        return new AccountForm(userName, name, "", "", roles, true, false);
    }

    private static AccountForm edit(String name, Set<Role> roles) {
        AccountForm form = new AccountForm("", name, "", "", roles, true, false);
        assertTrue(form.validate(false));
        return form;
    }
}
