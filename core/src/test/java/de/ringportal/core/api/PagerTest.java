package de.ringportal.core.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Paging: numbers out of range or unreadable land on a real page, and the links keep the list's parameters. */
public class PagerTest {

    @Test
    public void middle_page_links_both_ways_with_the_other_parameters() {
        Pager pager = Pager.of("2", 45, 20, "/admin/konten?suche=m&");

        assertEquals(2, pager.page());
        assertEquals(3, pager.pages());
        assertEquals(20, pager.offset());
        assertEquals("/admin/konten?suche=m&seite=1", pager.previous());
        assertEquals("/admin/konten?suche=m&seite=3", pager.next());
        assertTrue(pager.several());
    }

    @Test
    public void empty_list_is_one_page_without_links() {
        Pager pager = Pager.of(null, 0, 20, "/admin/konten?");

        assertEquals(1, pager.page());
        assertEquals(1, pager.pages());
        assertNull(pager.previous());
        assertNull(pager.next());
        assertFalse(pager.several());
    }

    @Test
    public void unreadable_or_out_of_range_page_numbers_land_on_the_nearest_page() {
        assertEquals(1, Pager.of("abc", 100, 50, "?").page());
        assertEquals(1, Pager.of("-3", 100, 50, "?").page());
        assertEquals(1, Pager.of("0", 100, 50, "?").page());
        assertEquals(2, Pager.of("999999", 100, 50, "?").page());
        assertEquals(1, Pager.of("99999999999999999999", 100, 50, "?").page());
        assertEquals(50, Pager.of("2", 100, 50, "?").offset());
    }
}
