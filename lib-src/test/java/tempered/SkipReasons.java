package tempered;

import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints one line for each test that did not run and why: a disabled test, or one whose assumption failed
 * (the real GPT-2 tests without the model, a Javadoc example marked "not run"). Maven's console on its own
 * only counts them. Registered for every test run through {@code META-INF/services}.
 */
public final class SkipReasons implements TestExecutionListener {
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        print(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            print(test, result.getThrowable().map(Throwable::getMessage).orElse(null));
        }
    }

    private void print(TestIdentifier test, String reason) {
        String why = reason == null || reason.isBlank()
                ? "no reason given"
                : reason.strip()
                        .replaceFirst("^Assumption failed: ", "")
                        .lines()
                        .findFirst()
                        .orElseThrow();
        System.out.println(
                "Skipped " + className(test).map(name -> name + " > ").orElse("") + test.getDisplayName() + ": " + why);
    }

    /** The simple name of the test class that holds {@code test}, found by walking up the plan. */
    private Optional<String> className(TestIdentifier test) {
        for (TestIdentifier at = test;
                at != null;
                at = plan == null ? null : plan.getParent(at).orElse(null)) {
            Optional<String> name = at.getSource().map(SkipReasons::className);
            if (name.isPresent() && !name.get().isEmpty()) {
                return name.map(className -> className.substring(className.lastIndexOf('.') + 1));
            }
        }
        return Optional.empty();
    }

    private static String className(TestSource source) {
        return source instanceof ClassSource c
                ? c.getClassName()
                : source instanceof MethodSource m ? m.getClassName() : "";
    }
}
