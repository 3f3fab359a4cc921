package de.ringportal.municipalities.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.ringportal.core.forms.FormErrors;
import de.ringportal.core.pages.Exchange;

/**
 * {@code /admin/kommunen/{AGS}}: the edit form of one unit, checked as an import line is ({@link RegistryColumns});
 * refused input comes back with 422, the values as typed and each problem linked to its field.
 */
final class RegistryEditPage {

    /** The id of each column's input, the anchor of its problems in the error summary. */
    private static final Map<String, String> FIELD_IDS = Map.ofEntries(Map.entry("ags", "feld-ags"),
            Map.entry("name", "feld-name"), Map.entry("type", "feld-art"), Map.entry("state", "feld-land"),
            Map.entry("admitted_year", "feld-jahr"), Map.entry("since", "feld-seit"),
            Map.entry("until", "feld-bis"), Map.entry("successor_ags", "feld-nachfolger"),
            Map.entry("komtrzv_2012", "feld-komtrzv"), Map.entry("area_note", "feld-umfang"),
            Map.entry("former_names", "feld-fruehere"), Map.entry("evidence", "feld-beleg"),
            Map.entry("source", "feld-quelle"));

    private final Registry registry;
    private final AdminPages.Audit audit;

    RegistryEditPage(Registry registry, AdminPages.Audit audit) {
        this.registry = registry;
        this.audit = audit;
    }

    /** A text field of the edit form. */
    record Field(String id, String name, String label, String value, String hint, boolean textarea, int maxLength) {
    }

    /** A select of the edit form. */
    record Select(String id, String name, String label, List<Choice> choices) {
    }

    /** An option of a select. */
    record Choice(String value, String label, boolean selected) {
    }

    /** What the edit form renders. */
    record EditModel(String ags, String name, String notice, FormErrors.Summary summary, List<Field> fields,
            List<Select> selects) {
    }

    void form(Exchange exchange, Entry entry) throws IOException {
        show(exchange, entry, RegistryColumns.cells(entry), new FormErrors(), AdminPages.notice(exchange));
    }

    void save(Exchange exchange, Entry entry) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String column : RegistryColumns.COLUMNS) {
            values.put(column, exchange.request().getParameter(column) == null ? ""
                    : exchange.request().getParameter(column));
        }
        values.put("ags", entry.ags());
        List<RegistryCsv.Problem> problems = new ArrayList<>();
        Entry edited = RegistryColumns.entry(values, 0, problems);
        if (edited == null) {
            show(exchange, entry, values, errors(problems), null);
            return;
        }
        registry.writes().update(edited, "Einträge bearbeitet", exchange.viewer().userName());
        audit.record(exchange.request(), "Kommune bearbeitet", entry.ags(), edited.name());
        exchange.seeOther(AdminPages.BASE + "/" + entry.ags() + "?" + AdminPages.NOTICE + "=gespeichert");
    }

    /** Every problem in the summary (a field may have several), each linked to its column's input. */
    static FormErrors errors(List<RegistryCsv.Problem> problems) {
        FormErrors errors = new FormErrors();
        for (int i = 0; i < problems.size(); i++) {
            RegistryCsv.Problem problem = problems.get(i);
            String column = problem.column() == null ? "name" : problem.column();
            errors.add(column + "#" + i, FIELD_IDS.getOrDefault(column, "feld-name"), problem.message());
        }
        return errors;
    }

    private static void show(Exchange exchange, Entry entry, Map<String, String> values, FormErrors errors,
            String notice) throws IOException {
        List<Field> fields = List.of(
                new Field("feld-name", "name", "Name", values.get("name"), null, false, 200),
                new Field("feld-jahr", "admitted_year", "Jahr der Zulassung", values.get("admitted_year"),
                        "Leer lassen, wenn die Quellen es nicht nennen (wird als „unbekannt“ angezeigt).", false, 4),
                new Field("feld-seit", "since", "Besteht seit (JJJJ-MM-TT)", values.get("since"),
                        "Nur für Kreise, die nach dem 1.1.2005 gebildet wurden.", false, 10),
                new Field("feld-bis", "until", "Letzter Tag (JJJJ-MM-TT)", values.get("until"),
                        "Nur für aufgelöste Kreise; eine Fusion tragen Sie besser unter „Fusion eintragen“ ein.",
                        false, 10),
                new Field("feld-nachfolger", "successor_ags", "Aufgegangen in (Kreisschlüssel)",
                        values.get("successor_ags"), null, false, 5),
                new Field("feld-umfang", "area_note", "Umfang der Zulassung", values.get("area_note"), null, true,
                        1000),
                new Field("feld-fruehere", "former_names", "Frühere Namen", values.get("former_names"), null, true,
                        1000),
                new Field("feld-quelle", "source", "Quelle", values.get("source"), null, true, 2000));
        List<Select> selects = List.of(
                select("feld-art", "type", "Art", List.of("Landkreis", "Kreisfreie Stadt"), values.get("type"), false),
                select("feld-land", "state", "Land", RegistryColumns.STATES, values.get("state"), false),
                select("feld-komtrzv", "komtrzv_2012", "In der Anlage der KomtrZV (1.1.2012)", List.of("ja", "nein"),
                        values.get("komtrzv_2012"), true),
                select("feld-beleg", "evidence", "Beleg", List.of("belegt", "abgeleitet"), values.get("evidence"),
                        true));
        exchange.render(errors, entry.name() + " bearbeiten", "edit", new EditModel(entry.ags(), entry.name(), notice,
                errors.summary(), fields, selects));
    }

    private static Select select(String id, String name, String label, List<String> values, String selected,
            boolean unknown) {
        List<Choice> choices = new ArrayList<>();
        if (unknown) {
            choices.add(new Choice("", "unbekannt", selected == null || selected.isEmpty()));
        }
        values.forEach(v -> choices.add(new Choice(v, v, v.equals(selected))));
        return new Select(id, name, label, choices);
    }
}
