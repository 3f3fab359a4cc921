package de.ringportal.admin.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
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
import de.ringportal.core.forms.FormErrors;
import de.ringportal.core.pages.Exchange;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import jakarta.servlet.Servlet;

/**
 * The settings of every module as forms, built from the modules' metatype descriptions ({@code @ObjectClassDefinition})
 * and saved through Config Admin, so that components pick them up without a restart. Password attributes are never
 * sent back to the browser: their field stays empty, and an empty field keeps the stored value.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/admin/erweiterungen/konfiguration")
public class SettingsPage extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    private final transient BundleContext context;
    private final transient MetaTypeService metaTypes;
    private final transient ConfigurationAdmin configurations;
    private final transient AuditTrail audit;
    private final transient Extensions extensions;

    @Activate
    public SettingsPage(BundleContext context, @Reference Access access, @Reference Views views,
            @Reference MetaTypeService metaTypes, @Reference ConfigurationAdmin configurations,
            @Reference AuditTrail audit, @Reference Extensions extensions) {
        super(access, views);
        this.context = context;
        this.metaTypes = metaTypes;
        this.configurations = configurations;
        this.audit = audit;
        this.extensions = extensions;
    }

    @Override
    protected Routes routes() {
        return Routes.builder().guardAll((request, path) -> access().mayAdminister(request))
                .get("/", this::show).post("/", this::save).build();
    }

    /** A configurable PID and the bundle that describes it. */
    record Described(String pid, Bundle bundle, ObjectClassDefinition definition) {
    }

    /** Without a PID the overview, else the form of that PID with the stored values (defaults where none). */
    private void show(Exchange exchange) throws IOException {
        String pid = exchange.parameter("pid");
        if (pid.isEmpty()) {
            overview(exchange);
            return;
        }
        Described described = find(pid);
        if (described == null) {
            exchange.notFound();
            return;
        }
        Dictionary<String, Object> stored = stored(pid);
        List<SettingFields.SettingField> fields = new ArrayList<>();
        for (AttributeDefinition attribute : attributes(described.definition())) {
            fields.add(SettingFields.field(attribute, SettingFields.display(attribute, stored), null));
        }
        form(exchange, described, fields, new FormErrors(), null);
    }

    /** Saves the changed values through Config Admin; nothing when one of them is invalid (422 with the form). */
    private void save(Exchange exchange) throws IOException {
        String pid = exchange.parameter("pid");
        Described described = pid.isEmpty() ? null : find(pid);
        if (described == null) {
            exchange.notFound();
            return;
        }
        Dictionary<String, Object> stored = stored(pid);
        Hashtable<String, Object> next = new Hashtable<>();
        if (stored != null) {
            for (String key : Collections.list(stored.keys())) {
                next.put(key, stored.get(key));
            }
        }
        List<SettingFields.SettingField> fields = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        FormErrors errors = new FormErrors();
        for (AttributeDefinition attribute : attributes(described.definition())) {
            String id = attribute.getID();
            boolean password = attribute.getType() == AttributeDefinition.PASSWORD;
            String text = attribute.getType() == AttributeDefinition.BOOLEAN
                    ? String.valueOf("true".equals(exchange.request().getParameter(id))) : exchange.parameter(id);
            if (password && text.isEmpty()) {
                fields.add(SettingFields.field(attribute, "", null));
                continue; // an empty password field keeps the stored secret
            }
            SettingFields.Parsed parsed = SettingFields.parse(attribute, text);
            SettingFields.SettingField field = SettingFields.field(attribute, password ? "" : text, parsed.error());
            fields.add(field);
            if (parsed.error() != null) {
                errors.add(id, field.label() + ": " + parsed.error());
            } else if (!SettingFields.equal(next.get(id), parsed.value())) {
                changed.add(password ? id + " (geheim)" : id);
                next.put(id, parsed.value());
            }
        }
        if (errors.hasErrors()) {
            form(exchange, described, fields, errors, null);
            return;
        }
        if (!changed.isEmpty()) {
            Configuration configuration = configurations.getConfiguration(pid, "?");
            configuration.update(next);
            audit.record(exchange.request(), "Konfiguration geändert", pid, described.bundle().getSymbolicName() + " "
                    + described.bundle().getVersion() + "; geändert: " + String.join(", ", changed));
        }
        form(exchange, described, fields, errors, Outcome.done(changed.isEmpty()
                ? "Es gab keine Änderungen zu speichern." : "Gespeichert: " + String.join(", ", changed)
                        + ". Das Modul arbeitet ab sofort mit den neuen Einstellungen."));
    }

    private void overview(Exchange exchange) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Described described : describedAll()) {
            entries.add(new Entry(described.pid(), described.definition().getName(),
                    Objects.requireNonNullElse(described.definition().getDescription(), ""),
                    Objects.requireNonNullElse(described.bundle().getHeaders("").get(Constants.BUNDLE_NAME),
                            described.bundle().getSymbolicName())));
        }
        entries.sort(Comparator.comparing(Entry::module).thenComparing(Entry::name));
        exchange.render("Einstellungen der Module", "settings", new Overview(ExtensionsPage.Nav.SETTINGS, entries));
    }

    private void form(Exchange exchange, Described described, List<SettingFields.SettingField> fields,
            FormErrors errors, Outcome outcome) throws IOException {
        exchange.render(errors, "Einstellungen: " + described.definition().getName(), "setting-form",
                new Form(ExtensionsPage.Nav.SETTINGS, described.pid(),
                        Objects.requireNonNullElse(described.definition().getDescription(), ""),
                        described.bundle().getSymbolicName() + " " + described.bundle().getVersion(), fields,
                        errors.summary(), outcome));
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

    /** A configurable PID in the overview. */
    public record Entry(String pid, String name, String description, String module) {
    }

    public record Overview(ExtensionsPage.Nav nav, List<Entry> entries) {
        public boolean hasEntries() {
            return !entries.isEmpty();
        }
    }

    /** The form of one PID; {@code summary} feeds {@code shared/error-summary}. */
    public record Form(ExtensionsPage.Nav nav, String pid, String description, String module,
            List<SettingFields.SettingField> fields, FormErrors.Summary summary, Outcome outcome) {
    }

}
