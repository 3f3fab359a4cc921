package de.ringportal.admin.internal;

import java.io.IOException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.AuditTrail;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The settings of every module as forms, built from the modules' metatype descriptions ({@code @ObjectClassDefinition})
 * and saved through Config Admin, so that components pick them up without a restart. Password attributes are never
 * sent back to the browser: their field stays empty, and an empty field keeps the stored value.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/admin/erweiterungen/konfiguration")
public class SettingsPage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_VALUE = 2000;

    private final transient BundleContext context;
    private final transient Access access;
    private final transient Views views;
    private final transient MetaTypeService metaTypes;
    private final transient ConfigurationAdmin configurations;
    private final transient AuditTrail audit;
    private final transient Extensions extensions;

    @Activate
    public SettingsPage(BundleContext context, @Reference Access access, @Reference Views views,
            @Reference MetaTypeService metaTypes, @Reference ConfigurationAdmin configurations,
            @Reference AuditTrail audit, @Reference Extensions extensions) {
        this.context = context;
        this.access = access;
        this.views = views;
        this.metaTypes = metaTypes;
        this.configurations = configurations;
        this.audit = audit;
        this.extensions = extensions;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (access.require(request, response, access.mayAdminister(request))) {
            super.service(request, response);
        }
    }

    /** A configurable PID and the bundle that describes it. */
    record Described(String pid, Bundle bundle, ObjectClassDefinition definition) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String pid = request.getParameter("pid");
        if (pid == null || pid.isEmpty()) {
            overview(request, response);
            return;
        }
        Described described = find(pid);
        if (described == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Dictionary<String, Object> stored = stored(pid);
        List<SettingField> fields = new ArrayList<>();
        for (AttributeDefinition attribute : attributes(described.definition())) {
            fields.add(field(attribute, display(attribute, stored), null));
        }
        form(request, response, described, fields, null, HttpServletResponse.SC_OK);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String pid = request.getParameter("pid");
        Described described = pid == null ? null : find(pid);
        if (described == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Dictionary<String, Object> stored = stored(pid);
        Hashtable<String, Object> next = new Hashtable<>();
        if (stored != null) {
            for (String key : java.util.Collections.list(stored.keys())) {
                next.put(key, stored.get(key));
            }
        }
        List<SettingField> fields = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        boolean valid = true;
        for (AttributeDefinition attribute : attributes(described.definition())) {
            String id = attribute.getID();
            boolean password = attribute.getType() == AttributeDefinition.PASSWORD;
            String text = attribute.getType() == AttributeDefinition.BOOLEAN
                    ? String.valueOf("true".equals(request.getParameter(id)))
                    : Objects.requireNonNullElse(request.getParameter(id), "").strip();
            if (password && text.isEmpty()) {
                fields.add(field(attribute, "", null));
                continue; // an empty password field keeps the stored secret
            }
            String error = null;
            Object value = null;
            if (text.length() > MAX_VALUE) {
                error = "Höchstens " + MAX_VALUE + " Zeichen.";
            } else {
                try {
                    value = convert(attribute, text);
                    String problem = validate(attribute, value);
                    if (problem != null) {
                        error = problem;
                    }
                } catch (IllegalArgumentException e) {
                    error = e.getMessage();
                }
            }
            if (error != null) {
                valid = false;
                fields.add(field(attribute, password ? "" : text, error));
                continue;
            }
            fields.add(field(attribute, password ? "" : text, null));
            if (!equal(next.get(id), value)) {
                changed.add(password ? id + " (geheim)" : id);
                next.put(id, value);
            }
        }
        if (!valid) {
            form(request, response, described, fields, null, ExtensionsPage.UNPROCESSABLE);
            return;
        }
        if (!changed.isEmpty()) {
            Configuration configuration = configurations.getConfiguration(pid, "?");
            configuration.update(next);
            audit.record(request, "Konfiguration geändert", pid, described.bundle().getSymbolicName() + " "
                    + described.bundle().getVersion() + "; geändert: " + String.join(", ", changed));
        }
        form(request, response, described, fields, Outcome.done(changed.isEmpty()
                ? "Es gab keine Änderungen zu speichern." : "Gespeichert: " + String.join(", ", changed)
                        + ". Das Modul arbeitet ab sofort mit den neuen Einstellungen."), HttpServletResponse.SC_OK);
    }

    private void overview(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Described described : describedAll()) {
            entries.add(new Entry(described.pid(), described.definition().getName(),
                    Objects.requireNonNullElse(described.definition().getDescription(), ""),
                    Objects.requireNonNullElse(described.bundle().getHeaders("").get(Constants.BUNDLE_NAME),
                            described.bundle().getSymbolicName())));
        }
        entries.sort(Comparator.comparing(Entry::module).thenComparing(Entry::name));
        views.render(request, response, "Einstellungen der Module", "settings",
                new Overview(ExtensionsPage.Nav.SETTINGS, entries));
    }

    private void form(HttpServletRequest request, HttpServletResponse response, Described described,
            List<SettingField> fields, Outcome outcome, int status) throws IOException {
        response.setStatus(status);
        List<ErrorLink> errors = fields.stream().filter(field -> field.error() != null)
                .map(field -> new ErrorLink(field.id(), field.label() + ": " + field.error())).toList();
        views.render(request, response, "Einstellungen: " + described.definition().getName(), "setting-form",
                new Form(ExtensionsPage.Nav.SETTINGS, described.pid(),
                        Objects.requireNonNullElse(described.definition().getDescription(), ""),
                        described.bundle().getSymbolicName() + " " + described.bundle().getVersion(), fields, errors,
                        outcome));
    }

    private List<Described> describedAll() {
        List<Described> all = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            // the portal's own and added modules; the framework's and libraries' settings (the HTTP port, say)
            // belong to the operator's configuration, not to a form that could cut the portal off
            if (extensions.inventory().kind(bundle) == Kind.SYSTEM) {
                continue;
            }
            MetaTypeInformation information = bundle.getState() == Bundle.UNINSTALLED ? null
                    : metaTypes.getMetaTypeInformation(bundle);
            if (information == null) {
                continue;
            }
            for (String pid : information.getPids()) {
                ObjectClassDefinition definition = information.getObjectClassDefinition(pid, "de");
                if (definition != null) {
                    all.add(new Described(pid, bundle, definition));
                }
            }
        }
        return all;
    }

    private Described find(String pid) {
        return describedAll().stream().filter(described -> described.pid().equals(pid)).findFirst().orElse(null);
    }

    private static List<AttributeDefinition> attributes(ObjectClassDefinition definition) {
        AttributeDefinition[] attributes = definition.getAttributeDefinitions(ObjectClassDefinition.ALL);
        return attributes == null ? List.of() : Arrays.asList(attributes);
    }

    private Dictionary<String, Object> stored(String pid) throws IOException {
        try {
            Configuration[] found = configurations.listConfigurations("(" + Constants.SERVICE_PID + "="
                    + pid.replaceAll("([\\\\*()])", "\\\\$1") + ")");
            return found == null || found.length == 0 ? null : found[0].getProperties();
        } catch (InvalidSyntaxException e) {
            return null;
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
        if (value instanceof java.util.Collection<?> collection) {
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

    private static boolean equal(Object a, Object b) {
        if (a != null && b != null && a.getClass().isArray() && b.getClass().isArray()) {
            return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
        }
        return Objects.equals(a, b);
    }

    private static SettingField field(AttributeDefinition attribute, String value, String error) {
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
            return "feld-" + id.replaceAll("[^A-Za-z0-9_-]", "_");
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

    /** A link of the error summary to its field. */
    public record ErrorLink(String target, String message) {
        public ErrorLink {
            target = "feld-" + target.replaceAll("[^A-Za-z0-9_-]", "_");
        }
    }

    /** A configurable PID in the overview. */
    public record Entry(String pid, String name, String description, String module) {
    }

    public record Overview(ExtensionsPage.Nav nav, List<Entry> entries) {
        public boolean hasEntries() {
            return !entries.isEmpty();
        }
    }

    public record Form(ExtensionsPage.Nav nav, String pid, String description, String module, List<SettingField> fields,
            List<ErrorLink> errors, Outcome outcome) {
        public boolean hasErrors() {
            return !errors.isEmpty();
        }
    }

}
