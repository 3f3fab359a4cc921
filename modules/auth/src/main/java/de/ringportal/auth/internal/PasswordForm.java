package de.ringportal.auth.internal;

import java.util.List;

import de.ringportal.core.forms.FormErrors;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A new password typed twice, as the set-password and change-password forms send it (the change form also the
 * current one), with its problems. Passwords are never shown back.
 */
record PasswordForm(String current, String password, String repeat, FormErrors errors) {

    static final String CURRENT = "aktuell";
    static final String NEW = "passwort";
    static final String REPEAT = "wiederholung";

    PasswordForm {
        current = current == null ? "" : current;
        password = password == null ? "" : password;
        repeat = repeat == null ? "" : repeat;
    }

    static PasswordForm empty() {
        return new PasswordForm("", "", "", new FormErrors());
    }

    static PasswordForm read(HttpServletRequest request) {
        return new PasswordForm(request.getParameter(CURRENT), request.getParameter(NEW),
                request.getParameter(REPEAT), new FormErrors());
    }

    /**
     * Applies the password policy and the repetition check; true when the new password may be set.
     *
     * @param mustDiffer the current password was confirmed, and the new one must not be the same
     */
    boolean validate(Passwords passwords, String userName, boolean mustDiffer) {
        List<String> problems = passwords.problems(password, userName);
        if (!problems.isEmpty()) {
            errors.add(NEW, String.join(" ", problems));
        } else if (mustDiffer && password.equals(current)) {
            errors.add(NEW, "Das neue Passwort muss sich vom aktuellen unterscheiden.");
        }
        if (!password.equals(repeat)) {
            errors.add(REPEAT, "Die beiden Eingaben stimmen nicht überein.");
        }
        return !errors.hasErrors();
    }

    /** The input fields of the new password, with their errors. */
    List<Field> newPasswordFields() {
        return List.of(
                Field.password(NEW, "Neues Passwort", "Mindestens " + Passwords.MIN_LENGTH + " Zeichen. Ein Satz "
                        + "aus mehreren Wörtern ist leicht zu merken und schwer zu erraten.",
                        errors.byField().get(NEW), "new-password"),
                Field.password(REPEAT, "Neues Passwort wiederholen", null, errors.byField().get(REPEAT),
                        "new-password"));
    }
}
