package de.ringportal.auth.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.Pager;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import de.ringportal.core.format.GermanDates;
import de.ringportal.core.pages.Exchange;
import de.ringportal.core.pages.Handler;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import jakarta.servlet.Servlet;

/**
 * The account administration, for administrators only (checked before any route, so unknown paths tell outsiders
 * nothing):
 * <ul>
 * <li>{@code /admin/konten}: the accounts, searchable by user name, name and e-mail, 20 to a page;</li>
 * <li>{@code /admin/konten/neu} and {@code /admin/konten/{id}}: the account form ({@link AccountEditor});</li>
 * <li>{@code .../{id}/deaktivieren}, {@code .../zuruecksetzen}, {@code .../aktivieren}: the actions
 * ({@link AccountActions}).</li>
 * </ul>
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/admin/konten/*")
@MenuEntry(label = "Administration", path = "/admin/konten", order = 900, role = "administration")
public class AccountPages extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    static final String PATH = "/admin/konten";
    static final int PAGE_SIZE = 20;
    static final int QUERY_MAX = 200;

    private final transient Accounts accounts;
    private final transient AccountEditor editor;
    private final transient AccountActions actions;

    @Activate
    public AccountPages(@Reference Access access, @Reference Views views, @Reference Accounts accounts,
            @Reference AccountAdministration administration) {
        super(access, views);
        this.accounts = accounts;
        this.editor = new AccountEditor(accounts, administration);
        this.actions = new AccountActions(administration);
    }

    @Override
    protected Routes routes() {
        return Routes.builder()
                .guardAll((request, path) -> access().mayAdminister(request))
                .get("/", this::list)
                .get("/neu", editor::blank)
                .post("/neu", editor::create)
                .get("/{id:int}", account(editor::edit))
                .post("/{id:int}", account(editor::update))
                .get("/{id:int}/deaktivieren", account(actions::confirmDisable))
                .post("/{id:int}/deaktivieren", account(actions::disable))
                .get("/{id:int}/zuruecksetzen", account(actions::confirmReset))
                .post("/{id:int}/zuruecksetzen", account(actions::reset))
                .post("/{id:int}/aktivieren", account(actions::enable))
                .build();
    }

    /** A page of one stored account. */
    @FunctionalInterface
    interface AccountHandler {
        void handle(Exchange exchange, Account account) throws IOException;
    }

    /** The handler with the account of the path's {@code id}; 404 when there is none. */
    private Handler account(AccountHandler handler) {
        return exchange -> {
            Optional<Account> account = accounts.byId(exchange.path().integer("id"));
            if (account.isEmpty()) {
                exchange.notFound();
            } else {
                handler.handle(exchange, account.get());
            }
        };
    }

    private void list(Exchange exchange) throws IOException {
        String query = AccountRules.printable(AccountRules.clean(exchange.request().getParameter("suche")));
        if (query.length() > QUERY_MAX) {
            query = query.substring(0, QUERY_MAX);
        }
        int total = accounts.count(query);
        String base = PATH + "?" + (query.isEmpty() ? "" : "suche=" + URLEncoder.encode(query,
                StandardCharsets.UTF_8) + "&");
        Pager pager = Pager.of(exchange.request().getParameter("seite"), total, PAGE_SIZE, base);
        Instant now = Instant.now();
        List<Row> rows = accounts.search(query, pager.offset(), PAGE_SIZE).stream()
                .map(account -> new Row(account.id(), account.userName(), account.displayName(),
                        account.municipality(), AccountAdministration.labels(account.roles()),
                        status(account, now)))
                .toList();
        exchange.render("Konten", "accounts",
                new ListModel(AdminNav.forAccounts(true), query, rows, pager, countLine(total, query)));
    }

    /** "aktiv", "deaktiviert" or "gesperrt bis …" (after too many wrong passwords). */
    static String status(Account account, Instant now) {
        if (!account.enabled()) {
            return "deaktiviert";
        }
        return account.isLocked(now) ? "gesperrt bis " + GermanDates.dateTime(account.lockedUntil()) : "aktiv";
    }

    static String editPath(Account account) {
        return PATH + "/" + account.id();
    }

    private static String countLine(int total, String query) {
        String found = switch (total) {
            case 0 -> "Keine Konten";
            case 1 -> "1 Konto";
            default -> total + " Konten";
        };
        return query.isEmpty() ? found + " insgesamt." : found + " gefunden.";
    }

    /** One account in the table. */
    public record Row(int id, String userName, String displayName, String municipality, String roles,
            String status) {
    }

    /** What the accounts template renders. */
    public record ListModel(AdminNav nav, String query, List<Row> rows, Pager pager, String countLine) {

        public boolean hasRows() {
            return !rows.isEmpty();
        }
    }
}
