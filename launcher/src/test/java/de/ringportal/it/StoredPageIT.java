package de.ringportal.it;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The site's pages are data: what is stored in the database is what the visitor reads. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StoredPageIT extends PortalTestSupport {

    private static final String CHANGED_TITLE = "Impressum und Anbieterkennzeichnung";

    /** Puts the seeded title back, so the change stays local to its test. */
    @After
    public void restoreTitle() throws SQLException {
        setTitle("impressum", "Impressum");
    }

    /** A title changed in the site_page table shows on the next request of that page, in heading and window title. */
    @Test
    public void title_changed_in_the_database_is_served_on_the_next_request() throws SQLException {
        assertEquals(1, setTitle("impressum", CHANGED_TITLE));

        Response page = get("/impressum");

        assertEquals(200, page.status());
        assertThat(page.body(), containsString("<h1>" + CHANGED_TITLE + "</h1>"));
        assertThat(page.body(), containsString("<title>" + CHANGED_TITLE + " – Benchmarking der Optionskommunen</title>"));
    }

    private int setTitle(String slug, String title) throws SQLException {
        DataSource dataSource = awaitService(DataSource.class, null);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE site_page SET title = ?, updated_at = CURRENT_TIMESTAMP WHERE slug = ?")) {
            update.setString(1, title);
            update.setString(2, slug);
            return update.executeUpdate();
        }
    }
}
