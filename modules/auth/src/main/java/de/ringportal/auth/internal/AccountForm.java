package de.ringportal.auth.internal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import de.ringportal.core.api.Role;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The account form as sent: cleaned values and, after {@link #validate}, the German message for each field that is
 * wrong. Names of the form fields are German, like everything the browser shows.
 */
final class AccountForm {

    static final String USER_NAME = "benutzername";
    static final String NAME = "name";
    static final String EMAIL = "email";
    static final String MUNICIPALITY = "ags";
    static final String ROLES = "rolle";
    static final String ENABLED = "aktiv";

    final String userName;
    final String displayName;
    final String email;
    final String municipality;
    final Set<Role> roles;
    final boolean enabled;
    /** Field name to message, in the order of the form. */
    final Map<String, String> errors = new LinkedHashMap<>();
    private final boolean unknownRole;

    AccountForm(String userName, String displayName, String email, String municipality, Set<Role> roles,
            boolean enabled, boolean unknownRole) {
        this.userName = userName;
        this.displayName = displayName;
        this.email = email;
        this.municipality = municipality;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.enabled = enabled;
        this.unknownRole = unknownRole;
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
        return errors.isEmpty();
    }

    void problem(String field, String message) {
        if (message != null) {
            errors.putIfAbsent(field, message);
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
