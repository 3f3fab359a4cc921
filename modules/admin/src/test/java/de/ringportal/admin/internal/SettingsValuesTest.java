package de.ringportal.admin.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Hashtable;

import org.junit.Test;
import org.osgi.service.metatype.AttributeDefinition;

/** Form values to Config Admin values and back, by the metatype's type; a password never goes back. */
public class SettingsValuesTest {

    @Test
    public void a_stored_password_is_never_displayed() {
        Hashtable<String, Object> stored = new Hashtable<>();
        stored.put("password", "Geheim-4711");

        assertEquals("", SettingFields.display(attribute("password", AttributeDefinition.PASSWORD, 0), stored));
    }

    @Test
    public void stored_values_win_over_defaults_and_lists_show_one_per_line() {
        Hashtable<String, Object> stored = new Hashtable<>();
        stored.put("hosts", new String[] {"a", "b"});
        AttributeDefinition size = attribute("size", AttributeDefinition.INTEGER, 0);
        when(size.getDefaultValue()).thenReturn(new String[] {"20"});

        assertEquals("a\nb", SettingFields.display(attribute("hosts", AttributeDefinition.STRING, 10), stored));
        assertEquals("20", SettingFields.display(size, stored));
    }

    @Test
    public void text_becomes_the_attribute_type() {
        assertEquals(42, SettingFields.convert(attribute("n", AttributeDefinition.INTEGER, 0), "42"));
        assertEquals(2.5, SettingFields.convert(attribute("d", AttributeDefinition.DOUBLE, 0), "2,5"));
        assertEquals(true, SettingFields.convert(attribute("b", AttributeDefinition.BOOLEAN, 0), "true"));
        assertArrayEquals(new String[] {"x", "y"}, (String[]) SettingFields.convert(
                attribute("l", AttributeDefinition.STRING, 5), "x\n\n y \n"));
    }

    @Test
    public void wrong_numbers_and_too_many_values_are_refused_in_german() {
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class,
                () -> SettingFields.convert(attribute("n", AttributeDefinition.INTEGER, 0), "viele"));
        assertEquals("Bitte eine Zahl eingeben, zum Beispiel 10.", number.getMessage());
        IllegalArgumentException many = assertThrows(IllegalArgumentException.class,
                () -> SettingFields.convert(attribute("l", AttributeDefinition.STRING, 2), "a\nb\nc"));
        assertEquals("Höchstens 2 Werte, einer je Zeile.", many.getMessage());
    }

    private static AttributeDefinition attribute(String id, int type, int cardinality) {
        AttributeDefinition attribute = mock(AttributeDefinition.class);
        when(attribute.getID()).thenReturn(id);
        when(attribute.getType()).thenReturn(type);
        when(attribute.getCardinality()).thenReturn(cardinality);
        return attribute;
    }
}
