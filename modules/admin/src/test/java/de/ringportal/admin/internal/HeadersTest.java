package de.ringportal.admin.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.Test;

/** Manifest headers as the OSGi specification writes them: quoted commas, shared parameters, directives. */
public class HeadersTest {

    @Test
    public void clauses_split_on_commas_outside_quotes() {
        List<Headers.Clause> clauses = Headers.parse("a.b;version=\"[1.2,2)\",c.d;resolution:=optional");

        assertEquals(2, clauses.size());
        assertEquals(List.of("a.b"), clauses.get(0).names());
        assertEquals("[1.2,2)", clauses.get(0).attribute("version"));
        assertEquals("optional", clauses.get(1).directive("resolution"));
    }

    @Test
    public void several_names_share_their_parameters_and_typed_attributes_keep_their_name() {
        Headers.Clause clause = Headers.parse("p.one;p.two;version:Version=\"1.0\";uses:=\"x,y\"").get(0);

        assertEquals(List.of("p.one", "p.two"), clause.names());
        assertEquals(Map.of("version", "1.0"), clause.attributes());
        assertEquals("x,y", clause.directive("uses"));
    }

    @Test(expected = IllegalArgumentException.class)
    public void unbalanced_quotes_are_malformed() {
        Headers.parse("a;version=\"[1,2)");
    }

    @Test
    public void an_empty_header_has_no_clauses() {
        assertEquals(List.of(), Headers.parse(null));
        assertEquals(List.of(), Headers.parse("  "));
    }
}
