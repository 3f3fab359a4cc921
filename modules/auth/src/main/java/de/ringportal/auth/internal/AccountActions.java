package de.ringportal.auth.internal;

import java.io.IOException;
import java.util.Optional;

import de.ringportal.core.pages.Exchange;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The actions on one account of {@link AccountPages}: deactivating and issuing a new password link each have a
 * confirmation page (GET) and run only from it (POST with {@code bestaetigt=ja}); activating is a POST of the
 * account's form page.
 */
final class AccountActions {

    private static final String CONFIRMED = "bestaetigt";

    private final AccountAdministration administration;

    AccountActions(AccountAdministration administration) {
        this.administration = administration;
    }

    void confirmDisable(Exchange exchange, Account account) throws IOException {
        confirmDisable(exchange, account, null);
    }

    void disable(Exchange exchange, Account account) throws IOException {
        if (!confirmed(exchange, account, "deaktivieren")) {
            return;
        }
        Optional<String> refusal = administration.disable(account, AccountAdministration.Actor.of(exchange));
        if (refusal.isPresent()) {
            exchange.response().setStatus(HttpServletResponse.SC_CONFLICT);
            confirmDisable(exchange, account, refusal.get());
        } else {
            exchange.seeOther(AccountEditor.noticePath(account, "deaktiviert"));
        }
    }

    void enable(Exchange exchange, Account account) {
        administration.enable(account, AccountAdministration.Actor.of(exchange));
        exchange.seeOther(AccountEditor.noticePath(account, "aktiviert"));
    }

    void confirmReset(Exchange exchange, Account account) throws IOException {
        exchange.render("Link zum Setzen des Passworts erstellen?", "confirm",
                new ConfirmModel(AdminNav.forAccounts(false), null, "Wirklich einen neuen Link zum Setzen des "
                        + "Passworts für „" + account.userName() + "“ (" + account.displayName() + ") erstellen?",
                        "Mit dem Link kann jeder, der ihn kennt, einmal ein neues Passwort für dieses Konto setzen. "
                                + "Frühere, noch nicht benutzte Links für das Konto werden ungültig. Das bisherige "
                                + "Passwort gilt weiter, bis der Link benutzt wird.",
                        AccountPages.editPath(account) + "/zuruecksetzen", "Ja, Link erstellen",
                        AccountPages.editPath(account)));
    }

    void reset(Exchange exchange, Account account) throws IOException {
        if (confirmed(exchange, account, "zuruecksetzen")) {
            AccountEditor.showLink(exchange, account,
                    administration.issueLink(account, AccountAdministration.Actor.of(exchange)), false);
        }
    }

    /** Was the action sent from its confirmation page? If not, the browser is sent there, and false. */
    private static boolean confirmed(Exchange exchange, Account account, String action) {
        if ("ja".equals(exchange.request().getParameter(CONFIRMED))) {
            return true;
        }
        exchange.seeOther(AccountPages.editPath(account) + "/" + action);
        return false;
    }

    private static void confirmDisable(Exchange exchange, Account account, String refusal) throws IOException {
        exchange.render("Konto deaktivieren?", "confirm", new ConfirmModel(AdminNav.forAccounts(false), refusal,
                "Wirklich das Konto „" + account.userName() + "“ (" + account.displayName() + ") deaktivieren?",
                "Die Person wird sofort abgemeldet und kann sich nicht mehr anmelden, bis das Konto wieder "
                        + "aktiviert wird.",
                AccountPages.editPath(account) + "/deaktivieren", "Ja, deaktivieren", AccountPages.editPath(account)));
    }

    /** What the confirm template renders. */
    public record ConfirmModel(AdminNav nav, String refusal, String question, String explanation, String action,
            String yesLabel, String cancel) {
    }
}
