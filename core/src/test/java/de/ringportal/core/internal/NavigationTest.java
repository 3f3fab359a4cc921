package de.ringportal.core.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.Test;

import de.ringportal.core.api.MenuEntry;

/** The menu as visitors and members see it: ordered, split by area, filtered by role. */
public class NavigationTest {

    private final Navigation navigation = new Navigation(List.of(
            new MenuItem("Kommunen", "/kommunen", 20, MenuEntry.MAIN, List.of()),
            new MenuItem("Startseite", "/", 0, MenuEntry.MAIN, List.of()),
            new MenuItem("Mein Ring", "/ring", 30, MenuEntry.MAIN, List.of("ringmitglied")),
            new MenuItem("Impressum", "/impressum", 10, MenuEntry.FOOTER, List.of())));

    /** Entries come in their order, and the footer's entries stay in the footer. */
    @Test
    public void main_menu_is_sorted_by_order_and_holds_only_main_entries() {
        assertEquals(List.of("Startseite", "Kommunen"), labels(navigation.entries(MenuEntry.MAIN, role -> false)));
        assertEquals(List.of("Impressum"), labels(navigation.entries(MenuEntry.FOOTER, role -> false)));
    }

    /** An entry with roles is shown only to someone holding one of them. */
    @Test
    public void entry_with_role_is_hidden_from_visitors_and_shown_to_members() {
        assertEquals(List.of("Startseite", "Kommunen", "Mein Ring"),
                labels(navigation.entries(MenuEntry.MAIN, "ringmitglied"::equals)));
    }

    /** Service properties become an entry; defaults apply for order and area. */
    @Test
    public void entry_is_read_from_service_properties() {
        MenuItem item = MenuItem.fromProperties(Map.of(MenuItem.LABEL, "Berichte", MenuItem.PATH, "/berichte",
                MenuItem.ROLE, new String[] { "redaktion" }));
        assertEquals(new MenuItem("Berichte", "/berichte", 100, MenuEntry.MAIN, List.of("redaktion")), item);
    }

    /** A menu entry cannot point off-site: protocol-relative, absolute and backslash paths are dropped. */
    @Test
    public void entry_pointing_off_site_is_ignored() {
        for (String path : List.of("//evil.example", "https://evil.example", "/\\evil.example", "javascript:alert(1)")) {
            assertNull(path, MenuItem.fromProperties(Map.of(MenuItem.LABEL, "Böse", MenuItem.PATH, path)));
        }
    }

    private static List<String> labels(List<MenuItem> items) {
        return items.stream().map(MenuItem::label).toList();
    }
}
