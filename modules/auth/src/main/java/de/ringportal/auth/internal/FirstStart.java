package de.ringportal.auth.internal;

import java.io.PrintStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.ringportal.auth.internal.AuditLog.Event;
import de.ringportal.core.api.Role;

/**
 * No default password anywhere: when no enabled administrator exists, one is created, with the password from the
 * environment variable {@value #PASSWORD_VARIABLE} (or the framework property {@value #PASSWORD_PROPERTY}) or a
 * random one printed once to the console. With the demo switch
 * (framework property {@value #DEMO_PROPERTY}), one demo account per role is (re)created with a fresh random password
 * printed at start.
 */
@Component(immediate = true)
public class FirstStart {

    static final String PASSWORD_VARIABLE = "RINGPORTAL_ADMIN_PASSWORD";
    static final String PASSWORD_PROPERTY = "ringportal.admin.password";
    static final String DEMO_PROPERTY = "ringportal.demo";
    static final String ADMIN = "admin";

    private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);

    /** The demo accounts: user name, name, municipality (Landkreis Biberach), roles. */
    private static final List<Accounts.Profile> DEMO = List.of(
            new Accounts.Profile("demo-mitglied", "Demo Ringmitglied", null, "08426", true,
                    Set.of(Role.RINGMITGLIED)),
            new Accounts.Profile("demo-moderation", "Demo Ringmoderation", null, "08426", true,
                    Set.of(Role.RINGMITGLIED, Role.RINGMODERATION)),
            new Accounts.Profile("demo-redaktion", "Demo Redaktion", null, null, true, Set.of(Role.REDAKTION)),
            new Accounts.Profile("demo-admin", "Demo Administration", null, null, true,
                    Set.of(Role.ADMINISTRATION)));

    @Activate
    public FirstStart(BundleContext context, @Reference Accounts accounts, @Reference Passwords passwords,
            @Reference LoginService logins, @Reference AuditLog audit) {
        this(accounts, passwords, logins, audit, givenPassword(context),
                Boolean.parseBoolean(context.getProperty(DEMO_PROPERTY)), System.out);
    }

    FirstStart(Accounts accounts, Passwords passwords, LoginService logins, AuditLog audit, String givenPassword,
            boolean demo, PrintStream console) {
        if (!accounts.hasEnabledAdministrator()) {
            createAdministrator(accounts, passwords, logins, audit, givenPassword, console);
        }
        if (demo) {
            createDemoAccounts(accounts, logins, audit, console);
        }
    }

    /** The environment variable, else the framework property of the same meaning (for tests and embedding). */
    private static String givenPassword(BundleContext context) {
        String fromEnvironment = System.getenv(PASSWORD_VARIABLE);
        return fromEnvironment != null ? fromEnvironment : context.getProperty(PASSWORD_PROPERTY);
    }

    private static void createAdministrator(Accounts accounts, Passwords passwords, LoginService logins,
            AuditLog audit, String givenPassword, PrintStream console) {
        String userName = accounts.byUserName(ADMIN).isEmpty() ? ADMIN : ADMIN + "-" + System.currentTimeMillis();
        String password = givenPassword;
        if (password != null && !passwords.problems(password, userName).isEmpty()) {
            LOG.error("{} does not meet the password policy ({}); a random password is used instead",
                    PASSWORD_VARIABLE, String.join(" ", passwords.problems(password, userName)));
            password = null;
        }
        boolean random = password == null;
        if (random) {
            password = Passwords.randomPassword();
        }
        accounts.create(new Accounts.Profile(userName, "Administration", null, null, true,
                EnumSet.of(Role.ADMINISTRATION)), logins.hash(password));
        audit.record(Event.ACCOUNT_CREATED, null, userName, null, "erstes Administrationskonto beim Start");
        if (random) {
            console.println("================================================================");
            console.println(" Ringportal: Administrationskonto angelegt");
            console.println("   Benutzer: " + userName);
            console.println("   Passwort: " + password);
            console.println(" Dieses Passwort wird nur jetzt angezeigt. Bitte nach der ersten");
            console.println(" Anmeldung unter „Passwort ändern“ ein eigenes Passwort setzen.");
            console.println("================================================================");
        } else {
            console.println("Ringportal: Administrationskonto „" + userName + "“ mit dem Passwort aus "
                    + PASSWORD_VARIABLE + " angelegt.");
        }
    }

    private static void createDemoAccounts(Accounts accounts, LoginService logins, AuditLog audit,
            PrintStream console) {
        console.println("================================================================");
        console.println(" Ringportal im Demo-Modus: Demo-Konten (Passwörter neu bei jedem Start)");
        for (Accounts.Profile profile : DEMO) {
            String password = Passwords.randomPassword();
            String hash = logins.hash(password);
            accounts.byUserName(profile.userName()).ifPresentOrElse(existing -> {
                accounts.update(existing.id(), profile);
                accounts.setPasswordHash(existing.id(), hash);
                accounts.clearFailures(existing.id());
                // a demo account starts unlocked, as its password is new: the stored lock of its name goes too
                logins.forget(profile.userName());
            }, () -> {
                accounts.create(profile, hash);
                audit.record(Event.ACCOUNT_CREATED, null, profile.userName(), null, "Demo-Konto");
            });
            console.printf("   %-16s %-20s %s%n", profile.userName(), password, profile.displayName());
        }
        console.println("================================================================");
    }
}
