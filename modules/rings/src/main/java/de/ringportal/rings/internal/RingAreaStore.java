package de.ringportal.rings.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.data.Columns;
import de.ringportal.core.data.RowMapper;
import de.ringportal.core.data.Sql;

/**
 * The tables of the rings' internal areas: announcements, meetings and contact persons, each row belonging to one
 * ring ({@link RingStore#deleteRing} takes them with the ring). Nothing here is cached: only members read them.
 */
@Component(service = RingAreaStore.class)
public class RingAreaStore {

    private static final String ANNOUNCEMENT = "SELECT id, ring_id, title, body, author, created_at, demo "
            + "FROM ring_announcement WHERE ring_id = ?";
    private static final String MEETING = "SELECT id, ring_id, meeting_date, place, agenda, minutes, demo "
            + "FROM ring_meeting WHERE ring_id = ?";
    private static final String CONTACT = "SELECT id, ring_id, ags, name, role_title, email, phone, demo "
            + "FROM ring_contact WHERE ring_id = ?";

    private static final RowMapper<Announcement> ANNOUNCEMENT_ROW = row -> new Announcement(row.getInt(1),
            row.getString(2), row.getString(3), row.getString(4), row.getString(5), Columns.instant(row, 6),
            row.getBoolean(7));
    private static final RowMapper<Meeting> MEETING_ROW = row -> new Meeting(row.getInt(1), row.getString(2),
            Columns.localDate(row, 3), row.getString(4), row.getString(5), row.getString(6), row.getBoolean(7));
    private static final RowMapper<Contact> CONTACT_ROW = row -> new Contact(row.getInt(1), row.getString(2),
            row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7),
            row.getBoolean(8));

    private final Sql sql;

    /** @param schema not used directly: keeps the store inactive until core has migrated the rings' tables */
    @Activate
    public RingAreaStore(@Reference DataSource dataSource,
            @Reference(target = "(" + ModuleSchema.NAME + "=rings)") ModuleSchema schema) {
        this.sql = Sql.over(dataSource);
    }

    /** An announcement of a ring's moderators. */
    public record Announcement(int id, String ringId, String title, String body, String author, Instant createdAt,
            boolean demo) {
    }

    /** A ring meeting (Ringtreffen). */
    public record Meeting(int id, String ringId, LocalDate date, String place, String agenda, String minutes,
            boolean demo) {
    }

    /** A contact person of a member municipality. */
    public record Contact(int id, String ringId, String ags, String name, String roleTitle, String email,
            String phone, boolean demo) {
    }

    // ---- announcements

    public int countAnnouncements(String ringId) {
        return (int) sql.count("SELECT COUNT(*) FROM ring_announcement WHERE ring_id = ?", ringId);
    }

    public List<Announcement> announcements(String ringId, int offset, int limit) {
        return sql.list(ANNOUNCEMENT + " ORDER BY created_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                ANNOUNCEMENT_ROW, ringId, offset, limit);
    }

    public Optional<Announcement> announcement(String ringId, int id) {
        return sql.first(ANNOUNCEMENT + " AND id = ?", ANNOUNCEMENT_ROW, ringId, id);
    }

    public void addAnnouncement(String ringId, String title, String body, String author, Instant at, boolean demo) {
        sql.update("INSERT INTO ring_announcement (ring_id, title, body, author, created_at, demo) "
                + "VALUES (?, ?, ?, ?, ?, ?)", ringId, title, body, author, at, demo);
    }

    public boolean deleteAnnouncement(String ringId, int id) {
        return sql.update("DELETE FROM ring_announcement WHERE ring_id = ? AND id = ?", ringId, id) > 0;
    }

    // ---- meetings

    public List<Meeting> meetings(String ringId) {
        return sql.list(MEETING + " ORDER BY meeting_date DESC, id DESC", MEETING_ROW, ringId);
    }

    public Optional<Meeting> meeting(String ringId, int id) {
        return sql.first(MEETING + " AND id = ?", MEETING_ROW, ringId, id);
    }

    public void addMeeting(String ringId, LocalDate date, String place, String agenda, String minutes,
            boolean demo) {
        sql.update("INSERT INTO ring_meeting (ring_id, meeting_date, place, agenda, minutes, demo) "
                + "VALUES (?, ?, ?, ?, ?, ?)", ringId, date, place, agenda, minutes, demo);
    }

    public void updateMeeting(String ringId, int id, LocalDate date, String place, String agenda, String minutes) {
        sql.update("UPDATE ring_meeting SET meeting_date = ?, place = ?, agenda = ?, minutes = ? "
                + "WHERE ring_id = ? AND id = ?", date, place, agenda, minutes, ringId, id);
    }

    public boolean deleteMeeting(String ringId, int id) {
        return sql.update("DELETE FROM ring_meeting WHERE ring_id = ? AND id = ?", ringId, id) > 0;
    }

    // ---- contact persons

    public List<Contact> contacts(String ringId) {
        return sql.list(CONTACT + " ORDER BY ags, name, id", CONTACT_ROW, ringId);
    }

    public Optional<Contact> contact(String ringId, int id) {
        return sql.first(CONTACT + " AND id = ?", CONTACT_ROW, ringId, id);
    }

    public void addContact(String ringId, String ags, String name, String roleTitle, String email, String phone,
            boolean demo) {
        sql.update("INSERT INTO ring_contact (ring_id, ags, name, role_title, email, phone, demo) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", ringId, ags, name, roleTitle, email, phone, demo);
    }

    public boolean deleteContact(String ringId, int id) {
        return sql.update("DELETE FROM ring_contact WHERE ring_id = ? AND id = ?", ringId, id) > 0;
    }

    // ---- demo

    /** Does the ring hold demo announcements already? */
    public boolean hasDemoContent(String ringId) {
        return sql.count("SELECT COUNT(*) FROM ring_announcement WHERE ring_id = ? AND demo = TRUE", ringId) > 0;
    }

    /** Does the ring's directory list a demo person of that municipality already? */
    public boolean hasDemoContact(String ringId, String ags) {
        return sql.count("SELECT COUNT(*) FROM ring_contact WHERE ring_id = ? AND ags = ? AND demo = TRUE", ringId,
                ags) > 0;
    }
}
