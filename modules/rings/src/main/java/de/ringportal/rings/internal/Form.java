package de.ringportal.rings.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values and problems of a form being shown again, for a template section {@code {{#input}}}: {@code form.<field>}
 * as typed, the error summary ({@code hasErrors}, {@code errors}) and each field's first message
 * ({@code fieldErrors.<field>}).
 */
record Form(Map<String, String> form, List<Inputs.FieldError> errors) {

    Form {
        form = Map.copyOf(form);
        errors = List.copyOf(errors);
    }

    static Form empty() {
        return new Form(Map.of(), List.of());
    }

    static Form of(Map<String, String> values, Inputs.Errors errors) {
        return new Form(values, errors.list());
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    Map<String, String> fieldErrors() {
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(error -> byField.putIfAbsent(error.target(), error.message()));
        return byField;
    }
}
