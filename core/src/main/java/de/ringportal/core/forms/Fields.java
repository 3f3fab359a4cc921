package de.ringportal.core.forms;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import de.ringportal.core.format.GermanDates;
import de.ringportal.core.format.GermanNumbers;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The values of one submitted form, read and checked. Reading never fails and never gives null: a missing field is
 * "". The checking methods add their German message to the {@link FormErrors} and return null (or the text as sent)
 * when the value does not pass, so a form is checked in one pass and shown again with every problem at once.
 * <pre>{@code
 * FormErrors errors = new FormErrors();
 * Fields fields = Fields.of(request, errors);
 * String title = fields.text("titel", 200, true, "Bitte einen Titel mit höchstens 200 Zeichen angeben.");
 * LocalDate day = fields.date("tag", "Bitte ein Datum angeben, zum Beispiel 24.11.2026.");
 * }</pre>
 */
public final class Fields {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final HttpServletRequest request;
    private final FormErrors errors;

    private Fields(HttpServletRequest request, FormErrors errors) {
        this.request = request;
        this.errors = errors;
    }

    public static Fields of(HttpServletRequest request, FormErrors errors) {
        return new Fields(Objects.requireNonNull(request), Objects.requireNonNull(errors));
    }

    /** The errors this form's checks add to. */
    public FormErrors errors() {
        return errors;
    }

    /** A one-line field: control characters (line breaks, tabs) become spaces, then stripped; "" when missing. */
    public String text(String name) {
        String value = request.getParameter(name);
        return value == null ? "" : CONTROL.matcher(value).replaceAll(" ").strip();
    }

    /** A text area: line breaks kept, only stripped at both ends; "" when missing. */
    public String multiline(String name) {
        return Objects.requireNonNullElse(request.getParameter(name), "").strip();
    }

    /** Every value of a field sent several times (check boxes), each as {@link #text}, empty ones left out. */
    public List<String> all(String name) {
        String[] values = request.getParameterValues(name);
        if (values == null) {
            return List.of();
        }
        return Arrays.stream(values).map(value -> CONTROL.matcher(value).replaceAll(" ").strip())
                .filter(value -> !value.isEmpty()).toList();
    }

    /**
     * A one-line field ({@link #text}) with at most {@code max} characters, and not empty when {@code required};
     * otherwise {@code message} is added. Returns the text as sent either way, for the form to show again.
     */
    public String text(String name, int max, boolean required, String message) {
        String value = text(name);
        if (value.length() > max || required && value.isEmpty()) {
            errors.add(name, message);
        }
        return value;
    }

    /** A required day, German ("24.11.2026") or ISO ("2026-11-24", a date input); null with {@code message} added. */
    public LocalDate date(String name, String message) {
        Optional<LocalDate> day = GermanDates.parse(text(name));
        if (day.isEmpty()) {
            errors.add(name, message);
            return null;
        }
        return day.get();
    }

    /**
     * A required number in German notation ("1.234,5"); null with {@link GermanNumbers#parse}'s German reason added
     * (for example "Bitte geben Sie eine Zahl ein.").
     */
    public Double number(String name) {
        GermanNumbers.Parsed parsed = GermanNumbers.parse(text(name));
        if (!parsed.ok()) {
            errors.add(name, parsed.error());
            return null;
        }
        return parsed.value();
    }

    /** A required whole number from {@code min} to {@code max} (digits, an optional minus); null with {@code message}. */
    public Integer integer(String name, int min, int max, String message) {
        String value = text(name);
        if (value.matches("-?[0-9]{1,10}")) {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return (int) number;
            }
        }
        errors.add(name, message);
        return null;
    }
}
