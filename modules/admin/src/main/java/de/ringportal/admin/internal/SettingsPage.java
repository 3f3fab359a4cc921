package de.ringportal.admin.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
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
        List<SettingFields.SettingField> fields = new ArrayList<>();
        for (AttributeDefinition attribute : attributes(described.definition())) {
            fields.add(SettingFields.field(attribute, SettingFields.display(attribute, stored), null));
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
        List<SettingFields.SettingField> fields = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        boolean valid = true;
        for (AttributeDefinition attribute : attributes(described.definition())) {
            String id = attribute.getID();
            boolean password = attribute.getType() == AttributeDefinition.PASSWORD;
            String text = attribute.getType() == AttributeDefinition.BOOLEAN
                    ? String.valueOf("true".equals(request.getParameter(id)))
                    : Objects.requireNonNullElse(request.getParameter(id), "").strip();
            if (password && text.isEmpty()) {
                fields.add(SettingFields.field(attribute, "", null));
                continue; // an empty password field keeps the stored secret
            }
            SettingFields.Parsed parsed = SettingFields.parse(attribute, text);
            String error = parsed.error();
            Object value = parsed.value();
            if (error != null) {
                valid = false;
                fields.add(SettingFields.field(attribute, password ? "" : text, error));
                continue;
            }
            fields.add(SettingFields.field(attribute, password ? "" : text, null));
            if (!SettingFields.equal(next.get(id), value)) {
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
            List<SettingFields.SettingField> fields, Outcome outcome, int status) throws IOException {
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

    public record Form(ExtensionsPage.Nav nav, String pid, String description, String module, List<SettingFields.SettingField> fields,
            List<ErrorLink> errors, Outcome outcome) {
        public boolean hasErrors() {
            return !errors.isEmpty();
        }
    }

}
