package de.ringportal.auth.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/** A new password typed twice, as the set-password and change-password forms send it, with its problems. */
final class PasswordForm {

    static final String CURRENT = "aktuell";
    static final String NEW = "passwort";
    static final String REPEAT = "wiederholung";

    final String current;
    final String password;
    final String repeat;
    /** Field name to German message, in the order of the form. */
    final Map<String, String> errors = new LinkedHashMap<>();

    PasswordForm(String current, String password, String repeat) {
        this.current = current == null ? "" : current;
        this.password = password == null ? "" : password;
        this.repeat = repeat == null ? "" : repeat;
    }

    static PasswordForm read(HttpServletRequest request) {
        return new PasswordForm(request.getParameter(CURRENT), request.getParameter(NEW),
                request.getParameter(REPEAT));
    }

    /** Applies the password policy and the repetition check; true when the new password may be set. */
    boolean validate(Passwords passwords, String userName) {
        List<String> problems = passwords.problems(password, userName);
        if (!problems.isEmpty()) {
            errors.put(NEW, String.join(" ", problems));
        }
        if (!password.equals(repeat)) {
            errors.put(REPEAT, "Die beiden Eingaben stimmen nicht überein.");
        }
        return errors.isEmpty();
    }

    /** The input fields of the new password, with their errors. */
    List<Field> newPasswordFields() {
        return List.of(
                Field.password(NEW, "Neues Passwort", "Mindestens " + Passwords.MIN_LENGTH + " Zeichen. Ein Satz "
                        + "aus mehreren Wörtern ist leicht zu merken und schwer zu erraten.", errors.get(NEW),
                        "new-password"),
                Field.password(REPEAT, "Neues Passwort wiederholen", null, errors.get(REPEAT), "new-password"));
    }

    List<AccountPages.ErrorLink> errorLinks() {
        return errors.entrySet().stream().map(e -> new AccountPages.ErrorLink("feld-" + e.getKey(), e.getValue()))
                .toList();
    }
}
