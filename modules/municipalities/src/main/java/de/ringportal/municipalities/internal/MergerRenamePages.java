package de.ringportal.municipalities.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import de.ringportal.core.format.GermanDates;
import de.ringportal.core.forms.FormErrors;
import de.ringportal.core.pages.Exchange;

/**
 * The territorial reforms of one unit: {@code .../fusion} records a merger after a confirmation step,
 * {@code .../umbenennen} a rename (the old name joins the former names). Refused input: 422, the values as typed,
 * the problems linked to their fields.
 */
final class MergerRenamePages {

    private final Registry registry;
    private final AdminPages.Audit audit;

    MergerRenamePages(Registry registry, AdminPages.Audit audit) {
        this.registry = registry;
        this.audit = audit;
    }

    /** What the merger and rename forms render. */
    record ActionModel(String ags, String name, FormErrors.Summary summary, String first, String day,
            boolean confirm, String confirmText) {
    }

    void mergerForm(Exchange exchange, Entry entry) throws IOException {
        merger(exchange, entry, "", "", new FormErrors());
    }

    void merge(Exchange exchange, Entry entry) throws IOException {
        String successor = exchange.parameter("nachfolger");
        String dayText = exchange.parameter("letzter_tag");
        FormErrors errors = new FormErrors();
        if (!successor.matches("[0-9]{5}") || successor.equals(entry.ags())) {
            errors.add("nachfolger", "feld-nachfolger", "Der Nachfolger muss ein anderer fünfstelliger "
                    + "Kreisschlüssel sein.");
        }
        LocalDate day = day(dayText, "Der letzte Tag", "letzter_tag", "feld-letzter-tag", errors);
        if (day != null && entry.since() != null && day.isBefore(entry.since())) {
            errors.add("letzter_tag", "feld-letzter-tag", "Der letzte Tag liegt vor der Bildung des Kreises ("
                    + Texts.day(entry.since()) + ").");
        }
        if (errors.hasErrors()) {
            merger(exchange, entry, successor, dayText, errors);
            return;
        }
        if (!"ja".equals(exchange.parameter("bestaetigt"))) {
            String target = registry.entry(successor).map(e -> e.name() + " (" + successor + ")")
                    .orElse("den Kreis " + successor + " (nicht im Verzeichnis)");
            exchange.render("Fusion bestätigen", "merger", new ActionModel(entry.ags(), entry.name(),
                    errors.summary(), successor, dayText, true, "Wirklich eintragen, dass " + entry.name()
                            + " mit Ablauf des " + Texts.day(day) + " in " + target + " aufgegangen ist? Die "
                            + "Einheit erscheint danach als aufgelöst und zählt über ihren Nachfolger."));
            return;
        }
        registry.writes().recordMerger(List.of(entry.ags()), successor, day, exchange.viewer().userName());
        audit.record(exchange.request(), "Fusion eingetragen", entry.ags(), "in " + successor + " mit Ablauf des "
                + day);
        exchange.seeOther(AdminPages.BASE + "/" + entry.ags() + "?" + AdminPages.NOTICE + "=fusion");
    }

    void renameForm(Exchange exchange, Entry entry) throws IOException {
        rename(exchange, entry, "", "", new FormErrors());
    }

    void rename(Exchange exchange, Entry entry) throws IOException {
        String name = exchange.parameter("neuer_name");
        String dayText = exchange.parameter("ab");
        FormErrors errors = new FormErrors();
        List<RegistryCsv.Problem> problems = new ArrayList<>();
        Map<String, String> probe = RegistryColumns.cells(entry);
        probe.put("name", name);
        if (name.isEmpty() || RegistryColumns.entry(probe, 0, problems) == null) {
            errors.add("neuer_name", "feld-neuer-name", name.isEmpty() ? "Bitte geben Sie den neuen Namen ein."
                    : problems.get(0).message());
        } else if (name.equals(entry.name())) {
            errors.add("neuer_name", "feld-neuer-name", "Der neue Name ist der bisherige.");
        }
        LocalDate day = day(dayText, "Der Tag der Umbenennung", "ab", "feld-ab", errors);
        if (errors.hasErrors()) {
            rename(exchange, entry, name, dayText, errors);
            return;
        }
        registry.writes().rename(entry.ags(), name, day, exchange.viewer().userName());
        audit.record(exchange.request(), "Umbenennung eingetragen", entry.ags(), entry.name() + " → " + name);
        exchange.seeOther(AdminPages.BASE + "/" + entry.ags() + "?" + AdminPages.NOTICE + "=umbenannt");
    }

    private static void merger(Exchange exchange, Entry entry, String successor, String day, FormErrors errors)
            throws IOException {
        exchange.render(errors, "Fusion eintragen: " + entry.name(), "merger", new ActionModel(entry.ags(),
                entry.name(), errors.summary(), successor, day, false, null));
    }

    private static void rename(Exchange exchange, Entry entry, String name, String day, FormErrors errors)
            throws IOException {
        exchange.render(errors, "Umbenennung eintragen: " + entry.name(), "rename", new ActionModel(entry.ags(),
                entry.name(), errors.summary(), name, day, false, null));
    }

    /** A day from 2005 to 2100, as JJJJ-MM-TT (or German, 31.12.2030); null with the problem added. */
    private static LocalDate day(String text, String what, String field, String anchor, FormErrors errors) {
        Optional<LocalDate> day = GermanDates.parse(text);
        if (day.isEmpty()) {
            errors.add(field, anchor, what + " fehlt oder ist kein Datum wie 2008-07-31.");
            return null;
        }
        if (day.get().getYear() < 2005 || day.get().getYear() > 2100) {
            errors.add(field, anchor, what + " muss zwischen 2005 und 2100 liegen.");
            return null;
        }
        return day.get();
    }
}
