package de.ringportal.events.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import de.ringportal.core.forms.Fields;
import de.ringportal.core.forms.FormErrors;

/** The event form as typed; day and times as date and time inputs show them ("" when they are none). */
public record EventForm(String title, String isoDay, String isoFrom, String isoUntil, String place, String ring,
        String agenda) {

    static final EventForm EMPTY = new EventForm("", "", "", "", "", "", "");

    /** Reads and checks the form; the problems go to the fields' errors, in the order of the form. */
    static EventForm of(Fields fields) {
        FormErrors errors = fields.errors();
        String title = fields.text("titel", 200, true, "Bitte einen Titel mit höchstens 200 Zeichen angeben.");
        LocalDate day = fields.date("tag", "Bitte ein Datum angeben, zum Beispiel 24.11.2026.");
        if (day != null && (day.getYear() < 2000 || day.getYear() > 2999)) {
            day = null;
            errors.add("tag", "Bitte ein Datum angeben, zum Beispiel 24.11.2026.");
        }
        LocalTime from = time(fields, "beginn", "Bitte eine Uhrzeit angeben, zum Beispiel 10:00.");
        LocalTime until = time(fields, "ende", "Bitte eine Uhrzeit angeben, zum Beispiel 16:00.");
        if (from != null && until != null && !until.isAfter(from)) {
            errors.add("ende", "Das Ende liegt nicht nach dem Beginn.");
        }
        String place = fields.text("ort", 200, true, "Bitte einen Ort mit höchstens 200 Zeichen angeben.");
        String ring = fields.text("ring");
        if (!ring.matches("[A-Za-z0-9_-]{0,32}")) {
            errors.add("ring", "Eine Ring-Kennung besteht aus höchstens 32 Buchstaben, Ziffern, - oder _.");
        }
        String agenda = fields.multiline("programm");
        if (agenda.length() > 4000) {
            errors.add("programm", "Das Programm hat höchstens 4000 Zeichen.");
        }
        return new EventForm(title, Objects.toString(day, ""), Objects.toString(from, ""),
                Objects.toString(until, ""), place, ring, agenda);
    }

    /** The audience: null for a public event. */
    String ringId() {
        return ring.isEmpty() ? null : ring;
    }

    /** For a form read without errors. */
    Event event() {
        LocalDate day = LocalDate.parse(isoDay);
        return new Event(0, title, day.atTime(LocalTime.parse(isoFrom)), day.atTime(LocalTime.parse(isoUntil)), place,
                ringId(), agenda);
    }

    /** A time as a time input sends it ("09:30"), or typed with a one-digit hour ("9:30"); null with the message. */
    private static LocalTime time(Fields fields, String name, String message) {
        String text = fields.text(name);
        if (text.matches("[0-9]{1,2}:[0-9]{2}")) {
            try {
                return LocalTime.parse(text.length() == 4 ? "0" + text : text);
            } catch (DateTimeParseException e) {
                // no time of day, such as 25:00: the message below
            }
        }
        fields.errors().add(name, message);
        return null;
    }
}
