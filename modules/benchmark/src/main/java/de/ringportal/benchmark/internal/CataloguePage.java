package de.ringportal.benchmark.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.benchmark.internal.Figure.Better;
import de.ringportal.benchmark.internal.Figure.Kind;
import de.ringportal.benchmark.internal.Figure.Periodicity;
import de.ringportal.core.api.Access;
import de.ringportal.core.api.Route;
import de.ringportal.core.format.GermanNumbers;
import de.ringportal.core.api.Views;
import de.ringportal.core.forms.FormErrors;
import de.ringportal.core.pages.Exchange;
import de.ringportal.core.pages.Guard;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import jakarta.servlet.Servlet;

/**
 * The catalogue of key figures with their definitions ({@code /kennzahlen/katalog}, public), and for administrators
 * the form to add ({@code /kennzahlen/katalog/neu}) or edit ({@code /kennzahlen/katalog/K2}) a figure.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/kennzahlen/katalog/*")
public class CataloguePage extends RoutedServlet {

    private static final long serialVersionUID = 1L;
    static final String CODE = "[A-Z][A-Z0-9]{0,15}";

    private final transient KeyFigureStore store;

    @Activate
    public CataloguePage(@Reference Access access, @Reference Views views, @Reference KeyFigureStore store) {
        super(access, views);
        this.store = store;
    }

    @Override
    protected Routes routes() {
        Guard editors = (request, path) -> Rules.mayEditCatalogue(access().viewer(request));
        return Routes.builder()
                .get("/", this::list)
                .get("/neu", editors, exchange -> form(exchange, Map.of(), new FormErrors(), true))
                .post("/neu", editors, exchange -> save(exchange, Optional.empty()))
                .get("/{code:word}", editors, this::edit)
                .post("/{code:word}", editors, exchange -> {
                    Optional<Figure> figure = figureOf(exchange);
                    if (figure.isEmpty()) {
                        exchange.notFound();
                    } else {
                        save(exchange, figure);
                    }
                })
                .build();
    }

    private void list(Exchange exchange) throws IOException {
        exchange.render("Katalog der Kennzahlen", "catalogue",
                new ListModel(store.figures(), Rules.mayEditCatalogue(exchange.viewer())));
    }

    private void edit(Exchange exchange) throws IOException {
        Optional<Figure> figure = figureOf(exchange);
        if (figure.isEmpty()) {
            exchange.notFound();
            return;
        }
        form(exchange, values(figure.get()), new FormErrors(), false);
    }

    private void save(Exchange exchange, Optional<Figure> existing) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : FIELDS.keySet()) {
            values.put(field, exchange.parameter(field));
        }
        existing.ifPresent(figure -> values.put("code", figure.code()));
        Map<String, String> problems = new LinkedHashMap<>();
        Figure figure = parse(values, problems);
        if (existing.isEmpty() && figure != null && store.figure(figure.code()).isPresent()) {
            problems.put("code", "Eine Kennzahl mit diesem Kürzel gibt es schon.");
        }
        if (!problems.isEmpty()) {
            FormErrors errors = new FormErrors();
            problems.forEach(errors::add);
            form(exchange, values, errors, existing.isEmpty());
            return;
        }
        store.saveFigure(figure);
        exchange.seeOther("/kennzahlen/katalog#kennzahl-" + figure.code());
    }

    /** The figure of {@code /{code}}; empty when there is no such figure. */
    private Optional<Figure> figureOf(Exchange exchange) {
        String code = exchange.path().text("code");
        return code.matches(CODE) ? store.figure(code) : Optional.empty();
    }

    /** Field name → label, in form order. */
    static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("code", "Kürzel (Großbuchstaben und Ziffern, zum Beispiel K2E5)");
        FIELDS.put("name", "Name");
        FIELDS.put("goal", "Ziel");
        FIELDS.put("numerator", "Zähler (Definition)");
        FIELDS.put("denominator", "Nenner (Definition)");
        FIELDS.put("unit", "Einheit");
        FIELDS.put("source", "Quelle");
        FIELDS.put("factor", "Faktor eines Quotienten (100 für Prozent)");
        FIELDS.put("min", "Kleinster plausibler Wert");
        FIELDS.put("max", "Größter plausibler Wert");
        FIELDS.put("sortOrder", "Position in Listen");
        FIELDS.put("better", "Richtung");
        FIELDS.put("period", "Zeitraum");
        FIELDS.put("kind", "Berechnung");
    }

    static Figure parse(Map<String, String> values, Map<String, String> errors) {
        String code = values.get("code");
        if (!code.matches(CODE)) {
            errors.put("code", "Das Kürzel besteht aus 1 bis 16 Großbuchstaben und Ziffern und beginnt mit einem "
                    + "Buchstaben.");
        }
        text(values, "name", 200, errors);
        text(values, "goal", 200, errors);
        text(values, "numerator", 500, errors);
        text(values, "denominator", 500, errors);
        text(values, "unit", 40, errors);
        text(values, "source", 500, errors);
        Double factor = number(values, "factor", errors);
        Double min = number(values, "min", errors);
        Double max = number(values, "max", errors);
        if (min != null && max != null && min >= max) {
            errors.put("max", "Der größte plausible Wert muss über dem kleinsten liegen.");
        }
        if (factor != null && factor <= 0) {
            errors.put("factor", "Der Faktor muss größer als 0 sein.");
        }
        Double order = number(values, "sortOrder", errors);
        Better better = choice(Better.class, values.get("better"), "better", errors);
        Periodicity period = choice(Periodicity.class, values.get("period"), "period", errors);
        Kind kind = choice(Kind.class, values.get("kind"), "kind", errors);
        if (!errors.isEmpty()) {
            return null;
        }
        return new Figure(code, values.get("name"), values.get("goal"), values.get("numerator"),
                values.get("denominator"), values.get("unit"), better, period, values.get("source"), kind, factor,
                min, max, (int) Math.max(0, Math.min(1_000_000, order)));
    }

    private static void text(Map<String, String> values, String field, int max, Map<String, String> errors) {
        String value = values.get(field);
        if (value.isEmpty()) {
            errors.put(field, "Bitte ausfüllen.");
        } else if (value.length() > max) {
            errors.put(field, "Höchstens " + max + " Zeichen.");
        }
    }

    private static Double number(Map<String, String> values, String field, Map<String, String> errors) {
        GermanNumbers.Parsed parsed = GermanNumbers.parse(values.get(field));
        if (!parsed.ok()) {
            errors.put(field, parsed.error());
            return null;
        }
        return parsed.value();
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field,
            Map<String, String> errors) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        errors.put(field, "Bitte wählen Sie eine der Möglichkeiten.");
        return null;
    }

    private static Map<String, String> values(Figure figure) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("code", figure.code());
        values.put("name", figure.name());
        values.put("goal", figure.goal());
        values.put("numerator", figure.numerator());
        values.put("denominator", figure.denominator());
        values.put("unit", figure.unit());
        values.put("source", figure.source());
        values.put("factor", GermanNumbers.format(figure.factor(), 6));
        values.put("min", GermanNumbers.format(figure.min(), 6));
        values.put("max", GermanNumbers.format(figure.max(), 6));
        values.put("sortOrder", Integer.toString(figure.sortOrder()));
        values.put("better", figure.better().name());
        values.put("period", figure.period().name());
        values.put("kind", figure.kind().name());
        return values;
    }

    private void form(Exchange exchange, Map<String, String> values, FormErrors errors, boolean isNew)
            throws IOException {
        Map<String, String> messages = errors.byField();
        List<EntryPage.Field> texts = new ArrayList<>();
        for (Map.Entry<String, String> field : FIELDS.entrySet()) {
            String name = field.getKey();
            if (List.of("better", "period", "kind").contains(name) || !isNew && "code".equals(name)) {
                continue;
            }
            texts.add(new EntryPage.Field("feld-" + name, name, field.getValue(), values.getOrDefault(name, ""),
                    messages.get(name)));
        }
        List<Choice> choices = List.of(
                choice("better", "Richtung", Better.values(), values.get("better"), messages, Better::label),
                choice("period", "Zeitraum", Periodicity.values(), values.get("period"), messages,
                        Periodicity::label),
                choice("kind", "Berechnung aus Zähler und Nenner", Kind.values(), values.get("kind"), messages,
                        kind -> kind == Kind.CHANGE ? "Veränderung in Prozent: (Zähler / Nenner − 1) × 100"
                                : "Quotient: Zähler / Nenner × Faktor"));
        String code = values.getOrDefault("code", "");
        exchange.render(errors, isNew ? "Neue Kennzahl" : "Kennzahl " + code + " bearbeiten", "figure-form",
                new FormModel(isNew ? "/kennzahlen/katalog/neu" : "/kennzahlen/katalog/" + code, texts, choices,
                        errors.summary()));
    }

    private static <E extends Enum<E>> Choice choice(String name, String label, E[] constants, String selected,
            Map<String, String> errors, java.util.function.Function<E, String> labels) {
        List<EntryPage.Option> options = new ArrayList<>();
        for (E constant : constants) {
            options.add(new EntryPage.Option(constant.name(), labels.apply(constant),
                    constant.name().equals(selected)));
        }
        return new Choice("feld-" + name, name, label, options, errors.get(name));
    }

    public record Choice(String id, String name, String label, List<EntryPage.Option> options, String error) {
        public String errorId() {
            return id + "-fehler";
        }
    }

    public record FormModel(String action, List<EntryPage.Field> fields, List<Choice> choices,
            FormErrors.Summary summary) {
    }

    public record ListModel(List<Figure> figures, boolean mayEdit) {
    }
}
