package dev.mtproto.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs a {@link TestCluster} for a test class: started before the first test,
 * stopped after the last, its faults cleared after each test. Test methods and constructors can take a
 * {@code TestCluster} parameter.
 *
 * <pre>{@code
 * class MyBotTest {
 *     @RegisterExtension
 *     static final TestDcExtension TELEGRAM = TestDcExtension.withDcs(2);
 *
 *     @Test
 *     void answers(TestCluster telegram) { ... telegram.clientConfig() ... }
 * }
 * }</pre>
 *
 * {@code @ExtendWith(TestDcExtension.class)} gives a cluster of one DC;
 * {@code TestDcExtension.of(TestCluster.builder().dcs(2).strictChecks(true))} one configured in full.
 */
public final class TestDcExtension implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, ParameterResolver {
    private final TestClusterBuilder builder;
    private volatile TestCluster cluster;

    /** One DC; for {@code @ExtendWith}. */
    public TestDcExtension() {
        this(TestCluster.builder());
    }

    private TestDcExtension(TestClusterBuilder builder) {
        this.builder = builder;
    }

    /**
     * @param count how many DCs the cluster has (1 to 9)
     * @return the extension, for {@code @RegisterExtension}
     * @throws IllegalArgumentException if the count is out of range
     */
    public static TestDcExtension withDcs(int count) {
        return new TestDcExtension(TestCluster.builder().dcs(count));
    }

    /**
     * @param builder how to start the cluster (started before the first test of the class, so changes to
     *     the builder until then count)
     * @return the extension, for {@code @RegisterExtension}
     */
    public static TestDcExtension of(TestClusterBuilder builder) {
        return new TestDcExtension(java.util.Objects.requireNonNull(builder, "builder"));
    }

    /**
     * @return the running cluster
     * @throws IllegalStateException outside the test class's lifetime
     */
    public TestCluster cluster() {
        TestCluster c = cluster;
        if (c == null) {
            throw new IllegalStateException("the test DC cluster runs only while the test class runs");
        }
        return c;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = builder.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestCluster c = cluster;
        if (c != null) {
            c.reset();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestCluster c = cluster;
        cluster = null;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster();
    }
}
