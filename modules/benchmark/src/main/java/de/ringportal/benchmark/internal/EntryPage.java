package de.ringportal.benchmark.internal;

import java.io.IOException;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.Access;
import de.ringportal.core.api.Route;
import de.ringportal.core.api.Views;
import de.ringportal.core.format.GermanNumbers;
import de.ringportal.core.forms.FormErrors;
import de.ringportal.core.pages.Exchange;
import de.ringportal.core.pages.RoutedServlet;
import de.ringportal.core.pages.Routes;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The entry form: a ring member enters their own municipality's values for a year (yearly figures) and a month
 * (monthly figures), with each figure's definition beside its fields. Plausibility checks run before anything is
 * saved; one problem keeps the whole form unsaved, with every message at its field.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/kennzahlen/erfassen")
public class EntryPage extends RoutedServlet {

    private static final long serialVersionUID = 1L;

    private final transient KeyFigureStore store;
    private final transient Directory directory;
    private final transient EntrySettings settings;

    @Activate
    public EntryPage(@Reference Access access, @Reference Views views, @Reference KeyFigureStore store,
            @Reference Directory directory, @Reference EntrySettings settings) {
        super(access, views);
        this.store = store;
        this.directory = directory;
        this.settings = settings;
    }

    @Override
    protected Routes routes() {
        return Routes.builder()
                .get("/", (request, path) -> Rules.mayEnter(access().viewer(request)), this::show)
                // another municipality's values: refused before anything is read or written
                .post("/", (request, path) -> Rules.mayEnterFor(access().viewer(request),
                        request.getParameter("kommune")), this::save)
                .build();
    }

    private void show(Exchange exchange) throws IOException {
        int year = Periods.year(exchange.request().getParameter("jahr"), Year.now().getValue());
        int month = month(exchange.request().getParameter("monat"));
        String saved = exchange.request().getParameter("gespeichert");
        String released = exchange.request().getParameter("freigegeben");
        String notice = saved != null ? values(saved) + " gespeichert (als Entwurf)."
                : released != null ? values(released) + " freigegeben." : null;
        render(exchange, year, month, Map.of(), new FormErrors(), notice);
    }

    private void save(Exchange exchange) throws IOException {
        HttpServletRequest request = exchange.request();
        String ags = request.getParameter("kommune");
        int year = Periods.year(request.getParameter("jahr"), -1);
        int month = month(request.getParameter("monat"));
        if (year < 0) {
            // a hidden field was tampered with: no form error to show
            exchange.response().sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Map<String, Plausibility.Input> inputs = new LinkedHashMap<>();
        FormErrors errors = new FormErrors();
        List<KeyFigureStore.Change> changes = new ArrayList<>();
        double jump = settings.jumpPercent();
        for (Figure figure : store.figures()) {
            String code = figure.code();
            Plausibility.Input input = new Plausibility.Input(request.getParameter("z-" + code),
                    request.getParameter("n-" + code), request.getParameter("w-" + code),
                    request.getParameter("k-" + code));
            inputs.put(code, input);
            String period = period(figure, year, month);
            Double previous = store.value(ags, code, Periods.previous(period)).map(StoredValue::value).orElse(null);
            Plausibility.Result result = Plausibility.check(figure, input, previous, jump);
            if (!result.ok()) {
                result.errors().forEach((field, message) -> errors.add(prefix(field) + "-" + code,
                        "feld-" + prefix(field) + "-" + code, code + ": " + message));
            } else if (!result.empty()) {
                changes.add(new KeyFigureStore.Change(code, period, result.numerator(), result.denominator(),
                        result.value(), result.note()));
            }
        }
        if (errors.hasErrors()) {
            render(exchange, year, month, inputs, errors, null);
            return;
        }
        int written = store.save(ags, changes, exchange.viewer().userName(), "formular");
        exchange.seeOther("/kennzahlen/erfassen?jahr=" + year + "&monat=" + month + "&gespeichert=" + written);
    }

    /** "1 Wert", "3 Werte" from a count parameter. */
    static String values(String count) {
        String n = count.matches("\\d{1,6}") ? String.valueOf(Integer.parseInt(count)) : "0";
        return n + ("1".equals(n) ? " Wert" : " Werte");
    }

    static int month(String text) {
        if (text != null && text.strip().matches("\\d{1,2}")) {
            int month = Integer.parseInt(text.strip());
            if (month >= 1 && month <= 12) {
                return month;
            }
        }
        return 12;
    }

    static String period(Figure figure, int year, int month) {
        return figure.monthly() ? String.format("%d-%02d", year, month) : Integer.toString(year);
    }

    private void render(Exchange exchange, int year, int month, Map<String, Plausibility.Input> inputs,
            FormErrors errors, String notice) throws IOException {
        String ags = exchange.viewer().municipality();
        Map<String, String> messages = errors.byField();
        Map<String, StoredValue> stored = store.values(ags, year);
        List<FigureFields> figures = new ArrayList<>();
        int drafts = 0;
        for (StoredValue value : stored.values()) {
            if (!value.released()) {
                drafts++;
            }
        }
        for (Figure figure : store.figures()) {
            String period = period(figure, year, month);
            StoredValue current = stored.get(KeyFigureStore.key(figure.code(), period));
            Plausibility.Input typed = inputs.get(figure.code());
            String code = figure.code();
            figures.add(new FigureFields(figure, Periods.label(period),
                    current == null ? null : GermanNumbers.format(current.value()) + " " + figure.unit(),
                    current == null ? null : current.released() ? "freigegeben" : "Entwurf",
                    current != null && current.synthetic(),
                    List.of(
                            field("z", figure, "Zähler", typed == null ? current == null ? "" : GermanNumbers.input(
                                    current.numerator()) : typed.numerator(), message(messages, "z", code)),
                            field("n", figure, "Nenner", typed == null ? current == null ? "" : GermanNumbers.input(
                                    current.denominator()) : typed.denominator(), message(messages, "n", code)),
                            field("w", figure, "Wert (" + figure.unit() + ")", typed == null ? current == null ? ""
                                    : current.numerator() == null ? GermanNumbers.input(current.value()) : ""
                                    : typed.value(), message(messages, "w", code))),
                    new Field("feld-k-" + figure.code(), "k-" + figure.code(), "Kommentar",
                            typed == null ? current == null || current.note() == null ? "" : current.note()
                                    : typed.note(), message(messages, "k", code))));
        }
        List<Option> years = new ArrayList<>();
        int thisYear = Year.now().getValue();
        for (int y = thisYear; y >= thisYear - 11; y--) {
            years.add(new Option(Integer.toString(y), Integer.toString(y), y == year));
        }
        List<Option> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(new Option(Integer.toString(m), Periods.monthName(m), m == month));
        }
        exchange.render(errors, "Kennzahlen erfassen", "entry", new Model(ags, directory.name(ags), year, month, years,
                months, figures, errors.summary(), notice, drafts));
    }

    /** The message beside a field: the form's problem of {@code <prefix>-<code>}, without the summary's code. */
    private static String message(Map<String, String> messages, String prefix, String code) {
        String message = messages.get(prefix + "-" + code);
        return message == null ? null : message.substring(code.length() + 2);
    }

    private static String prefix(String field) {
        return switch (field) {
            case "zaehler" -> "z";
            case "nenner" -> "n";
            case "wert" -> "w";
            default -> "k";
        };
    }

    private static Field field(String prefix, Figure figure, String label, String value, String error) {
        return new Field("feld-" + prefix + "-" + figure.code(), prefix + "-" + figure.code(), label,
                value == null ? "" : value, error);
    }

    /** One input of the form. */
    public record Field(String id, String name, String label, String value, String error) {
        public String errorId() {
            return id + "-fehler";
        }
    }

    /** The fields of one figure, with its definition. */
    public record FigureFields(Figure figure, String period, String current, String state, boolean synthetic,
            List<Field> numbers, Field note) {
        public String better() {
            return figure.better().label();
        }
    }

    public record Option(String value, String label, boolean selected) {
    }

    /** What entry.mustache renders. */
    public record Model(String ags, String name, int year, int month, List<Option> years, List<Option> months,
            List<FigureFields> figures, FormErrors.Summary summary, String notice, int drafts) {
        public boolean hasDrafts() {
            return drafts > 0;
        }
    }
}
