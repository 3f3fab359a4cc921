package de.ringportal.admin.internal;

/** The result of an action on the Erweiterungen page: whether it worked, and the German sentence that says so. */
public record Outcome(boolean ok, String message) {

    static Outcome done(String message) {
        return new Outcome(true, message);
    }

    static Outcome refused(String message) {
        return new Outcome(false, message);
    }
}
