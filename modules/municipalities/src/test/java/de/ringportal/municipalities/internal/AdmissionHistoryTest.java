package de.ringportal.municipalities.internal;

import static org.junit.Assert.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

/** The counts of the story "69 → 67 → 108", computed from the seed data and from small made-up registries. */
public class AdmissionHistoryTest {

    private final AdmissionHistory seed = new AdmissionHistory(Seed.entries());

    /** 68 original units known by name plus the one predecessor of Landkreis Meißen the sources do not name. */
    @Test
    public void start_of_2005_counts_69_with_one_unrecorded() {
        AdmissionHistory.Count count = seed.on(LocalDate.of(2005, 1, 1));
        assertEquals(69, count.total());
        assertEquals(1, count.unrecorded());
        assertEquals(0, seed.on(LocalDate.of(2004, 12, 31)).total());
    }

    /** Bernburg + Schönebeck (2007) and Kamenz + Bautzen (2008) merged: 69 → 68 → 67. */
    @Test
    public void the_two_mergers_bring_it_down_to_67() {
        assertEquals(69, seed.on(LocalDate.of(2007, 6, 30)).total());
        assertEquals(68, seed.on(LocalDate.of(2007, 7, 1)).total());
        assertEquals(68, seed.on(LocalDate.of(2008, 7, 31)).total());
        AdmissionHistory.Count after = seed.on(LocalDate.of(2008, 8, 1));
        assertEquals(67, after.total());
        assertEquals("Meißen exists now: nothing unrecorded", 0, after.unrecorded());
        assertEquals(67, seed.on(LocalDate.of(2011, 12, 31)).total());
    }

    /** 41 new ones in 2012: 108, as many as the registry marks as listed in the KomtrZV annex. */
    @Test
    public void start_of_2012_counts_108_like_the_annex() {
        assertEquals(108, seed.on(LocalDate.of(2012, 1, 1)).total());
        assertEquals(108, seed.listedIn2012());
        assertEquals("the 2014 extension of Vorpommern-Rügen adds no Träger", 108,
                seed.on(LocalDate.of(2014, 1, 1)).total());
    }

    /** The table by date: each step's change is the difference of the counts. */
    @Test
    public void steps_are_in_date_order_with_their_changes() {
        List<AdmissionHistory.Step> steps = seed.steps();
        assertEquals(LocalDate.of(2005, 1, 1), steps.get(0).day());
        assertEquals(68, steps.get(0).admitted().size());
        assertEquals(69, steps.get(0).change());
        AdmissionHistory.Step saxony = steps.stream().filter(s -> s.day().equals(LocalDate.of(2008, 8, 1)))
                .findFirst().orElseThrow();
        assertEquals(5, saxony.ended().size());
        assertEquals(4, saxony.formed().size());
        assertEquals(-1, saxony.change());
        AdmissionHistory.Step y2012 = steps.stream().filter(s -> s.day().equals(LocalDate.of(2012, 1, 1)))
                .findFirst().orElseThrow();
        assertEquals(41, y2012.admitted().size());
        assertEquals(41, y2012.change());
        for (int i = 1; i < steps.size(); i++) {
            assertEquals(steps.get(i).count().total() - steps.get(i - 1).count().total(), steps.get(i).change());
        }
    }

    /** When an editor records a third merger, the count follows at once. */
    @Test
    public void a_new_merger_changes_the_count() {
        List<Entry> entries = new ArrayList<>(Seed.entries());
        Entry biberach = entries.stream().filter(e -> e.ags().equals("08426")).findFirst().orElseThrow();
        entries.set(entries.indexOf(biberach), biberach.withEnd(LocalDate.of(2020, 12, 31), "08435"));
        AdmissionHistory changed = new AdmissionHistory(entries);
        assertEquals(seed.on(LocalDate.of(2020, 12, 31)).total(), changed.on(LocalDate.of(2020, 12, 31)).total());
        assertEquals(seed.on(LocalDate.of(2021, 1, 1)).total() - 1, changed.on(LocalDate.of(2021, 1, 1)).total());
    }

    /** A unit of unknown admission is not counted anywhere, and is reported as unknown. */
    @Test
    public void unknown_admission_is_not_counted() {
        Entry unknown = new Entry("09999", "Landkreis Unbekannt", "Landkreis", "Bayern", null, null, null, null, null,
                null, null, null, null);
        AdmissionHistory history = new AdmissionHistory(List.of(unknown));
        assertEquals(0, history.on(LocalDate.of(2020, 1, 1)).total());
        assertEquals(1, history.unknownAdmission());
    }
}
