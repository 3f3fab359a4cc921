package de.ringportal.auth.internal;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import de.ringportal.core.api.Role;
import de.ringportal.core.forms.FormErrors;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The account form as sent: cleaned values and, after {@link #validate}, the German message for each field that is
 * wrong in {@link #errors}. Names of the form fields are German, like everything the browser shows.
 *
 * @param unknownRole a role id was sent that the portal does not have (refused, not silently dropped)
 */
record AccountForm(String userName, String displayName, String email, String municipality, Set<Role> roles,
        boolean enabled, boolean unknownRole, FormErrors errors) {

    static final String USER_NAME = "benutzername";
    static final String NAME = "name";
    static final String EMAIL = "email";
    static final String MUNICIPALITY = "ags";
    static final String ROLES = "rolle";
    static final String ENABLED = "aktiv";
    /** The summary links a roles problem to the first check box. */
    static final String ROLES_ANCHOR = "rolle-" + Role.values()[0].id();

    AccountForm {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    AccountForm(String userName, String displayName, String email, String municipality, Set<Role> roles,
            boolean enabled, boolean unknownRole) {
        this(userName, displayName, email, municipality, roles, enabled, unknownRole, new FormErrors());
    }

    /** The form of a new account: active, no roles yet. */
    static AccountForm blank() {
        return new AccountForm("", "", "", "", Set.of(), true, false);
    }

    static AccountForm of(Account account) {
        return new AccountForm(account.userName(), account.displayName(), nullToEmpty(account.email()),
                nullToEmpty(account.municipality()), account.roles(), account.enabled(), false);
    }

    /** Reads the sent form; {@code enabled} is only read from it on the create form, the edit form keeps it. */
    static AccountForm read(HttpServletRequest request, boolean create, boolean currentlyEnabled) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        boolean unknownRole = false;
        String[] sent = request.getParameterValues(ROLES);
        if (sent != null) {
            for (String id : sent) {
                Optional<Role> role = Role.fromId(id);
                role.ifPresent(roles::add);
                unknownRole |= role.isEmpty();
            }
        }
        return new AccountForm(create ? Accounts.normalize(AccountRules.clean(request.getParameter(USER_NAME))) : "",
                AccountRules.clean(request.getParameter(NAME)), AccountRules.clean(request.getParameter(EMAIL)),
                AccountRules.clean(request.getParameter(MUNICIPALITY)), roles,
                create ? request.getParameter(ENABLED) != null : currentlyEnabled, unknownRole);
    }

    /** Checks every field; true when there is nothing to complain about. */
    boolean validate(boolean create) {
        if (create) {
            problem(USER_NAME, AccountRules.userNameProblem(userName));
        }
        problem(NAME, AccountRules.displayNameProblem(displayName));
        problem(EMAIL, AccountRules.emailProblem(email));
        problem(MUNICIPALITY, AccountRules.municipalityProblem(municipality));
        if (unknownRole) {
            problem(ROLES, "Bitte wählen Sie nur Rollen aus der Liste.");
        }
        return !errors.hasErrors();
    }

    /** Adds a problem of a field (null: none); a field keeps its first problem. */
    void problem(String field, String message) {
        if (message != null) {
            errors.add(field, ROLES.equals(field) ? ROLES_ANCHOR : FormErrors.anchor(field), message);
        }
    }

    Accounts.Profile profile(String storedUserName) {
        return new Accounts.Profile(storedUserName, displayName, emptyToNull(email), emptyToNull(municipality),
                enabled, roles);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
