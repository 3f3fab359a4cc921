package de.ringportal.auth.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.auth.internal.AuditLog.Event;
import de.ringportal.core.api.Role;
import de.ringportal.core.format.GermanDates;
import de.ringportal.core.pages.Exchange;

/**
 * What an administrator does to accounts, with the rules that hold whatever page asks: every change is audited
 * with the acting administrator and client address; a disabled account's sessions end at once, and running
 * sessions see new names and roles; the last enabled administrator can neither be disabled nor lose the role.
 * Passwords are never chosen by an administrator: a new account gets a one-time link to set its own.
 */
@Component(service = AccountAdministration.class)
public class AccountAdministration {

    /** Who acts, and from which client address. */
    public record Actor(String userName, String client) {

        /** The logged-in administrator of the request and the address it came from. */
        static Actor of(Exchange exchange) {
            return new Actor(exchange.viewer().userName(), exchange.request().getRemoteAddr());
        }
    }

    /** A new account and the link its owner sets the password with. */
    public record Created(int id, ResetTokens.Issued link) {
    }

    private final Accounts accounts;
    private final SessionStore sessions;
    private final AuditLog audit;
    private final ResetTokens tokens;
    private final LoginService logins;

    @Activate
    public AccountAdministration(@Reference Accounts accounts, @Reference SessionStore sessions,
            @Reference AuditLog audit, @Reference ResetTokens tokens, @Reference LoginService logins) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.tokens = tokens;
        this.logins = logins;
    }

    /**
     * Creates the account from a valid form, with a password nobody knows, and issues its first link. A taken user
     * name ends up as an error in the form instead.
     */
    public Optional<Created> create(AccountForm form, Actor actor) {
        if (accounts.byUserName(form.userName()).isPresent()) {
            form.problem(AccountForm.USER_NAME, "Dieser Benutzername ist schon vergeben.");
            return Optional.empty();
        }
        int id;
        try {
            // a random password's hash: the account cannot be logged into, but a login attempt costs the same time
            id = accounts.create(form.profile(form.userName()), logins.hash(Passwords.randomPassword()));
        } catch (IllegalStateException e) {
            if (accounts.byUserName(form.userName()).isPresent()) {
                // created in parallel by someone else: the unique constraint said no
                form.problem(AccountForm.USER_NAME, "Dieser Benutzername ist schon vergeben.");
                return Optional.empty();
            }
            throw e;
        }
        audit.record(Event.ACCOUNT_CREATED, actor.userName(), form.userName(), actor.client(),
                "Rollen: " + labels(form.roles()) + (form.enabled() ? "; aktiv" : "; deaktiviert"));
        return Optional.of(new Created(id, issueLink(accounts.byId(id).orElseThrow(), actor)));
    }

    /** Saves name, e-mail, municipality and roles; false (with a form error) when a rule forbids the change. */
    public boolean update(Account account, AccountForm form, Actor actor) {
        if (account.roles().contains(Role.ADMINISTRATION) && !form.roles().contains(Role.ADMINISTRATION)
                && account.enabled() && !accounts.hasOtherEnabledAdministrator(account.id())) {
            form.problem(AccountForm.ROLES, "Das letzte aktive Administrationskonto kann die Rolle "
                    + "„Administration“ nicht abgeben. Geben Sie sie zuerst einem anderen Konto.");
            return false;
        }
        accounts.update(account.id(), form.profile(account.userName()));
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(account.displayName(), form.displayName())) {
            changed.add("Name");
        }
        if (!Objects.equals(nullToEmpty(account.email()), form.email())) {
            changed.add("E-Mail");
        }
        if (!Objects.equals(nullToEmpty(account.municipality()), form.municipality())) {
            changed.add("Gemeinde");
        }
        if (!changed.isEmpty()) {
            audit.record(Event.ACCOUNT_CHANGED, actor.userName(), account.userName(), actor.client(),
                    "geändert: " + String.join(", ", changed));
        }
        if (!account.roles().equals(form.roles())) {
            audit.record(Event.ROLES_CHANGED, actor.userName(), account.userName(), actor.client(),
                    labels(account.roles()) + " → " + labels(form.roles()));
        }
        accounts.byId(account.id()).ifPresent(sessions::refresh);
        return true;
    }

    /** Disables the account and ends its sessions; the reason in German when a rule forbids it. */
    public Optional<String> disable(Account account, Actor actor) {
        if (!account.enabled()) {
            return Optional.empty();
        }
        if (account.roles().contains(Role.ADMINISTRATION) && !accounts.hasOtherEnabledAdministrator(account.id())) {
            return Optional.of("Das letzte aktive Administrationskonto kann nicht deaktiviert werden.");
        }
        accounts.update(account.id(), withEnabled(account, false));
        sessions.endAll(account.id());
        audit.record(Event.ACCOUNT_DISABLED, actor.userName(), account.userName(), actor.client(), null);
        return Optional.empty();
    }

    public void enable(Account account, Actor actor) {
        if (account.enabled()) {
            return;
        }
        accounts.update(account.id(), withEnabled(account, true));
        audit.record(Event.ACCOUNT_CHANGED, actor.userName(), account.userName(), actor.client(), "aktiviert");
    }

    /** A new one-time link for the account; older unused links of the account stop working. */
    public ResetTokens.Issued issueLink(Account account, Actor actor) {
        ResetTokens.Issued issued = tokens.issue(account.id());
        audit.record(Event.PASSWORD_RESET_ISSUED, actor.userName(), account.userName(), actor.client(),
                "gültig bis " + GermanDates.dateTime(issued.expiresAt()));
        return issued;
    }

    /** German role labels in the enum's order, or "keine". */
    static String labels(Set<Role> roles) {
        String joined = roles.stream().sorted().map(Role::label).collect(Collectors.joining(", "));
        return joined.isEmpty() ? "keine" : joined;
    }

    private static Accounts.Profile withEnabled(Account account, boolean enabled) {
        return new Accounts.Profile(account.userName(), account.displayName(), account.email(),
                account.municipality(), enabled, account.roles());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
