package de.ringportal.it;

import static org.junit.Assert.assertEquals;

import java.sql.Connection;

import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Every check of {@link KeyFiguresIT} (entry, release, ring tables, imports, who sees which year) with the portal on
 * PostgreSQL: the shipped bundles, the migrations and the stores on the second database, in the real framework, in
 * every run of the suite (with {@code -Dringportal.it.postgresql=true} every Pax Exam class runs there).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KeyFiguresOnPostgresIT extends KeyFiguresIT {

    @Override
    protected boolean runsOnPostgres() {
        return true;
    }

    /** The checks above ran on PostgreSQL, not on a Derby the portal fell back to. */
    @Test
    public void the_portal_runs_on_postgresql() throws Exception {
        assertEquals("postgresql", context.getServiceReferences(DataSource.class, null).iterator().next()
                .getProperty("ringportal.database"));
        try (Connection connection = awaitService(DataSource.class, null).getConnection()) {
            assertEquals("PostgreSQL", connection.getMetaData().getDatabaseProductName());
        }
    }
}
