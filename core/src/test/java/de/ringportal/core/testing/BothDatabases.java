package de.ringportal.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.runner.Runner;
import org.junit.runner.notification.RunNotifier;
import org.junit.runners.BlockJUnit4ClassRunner;
import org.junit.runners.Suite;
import org.junit.runners.model.FrameworkMethod;
import org.junit.runners.model.InitializationError;
import org.junit.runners.model.Statement;

/**
 * Runs a store's test class once on Derby and once on PostgreSQL: {@code @RunWith(BothDatabases.class)}, and every
 * {@link TestDatabase#migrated} in it (fields, {@code @Before}, {@code @BeforeClass}) gives a database of the kind
 * whose turn it is. Test names show the database, as {@code adds_a_ring[postgresql]}. The system property
 * {@value #PROPERTY} ({@code derby} or {@code postgresql}) runs one of the two only.
 */
public final class BothDatabases extends Suite {

    /** The system property that limits the run to some databases: a comma-separated list of kinds. */
    public static final String PROPERTY = "ringportal.test.databases";

    public BothDatabases(Class<?> type) throws InitializationError {
        super(type, runners(type));
    }

    private static List<Runner> runners(Class<?> type) throws InitializationError {
        List<Runner> runners = new ArrayList<>();
        for (TestDatabase.Kind kind : chosen()) {
            runners.add(new OnDatabase(type, kind));
        }
        return runners;
    }

    private static List<TestDatabase.Kind> chosen() throws InitializationError {
        String property = System.getProperty(PROPERTY, "");
        if (property.isBlank()) {
            return TestDatabase.all();
        }
        List<TestDatabase.Kind> kinds = new ArrayList<>();
        for (String name : property.split(",")) {
            try {
                kinds.add(TestDatabase.Kind.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InitializationError(PROPERTY + " names " + name.strip() + ", not one of "
                        + TestDatabase.all().stream().map(TestDatabase.Kind::label).toList());
            }
        }
        return kinds;
    }

    /** The class's tests on one database. */
    private static final class OnDatabase extends BlockJUnit4ClassRunner {

        private final TestDatabase.Kind kind;

        OnDatabase(Class<?> type, TestDatabase.Kind kind) throws InitializationError {
            super(type);
            this.kind = kind;
        }

        @Override
        protected String getName() {
            return "[" + kind.label() + "]";
        }

        @Override
        protected String testName(FrameworkMethod method) {
            return method.getName() + "[" + kind.label() + "]";
        }

        @Override
        protected Statement classBlock(RunNotifier notifier) {
            Statement tests = super.classBlock(notifier);
            return new Statement() {
                @Override
                public void evaluate() throws Throwable {
                    TestDatabase.Kind before = TestDatabase.use(kind);
                    try {
                        tests.evaluate();
                    } finally {
                        TestDatabase.use(before);
                    }
                }
            };
        }
    }
}
