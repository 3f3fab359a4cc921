package de.ringportal.events.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/** The fields of the event form as sent, and their check. */
public record EventForm(String title, String day, String from, String until, String place, String ring,
        String agenda) {

    static final int TITLE_MAX = 200;
    static final int PLACE_MAX = 200;
    static final int AGENDA_MAX = 4000;
    private static final Pattern RING_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** The day as a date input accepts it (ISO), or empty when it is not a date: never an invalid value. */
    public String isoDay() {
        LocalDate date = date(day);
        return date == null ? "" : date.toString();
    }

    public String isoFrom() {
        LocalTime time = time(from);
        return time == null ? "" : time.toString();
    }

    public String isoUntil() {
        LocalTime time = time(until);
        return time == null ? "" : time.toString();
    }

    static EventForm empty() {
        return new EventForm("", "", "", "", "", "", "");
    }

    static EventForm of(HttpServletRequest request) {
        return new EventForm(clean(request, "titel"), clean(request, "tag"), clean(request, "beginn"),
                clean(request, "ende"), clean(request, "ort"), clean(request, "ring"),
                Objects.requireNonNullElse(request.getParameter("programm"), "").strip());
    }

    /** The event, or null with the problems in {@code errors} (field name to German message). */
    Event validate(Map<String, String> errors) {
        if (title.isEmpty() || title.length() > TITLE_MAX) {
            errors.put("titel", "Bitte einen Titel mit höchstens " + TITLE_MAX + " Zeichen angeben.");
        }
        LocalDate date = date(day);
        if (date == null) {
            errors.put("tag", "Bitte ein Datum angeben, zum Beispiel 24.11.2026.");
        }
        LocalTime start = time(from);
        if (start == null) {
            errors.put("beginn", "Bitte eine Uhrzeit angeben, zum Beispiel 10:00.");
        }
        LocalTime end = time(until);
        if (end == null) {
            errors.put("ende", "Bitte eine Uhrzeit angeben, zum Beispiel 16:00.");
        } else if (start != null && !end.isAfter(start)) {
            errors.put("ende", "Das Ende liegt nicht nach dem Beginn.");
        }
        if (place.isEmpty() || place.length() > PLACE_MAX) {
            errors.put("ort", "Bitte einen Ort mit höchstens " + PLACE_MAX + " Zeichen angeben.");
        }
        if (!ring.isEmpty() && !RING_ID.matcher(ring).matches()) {
            errors.put("ring", "Eine Ring-Kennung besteht aus höchstens 32 Buchstaben, Ziffern, - oder _.");
        }
        if (agenda.length() > AGENDA_MAX) {
            errors.put("programm", "Das Programm hat höchstens " + AGENDA_MAX + " Zeichen.");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new Event(0, title, LocalDateTime.of(date, start), LocalDateTime.of(date, end), place,
                ring.isEmpty() ? null : ring, agenda);
    }

    private static String clean(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.replaceAll("\\p{Cntrl}", " ").strip();
    }

    private static LocalDate date(String text) {
        try {
            LocalDate date = text.contains(".") ? LocalDate.parse(text, GERMAN_DATE) : LocalDate.parse(text);
            return date.getYear() < 2000 || date.getYear() > 2999 ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalTime time(String text) {
        try {
            return text.matches("[0-9]{1,2}:[0-9]{2}") ? LocalTime.parse(text.length() == 4 ? "0" + text : text)
                    : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
