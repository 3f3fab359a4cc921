package de.ringportal.rings.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import de.ringportal.core.api.ModuleSchema;
import de.ringportal.core.api.StoreBusyException;
import de.ringportal.core.data.RowMapper;
import de.ringportal.core.data.Sql;
import de.ringportal.core.data.Tx;
import de.ringportal.core.data.Work;
import de.ringportal.rings.api.Ring;
import de.ringportal.rings.api.Rings;

/**
 * The rings and their membership per year, cached for the public pages and the access checks, with a change event
 * for other modules after each write. The internal areas' tables are {@link RingAreaStore}'s.
 */
@Component(service = RingStore.class)
public class RingStore {

    private static final String MEMBERSHIP = "SELECT ring_id, ags, member_year, source, demo FROM ring_membership ";
    private static final RowMapper<Membership> MEMBERSHIP_ROW = row -> new Membership(row.getString(1),
            row.getString(2), row.getInt(3), row.getString(4), row.getBoolean(5));
    /** The tables of a ring's content, each row with its {@code ring_id}. */
    private static final List<String> CONTENT = List.of("ring_membership", "ring_announcement", "ring_meeting",
            "ring_contact");
    private static final String INSERT_MEMBERSHIP = "INSERT INTO ring_membership (ring_id, ags, member_year, source, "
            + "demo) VALUES (?, ?, ?, ?, ?)";

    private final Sql sql;

    /**
     * Rings and memberships as the public pages and the access checks read them on every request; every write
     * through this store empties it (no other code writes these tables), so readers never see stale data.
     */
    private final Map<String, Object> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Tells other modules (municipality registry, ...) that rings or memberships changed, so they empty their caches:
     * {@link Rings#TOPIC_CHANGED}, posted asynchronously after the write. Optional: without Event Admin, nobody is
     * told.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;

    /** @param schema not used directly: keeps the store inactive until core has migrated the rings' tables */
    @Activate
    public RingStore(@Reference DataSource dataSource,
            @Reference(target = "(" + ModuleSchema.NAME + "=rings)") ModuleSchema schema) {
        this.sql = Sql.over(dataSource);
    }

    /** For tests: the Event Admin that hears of changes. */
    void eventAdmin(EventAdmin admin) {
        this.eventAdmin = admin;
    }

    /** Posts {@link Rings#TOPIC_CHANGED} for that ring; {@code change} is created, updated, deleted or members. */
    private void changed(String ringId, String change) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(new Event(Rings.TOPIC_CHANGED, Map.of(Rings.EVENT_RING, ringId, Rings.EVENT_CHANGE,
                    change)));
        }
    }

    /** One membership row. */
    public record Membership(String ringId, String ags, int year, String source, boolean demo) {
    }

    // ---- rings

    public List<Ring> rings() {
        return cached("rings", () -> List.copyOf(sql.list(
                "SELECT id, number, name, description, moderator FROM ring ORDER BY number",
                row -> new Ring(row.getString(1), row.getInt(2), row.getString(3), row.getString(4),
                        row.getString(5)))));
    }

    public Optional<Ring> ring(String id) {
        return rings().stream().filter(ring -> ring.id().equals(id)).findFirst();
    }

    /** Adds a ring with the next free number, which is also its id; a number another save took is skipped. */
    public Ring addRing(String name, String description, String moderator) {
        Ring ring = write(tx -> {
            int last = (int) tx.count("SELECT MAX(number) FROM ring");
            for (int number = last + 1; number <= last + 100; number++) {
                Ring candidate = new Ring(Integer.toString(number), number, name, description, moderator);
                if (tx.unlessDuplicate(t -> update(t, "INSERT INTO ring (id, number, name, "
                        + "description, moderator) VALUES (?, ?, ?, ?, ?)", candidate.id(), candidate.number(), name,
                        description, moderator)).isPresent()) {
                    return candidate;
                }
            }
            throw new SQLException("No free ring number after " + last);
        });
        changed(ring.id(), "created");
        return ring;
    }

    public void updateRing(String id, String name, String description, String moderator) {
        if (update("UPDATE ring SET name = ?, description = ?, moderator = ? WHERE id = ?", name, description,
                moderator, id) > 0) {
            changed(id, "updated");
        }
    }

    /** Deletes a ring with everything in it, in one transaction. */
    public void deleteRing(String id) {
        write(tx -> {
            for (String table : CONTENT) {
                update(tx, "DELETE FROM " + table + " WHERE ring_id = ?", id);
            }
            return update(tx, "DELETE FROM ring WHERE id = ?", id);
        });
        changed(id, "deleted");
    }

    /** How much a ring holds: memberships, announcements, meetings, contacts. */
    public int[] contentCounts(String id) {
        return CONTENT.stream().mapToInt(table -> (int) sql.count("SELECT COUNT(*) FROM " + table
                + " WHERE ring_id = ?", id)).toArray();
    }

    // ---- memberships

    public List<Membership> memberships(String ringId, int year) {
        return membershipsByRing(year).getOrDefault(ringId, List.of());
    }

    /** Every membership of that year, by ring id, each list sorted by AGS. */
    public Map<String, List<Membership>> membershipsByRing(int year) {
        return cached("members:" + year, () -> readMembershipsByRing(year));
    }

    private Map<String, List<Membership>> readMembershipsByRing(int year) {
        Map<String, List<Membership>> byRing = new TreeMap<>();
        for (Membership membership : sql.list(MEMBERSHIP + "WHERE member_year = ? ORDER BY ags", MEMBERSHIP_ROW,
                year)) {
            byRing.computeIfAbsent(membership.ringId(), ring -> new ArrayList<>()).add(membership);
        }
        byRing.replaceAll((ring, list) -> List.copyOf(list));
        return java.util.Collections.unmodifiableMap(byRing);
    }

    /** The municipality's rings by year, every year up to {@code upToYear}. */
    public Map<Integer, Set<String>> ringsByYear(String ags, int upToYear) {
        return cached("byYear:" + ags + ":" + upToYear, () -> readRingsByYear(ags, upToYear));
    }

    private Map<Integer, Set<String>> readRingsByYear(String ags, int upToYear) {
        Map<Integer, Set<String>> byYear = new TreeMap<>();
        for (Membership membership : sql.list(MEMBERSHIP + "WHERE ags = ? AND member_year <= ?", MEMBERSHIP_ROW, ags,
                upToYear)) {
            byYear.computeIfAbsent(membership.year(), year -> new TreeSet<>()).add(membership.ringId());
        }
        byYear.replaceAll((year, rings) -> Set.copyOf(rings));
        return java.util.Collections.unmodifiableMap(byYear);
    }

    public Optional<String> ringOf(String ags, int year) {
        return membershipsByRing(year).values().stream().flatMap(List::stream)
                .filter(membership -> membership.ags().equals(ags)).map(Membership::ringId).findFirst();
    }

    /** The years that have memberships, ascending. */
    public List<Integer> years() {
        return cached("years", () -> List.copyOf(sql.list(
                "SELECT DISTINCT member_year FROM ring_membership ORDER BY member_year", row -> row.getInt(1))));
    }

    /** Adds a membership; false when the municipality already belongs to a ring in that year (the unique key says). */
    public boolean addMembership(String ringId, String ags, int year, String source, boolean demo) {
        boolean added = write(tx -> tx.unlessDuplicate(t -> update(t, INSERT_MEMBERSHIP, ringId, ags, year, source,
                demo)).isPresent());
        if (added) {
            changed(ringId, "members");
        }
        return added;
    }

    public boolean removeMembership(String ringId, String ags, int year) {
        boolean removed = update("DELETE FROM ring_membership WHERE ring_id = ? AND ags = ? AND member_year = ?",
                ringId, ags, year) > 0;
        if (removed) {
            changed(ringId, "members");
        }
        return removed;
    }

    // ---- demo

    /**
     * Adds the memberships whose municipality has no ring in that year yet, in one transaction; returns how many.
     * Existing rows, real or demo, stay as they are.
     */
    public int addMissingMemberships(List<Membership> memberships) {
        List<Membership> added = write(tx -> {
            Set<String> taken = new java.util.HashSet<>(tx.list("SELECT ags, member_year FROM ring_membership",
                    row -> row.getString(1) + ":" + row.getInt(2)));
            List<Membership> inserted = new ArrayList<>();
            for (Membership m : memberships) {
                // one written meanwhile by another save is skipped like one that was there before
                if (taken.add(m.ags() + ":" + m.year()) && tx.unlessDuplicate(t -> update(t, INSERT_MEMBERSHIP,
                        m.ringId(), m.ags(), m.year(), m.source(), m.demo())).isPresent()) {
                    inserted.add(m);
                }
            }
            return inserted;
        });
        added.stream().map(Membership::ringId).collect(java.util.stream.Collectors.toCollection(TreeSet::new))
                .forEach(ring -> changed(ring, "members"));
        return added.size();
    }

    // ---- plumbing

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, java.util.function.Supplier<T> read) {
        Object value = cache.get(key);
        if (value == null) {
            value = read.get();
            cache.put(key, value);
        }
        return (T) value;
    }

    private int update(String statement, Object... parameters) {
        return write(tx -> update(tx, statement, parameters));
    }

    /**
     * Runs a write in one transaction, again when other writes were in the way ({@link StoreBusyException} when
     * they stayed); the cache is emptied before and after, as a reader in between may have cached the old rows.
     */
    private <T> T write(Work<T> work) {
        cache.clear();
        try {
            return sql.write(work);
        } finally {
            cache.clear();
        }
    }

    private int update(Tx tx, String statement, Object... parameters) throws SQLException {
        try {
            return tx.update(statement, parameters);
        } finally {
            // after the statement too: a reader between the first clear and the write may have cached the old rows
            cache.clear();
        }
    }
}
