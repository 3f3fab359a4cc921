package de.ringportal.auth.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.EnumSet;

import org.junit.Test;

import de.ringportal.core.api.Role;
import jakarta.servlet.http.HttpServletRequest;

/** The account form as a browser sends it. */
public class AccountFormTest {

    /** User names are trimmed and lower-cased; roles are read by id; empty optional fields are stored as null. */
    @Test
    public void reads_and_cleans_the_create_form() {
        HttpServletRequest request = request("  Erika.Muster ", " Erika  Muster ", "", "08426",
                new String[] { "ringmitglied", "redaktion" }, "ja");

        AccountForm form = AccountForm.read(request, true, false);

        assertTrue(form.validate(true));
        assertEquals("erika.muster", form.userName());
        assertEquals("Erika  Muster", form.displayName());
        assertEquals(EnumSet.of(Role.RINGMITGLIED, Role.REDAKTION), form.roles());
        assertTrue(form.enabled());
        Accounts.Profile profile = form.profile("erika.muster");
        assertEquals(null, profile.email());
        assertEquals("08426", profile.municipality());
    }

    /** A made-up role is refused, not silently dropped; every wrong field gets its message. */
    @Test
    public void unknown_role_and_wrong_fields_are_each_reported() {
        HttpServletRequest request = request("x", "", "nope", "1", new String[] { "superuser" }, null);

        AccountForm form = AccountForm.read(request, true, true);

        assertFalse(form.validate(true));
        assertEquals(5, form.errors().list().size());
        assertFalse(form.enabled());
        assertEquals("Bitte wählen Sie nur Rollen aus der Liste.", form.errors().byField().get(AccountForm.ROLES));
        assertEquals("the summary links a roles problem to the first check box", "rolle-" + Role.values()[0].id(),
                form.errors().list().get(4).target());
    }

    /** The edit form has no user name and no enabled box: those stay as stored. */
    @Test
    public void edit_form_keeps_the_enabled_state() {
        HttpServletRequest request = request("eve", "Erika", "", "", null, null);

        AccountForm form = AccountForm.read(request, false, true);

        assertTrue(form.validate(false));
        assertEquals("", form.userName());
        assertTrue(form.enabled());
        assertTrue(form.roles().isEmpty());
    }

    private static HttpServletRequest request(String userName, String name, String email, String ags,
            String[] roles, String enabled) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getParameter(AccountForm.USER_NAME)).thenReturn(userName);
        when(request.getParameter(AccountForm.NAME)).thenReturn(name);
        when(request.getParameter(AccountForm.EMAIL)).thenReturn(email);
        when(request.getParameter(AccountForm.MUNICIPALITY)).thenReturn(ags);
        when(request.getParameterValues(AccountForm.ROLES)).thenReturn(roles);
        when(request.getParameter(AccountForm.ENABLED)).thenReturn(enabled);
        return request;
    }
}
