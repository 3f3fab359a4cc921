package de.ringportal.auth.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.MenuEntry;
import de.ringportal.core.api.Pager;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The accounts, searchable by user name, name and e-mail, 20 to a page. */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/admin/konten")
@MenuEntry(label = "Administration", path = "/admin/konten", order = 900, role = "administration")
public class AccountListPage extends AdminServlet {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 20;
    static final int QUERY_MAX = 200;

    private final transient Accounts accounts;
    private final transient Views views;

    @Activate
    public AccountListPage(@Reference Access access, @Reference Accounts accounts, @Reference Views views) {
        super(access);
        this.accounts = accounts;
        this.views = views;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String query = AccountRules.printable(AccountRules.clean(request.getParameter("suche")));
        if (query.length() > QUERY_MAX) {
            query = query.substring(0, QUERY_MAX);
        }
        int total = accounts.count(query);
        String base = "/admin/konten?" + (query.isEmpty() ? "" : "suche=" + URLEncoder.encode(query,
                StandardCharsets.UTF_8) + "&");
        Pager pager = Pager.of(request.getParameter("seite"), total, PAGE_SIZE, base);
        Instant now = Instant.now();
        List<Row> rows = accounts.search(query, pager.offset(), PAGE_SIZE).stream()
                .map(account -> new Row(account.id(), account.userName(), account.displayName(),
                        account.municipality(), AccountAdministration.labels(account.roles()),
                        status(account, now)))
                .toList();
        views.render(request, response, "Konten", "accounts",
                new Model(Nav.forAccounts(true), query, rows, pager, countLine(total, query)));
    }

    /** "aktiv", "deaktiviert" or "gesperrt bis …" (after too many wrong passwords). */
    static String status(Account account, Instant now) {
        if (!account.enabled()) {
            return "deaktiviert";
        }
        return account.isLocked(now) ? "gesperrt bis " + Times.minutes(account.lockedUntil()) : "aktiv";
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
    public record Model(Nav nav, String query, List<Row> rows, Pager pager, String countLine) {

        public boolean hasRows() {
            return !rows.isEmpty();
        }
    }
}
