package de.ringportal.benchmark.internal;

import de.ringportal.core.format.GermanNumbers;
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
import de.ringportal.core.api.Viewer;
import de.ringportal.core.api.Views;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The entry form: a ring member enters their own municipality's values for a year (yearly figures) and a month
 * (monthly figures), with each figure's definition beside its fields. Plausibility checks run before anything is
 * saved; one problem keeps the whole form unsaved, with every message at its field.
 */
@Component(service = Servlet.class)
@Route(servlet_pattern = "/kennzahlen/erfassen")
public class EntryPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Access access;
    private final transient Views views;
    private final transient KeyFigureStore store;
    private final transient Directory directory;
    private final transient EntrySettings settings;

    @Activate
    public EntryPage(@Reference Access access, @Reference Views views, @Reference KeyFigureStore store,
            @Reference Directory directory, @Reference EntrySettings settings) {
        this.access = access;
        this.views = views;
        this.store = store;
        this.directory = directory;
        this.settings = settings;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Viewer viewer = access.viewer(request);
        if (!access.require(request, response, Rules.mayEnter(viewer))) {
            return;
        }
        int year = Periods.year(request.getParameter("jahr"), Year.now().getValue());
        int month = month(request.getParameter("monat"));
        String saved = request.getParameter("gespeichert");
        String released = request.getParameter("freigegeben");
        String notice = saved != null ? values(saved) + " gespeichert (als Entwurf)."
                : released != null ? values(released) + " freigegeben." : null;
        render(request, response, viewer, year, month, Map.of(), Map.of(), notice);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Viewer viewer = access.viewer(request);
        String ags = request.getParameter("kommune");
        // another municipality's values: refused before anything is read or written
        if (!access.require(request, response, Rules.mayEnterFor(viewer, ags))) {
            return;
        }
        int year = Periods.year(request.getParameter("jahr"), -1);
        int month = month(request.getParameter("monat"));
        if (year < 0) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Map<String, Plausibility.Input> inputs = new LinkedHashMap<>();
        Map<String, Map<String, String>> errors = new LinkedHashMap<>();
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
                errors.put(code, result.errors());
            } else if (!result.empty()) {
                changes.add(new KeyFigureStore.Change(code, period, result.numerator(), result.denominator(),
                        result.value(), result.note()));
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            render(request, response, viewer, year, month, inputs, errors, null);
            return;
        }
        int written = store.save(ags, changes, viewer.userName(), "formular");
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "/kennzahlen/erfassen?jahr=" + year + "&monat=" + month + "&gespeichert="
                + written);
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

    private void render(HttpServletRequest request, HttpServletResponse response, Viewer viewer, int year, int month,
            Map<String, Plausibility.Input> inputs, Map<String, Map<String, String>> errors, String notice)
            throws IOException {
        String ags = viewer.municipality();
        Map<String, StoredValue> stored = store.values(ags, year);
        List<FigureFields> figures = new ArrayList<>();
        List<ErrorLink> errorLinks = new ArrayList<>();
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
            Map<String, String> fieldErrors = errors.getOrDefault(figure.code(), Map.of());
            fieldErrors.forEach((field, message) -> errorLinks.add(new ErrorLink(
                    "feld-" + prefix(field) + "-" + figure.code(), figure.code() + ": " + message)));
            figures.add(new FigureFields(figure, Periods.label(period),
                    current == null ? null : GermanNumbers.format(current.value()) + " " + figure.unit(),
                    current == null ? null : current.released() ? "freigegeben" : "Entwurf",
                    current != null && current.synthetic(),
                    List.of(
                            field("z", figure, "Zähler", typed == null ? current == null ? "" : GermanNumbers.input(
                                    current.numerator()) : typed.numerator(), fieldErrors.get("zaehler")),
                            field("n", figure, "Nenner", typed == null ? current == null ? "" : GermanNumbers.input(
                                    current.denominator()) : typed.denominator(), fieldErrors.get("nenner")),
                            field("w", figure, "Wert (" + figure.unit() + ")", typed == null ? current == null ? ""
                                    : current.numerator() == null ? GermanNumbers.input(current.value()) : ""
                                    : typed.value(), fieldErrors.get("wert"))),
                    new Field("feld-k-" + figure.code(), "k-" + figure.code(), "Kommentar",
                            typed == null ? current == null || current.note() == null ? "" : current.note()
                                    : typed.note(), fieldErrors.get("kommentar"))));
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
        views.render(request, response, "Kennzahlen erfassen", "entry", new Model(ags, directory.name(ags), year,
                month, years, months, figures, errorLinks, notice, drafts));
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

    public record ErrorLink(String target, String message) {
    }

    /** What entry.mustache renders. */
    public record Model(String ags, String name, int year, int month, List<Option> years, List<Option> months,
            List<FigureFields> figures, List<ErrorLink> errors, String notice, int drafts) {
        public boolean hasErrors() {
            return !errors.isEmpty();
        }

        public boolean hasDrafts() {
            return drafts > 0;
        }
    }
}
