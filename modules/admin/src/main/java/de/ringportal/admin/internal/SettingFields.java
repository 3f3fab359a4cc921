package de.ringportal.admin.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Dictionary;
import java.util.List;
import java.util.Objects;

import org.osgi.service.metatype.AttributeDefinition;

import de.ringportal.core.forms.FormErrors;

/**
 * One setting between its metatype description, the form and Config Admin: the value a field shows, the typed value
 * a posted text becomes (with the German reason when it cannot), and the field the form template renders.
 */
final class SettingFields {

    private static final int MAX_VALUE = 2000;

    /** A posted text as the attribute's value, or the German reason why it is not one. */
    record Parsed(Object value, String error) {
    }

    private SettingFields() {
    }

    /** Converts and validates a posted text (stripped; for a checkbox "true" or "false"). */
    static Parsed parse(AttributeDefinition attribute, String text) {
        if (text.length() > MAX_VALUE) {
            return new Parsed(null, "Höchstens " + MAX_VALUE + " Zeichen.");
        }
        try {
            Object value = convert(attribute, text);
            return new Parsed(value, validate(attribute, value));
        } catch (IllegalArgumentException e) {
            return new Parsed(null, e.getMessage());
        }
    }

    /** The value to show in the field: the stored one, else the default; never a password. */
    static String display(AttributeDefinition attribute, Dictionary<String, Object> stored) {
        if (attribute.getType() == AttributeDefinition.PASSWORD) {
            return "";
        }
        Object value = stored == null ? null : stored.get(attribute.getID());
        if (value == null) {
            String[] defaults = attribute.getDefaultValue();
            return defaults == null ? "" : String.join("\n", defaults);
        }
        if (value.getClass().isArray()) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                values.add(String.valueOf(Array.get(value, i)));
            }
            return String.join("\n", values);
        }
        if (value instanceof Collection<?> collection) {
            return String.join("\n", collection.stream().map(String::valueOf).toList());
        }
        return value.toString();
    }

    /** The text of a field as the attribute's type; an IllegalArgumentException carries the German reason. */
    static Object convert(AttributeDefinition attribute, String text) {
        if (attribute.getCardinality() == 0) {
            return single(attribute, text);
        }
        List<Object> values = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                values.add(single(attribute, line.strip()));
            }
        }
        int max = Math.abs(attribute.getCardinality());
        if (max != Integer.MAX_VALUE && values.size() > max) {
            throw new IllegalArgumentException("Höchstens " + max + " Werte, einer je Zeile.");
        }
        Object array = Array.newInstance(type(attribute), values.size());
        for (int i = 0; i < values.size(); i++) {
            Array.set(array, i, values.get(i));
        }
        return array;
    }

    private static Object single(AttributeDefinition attribute, String text) {
        try {
            return switch (attribute.getType()) {
                case AttributeDefinition.INTEGER -> Integer.valueOf(text);
                case AttributeDefinition.LONG -> Long.valueOf(text);
                case AttributeDefinition.SHORT -> Short.valueOf(text);
                case AttributeDefinition.BYTE -> Byte.valueOf(text);
                case AttributeDefinition.DOUBLE -> Double.valueOf(text.replace(',', '.'));
                case AttributeDefinition.FLOAT -> Float.valueOf(text.replace(',', '.'));
                case AttributeDefinition.BOOLEAN -> Boolean.valueOf(text);
                case AttributeDefinition.CHARACTER -> {
                    if (text.length() != 1) {
                        throw new IllegalArgumentException("Bitte genau ein Zeichen eingeben.");
                    }
                    yield text.charAt(0);
                }
                default -> text;
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Bitte eine Zahl eingeben, zum Beispiel " + example(attribute) + ".");
        }
    }

    private static Class<?> type(AttributeDefinition attribute) {
        return switch (attribute.getType()) {
            case AttributeDefinition.INTEGER -> Integer.class;
            case AttributeDefinition.LONG -> Long.class;
            case AttributeDefinition.SHORT -> Short.class;
            case AttributeDefinition.BYTE -> Byte.class;
            case AttributeDefinition.DOUBLE -> Double.class;
            case AttributeDefinition.FLOAT -> Float.class;
            case AttributeDefinition.BOOLEAN -> Boolean.class;
            case AttributeDefinition.CHARACTER -> Character.class;
            default -> String.class;
        };
    }

    private static String example(AttributeDefinition attribute) {
        String[] defaults = attribute.getDefaultValue();
        return defaults == null || defaults.length == 0 ? "10" : defaults[0];
    }

    /** The option list and the attribute's own validation; null when the value is fine. */
    private static String validate(AttributeDefinition attribute, Object value) {
        List<Object> values = new ArrayList<>();
        if (value != null && value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                values.add(Array.get(value, i));
            }
        } else {
            values.add(value);
        }
        String[] options = attribute.getOptionValues();
        for (Object each : values) {
            if (options != null && options.length > 0 && !Arrays.asList(options).contains(String.valueOf(each))) {
                return "Bitte einen der angebotenen Werte wählen.";
            }
            String problem = attribute.validate(String.valueOf(each));
            if (problem != null && !problem.isEmpty()) {
                return "Der Wert ist nicht zulässig (" + Texts.printable(problem) + ").";
            }
        }
        return null;
    }

    static boolean equal(Object a, Object b) {
        if (a != null && b != null && a.getClass().isArray() && b.getClass().isArray()) {
            return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
        }
        return Objects.equals(a, b);
    }

    static SettingField field(AttributeDefinition attribute, String value, String error) {
        String[] labels = attribute.getOptionLabels();
        String[] values = attribute.getOptionValues();
        List<Choice> choices = new ArrayList<>();
        if (values != null) {
            for (int i = 0; i < values.length; i++) {
                choices.add(new Choice(values[i], labels != null && i < labels.length ? labels[i] : values[i],
                        values[i].equals(value)));
            }
        }
        String kind;
        if (!choices.isEmpty() && attribute.getCardinality() == 0) {
            kind = "select";
        } else if (attribute.getType() == AttributeDefinition.BOOLEAN && attribute.getCardinality() == 0) {
            kind = "checkbox";
        } else if (attribute.getCardinality() != 0) {
            kind = "textarea";
        } else if (attribute.getType() == AttributeDefinition.PASSWORD) {
            kind = "password";
        } else if (attribute.getType() <= AttributeDefinition.BYTE && attribute.getType() != AttributeDefinition.STRING
                && attribute.getType() != AttributeDefinition.CHARACTER && attribute.getType() != AttributeDefinition.BOOLEAN) {
            kind = "number";
        } else {
            kind = "text";
        }
        String hint = Objects.requireNonNullElse(attribute.getDescription(), "");
        if (kind.equals("textarea")) {
            hint = (hint + " Ein Wert je Zeile.").strip();
        }
        if (kind.equals("password")) {
            hint = (hint + " Aus Sicherheitsgründen wird der gespeicherte Wert nicht angezeigt; leer lassen, um ihn "
                    + "zu behalten.").strip();
        }
        return new SettingField(attribute.getID(), attribute.getName() == null ? attribute.getID() : attribute.getName(),
                hint, kind, value, "true".equals(value), choices, error);
    }

    /** One form field. */
    public record SettingField(String id, String label, String hint, String kind, String value, boolean checked,
            List<Choice> choices, String error) {

        public String fieldId() {
            return FormErrors.anchor(id);
        }

        public boolean isSelect() {
            return kind.equals("select");
        }

        public boolean isCheckbox() {
            return kind.equals("checkbox");
        }

        public boolean isTextarea() {
            return kind.equals("textarea");
        }

        public boolean isInput() {
            return !isSelect() && !isCheckbox() && !isTextarea();
        }

        public boolean hasHint() {
            return !hint.isEmpty();
        }
    }

    /** An option of a select. */
    public record Choice(String value, String label, boolean selected) {
    }
}
