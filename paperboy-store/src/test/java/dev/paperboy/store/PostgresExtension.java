package dev.paperboy.store;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * Gives tests a {@link PostgresCluster}: one cluster for the whole test run (started by the first
 * class that needs it, stopped and deleted when the run ends), injected into test constructors,
 * lifecycle methods and test methods that take a {@code PostgresCluster} parameter.
 *
 * <pre>{@code
 * @ExtendWith(PostgresExtension.class)
 * class MyPostgresTest {
 *   @Test
 *   void works(PostgresCluster pg) {
 *     try (Database db = pg.newDatabase()) { ... }
 *   }
 * }
 * }</pre>
 *
 * When PostgreSQL is not installed the tests are skipped with a message that says what is missing;
 * they do not fail.
 */
public final class PostgresExtension
    implements ExecutionCondition, BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PostgresExtension.class);
  private static final AtomicBoolean TOLD = new AtomicBoolean();

  /** Skips (disables) the tests with the reason when PostgreSQL is absent. */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<String> reason = PostgresCluster.unavailableReason();
    if (reason.isEmpty()) {
      return ConditionEvaluationResult.enabled("PostgreSQL is installed");
    }
    // Build tools show skipped classes as a count; say once, visibly, why they were skipped.
    if (TOLD.compareAndSet(false, true)) {
      System.err.println("PostgreSQL tests skipped: " + reason.get());
    }
    return ConditionEvaluationResult.disabled("skipped: " + reason.get());
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    cluster(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == PostgresCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return cluster(context);
  }

  /** The run's cluster, started on first use; aborts the calling test when PostgreSQL is absent. */
  public static PostgresCluster cluster(ExtensionContext context) {
    Optional<String> reason = PostgresCluster.unavailableReason();
    if (reason.isPresent()) {
      throw new TestAbortedException("skipped: " + reason.get());
    }
    // The root context's store lives for the whole run and closes AutoCloseable values at its end.
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            PostgresCluster.class, k -> PostgresCluster.start(), PostgresCluster.class);
  }
}
