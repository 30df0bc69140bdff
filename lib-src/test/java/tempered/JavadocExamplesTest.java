package tempered;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tempered.JavadocExamples.Example;

/**
 * Every Javadoc example of the library that states a value runs and gives that value, as transformers runs its
 * doctests; {@link JavadocExamples} describes the convention. Examples marked {@code // not run: why} are
 * reported as skipped, with the reason; so are those that load the recorded GPT-2 examples where they cannot
 * be had ({@link Recordings}).
 */
class JavadocExamplesTest {
    private static final Path SOURCES = Path.of("lib-src", "main", "java");
    /** The library, its dependencies and these tests, for the JShell that runs an example. */
    private static final List<String> CLASS_PATH =
            List.of(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                    .split(File.pathSeparator));

    /** Each example that states a value runs as its own test; one marked {@code // not run: why} is skipped with the why. */
    @TestFactory
    Stream<DynamicTest> everyExampleGivesTheValuesItStates() {
        assertTrue(
                Files.isDirectory(SOURCES), "run from the project folder: " + SOURCES.toAbsolutePath() + " is missing");
        List<String> imports = new ArrayList<>(JavadocExamples.JSHELL_DEFAULT_IMPORTS);
        imports.addAll(JavadocExamples.packages(SOURCES));
        List<Example> examples = JavadocExamples.find(SOURCES).stream()
                .filter(e -> e.notRun().isPresent() || e.statesSomething())
                .toList();
        assertTrue(examples.size() >= 10, "found only " + examples.size() + " examples with stated values");
        return examples.stream().map(example -> {
            String name = example.name(SOURCES);
            Optional<String> notRun = example.notRun();
            URI source = URI.create(example.file().toAbsolutePath().toUri() + "?line=" + example.line());
            return DynamicTest.dynamicTest(name, source, () -> {
                Assumptions.assumeFalse(notRun.isPresent(), () -> "not run: " + notRun.orElseThrow());
                if (example.lines().stream().anyMatch(line -> line.code().contains("RecordedGpt2.load("))) {
                    Recordings.folder();
                }
                JavadocExamples.check(example, CLASS_PATH, imports);
            });
        });
    }

    // The checker itself: each rule of the convention, and that a wrong example fails.

    private static final List<String> IMPORTS = List.of("java.util", "tempered.math", "tempered.format");

    private static Example example(String... lines) {
        StringBuilder source = new StringBuilder("/**\n * <pre>{@code\n");
        for (String line : lines) {
            source.append(" * ").append(line).append('\n');
        }
        source.append(" * }</pre>\n */\nclass Fake {}\n");
        List<Example> examples = JavadocExamples.parse(Path.of("Fake.java"), source.toString());
        assertEquals(1, examples.size());
        return examples.get(0);
    }

    private static void check(Example example) {
        JavadocExamples.check(example, CLASS_PATH, IMPORTS);
    }

    private static String failure(Example example) {
        return assertThrows(AssertionError.class, () -> check(example)).getMessage();
    }

    @Test
    void numbersMatchToTheDigitsTheyShowAndTheRestOfTheTextExactly() {
        assertTrue(JavadocExamples.matches("0.9514", "0.951381"));
        assertFalse(JavadocExamples.matches("0.9513", "0.951381"), "digits are rounded, not cut");
        assertTrue(JavadocExamples.matches("[0.26894142, 0.73105858]", "[0.2689414213699951, 0.7310585786300049]"));
        assertTrue(JavadocExamples.matches("[0, 0, 1]", "[0.0, 1.0E-20, 1.0]"));
        assertFalse(JavadocExamples.matches("[0, 1]", "[0.0, 1.0, 0.0]"));
        assertTrue(JavadocExamples.matches("[3.0, -Infinity, NaN]", "[3.0,  -Infinity, NaN]"));
        assertFalse(JavadocExamples.matches("[-Infinity]", "[Infinity]"));
        assertTrue(JavadocExamples.matches("\"#1 p=0.665\"", "\"#1 p=0.66524096\""));
        assertFalse(JavadocExamples.matches("\"top-k(50)\"", "\"top-k(40)\""));
        assertEquals("0.66571...", JavadocExamples.literal("0.66571..., mat"));
        assertEquals("0.3", JavadocExamples.literal("0.3 (almost): H is about 0"));
        assertEquals("[1, [2]]", JavadocExamples.literal("[1, [2]] nested"));
        assertEquals("\" mat\"", JavadocExamples.literal("\" mat\", with its space"));
    }

    @Test
    void aRightExamplePassesAndAWrongOneNamesTheLineAndBothValues() {
        check(example(
                "double[] p = Softmax.probs(new double[] {1, 2}, 1.0);",
                "p;  // [0.26894142, 0.73105858]",
                "Numbers.format(0.5);  // \"0.5\"",
                "p.length  // 2, one per logit"));
        String wrong = failure(example(
                "// a comment that is prose", "Softmax.probs(new double[] {1, 2}, 5.0);  // [0.26894142, 0.73105858]"));
        assertTrue(
                wrong.startsWith("Fake.java:4: Softmax.probs(new double[] {1, 2}, 5.0); gives [0.450166002687522"),
                wrong);
        assertTrue(wrong.endsWith(", the Javadoc says [0.26894142, 0.73105858]"), wrong);
    }

    @Test
    void statedExceptionsAreCheckedOnTheirLineOrTheLineBelow() {
        check(
                example(
                        "Logits.requireValid(new double[] {Double.NaN});",
                        "// IllegalArgumentException: logits[0] is NaN; every logit must be a number (use -Infinity to mask a token)"));
        check(example("Softmax.probs(new double[] {1}, -1);  // IllegalArgumentException"));
        String nothing = failure(example("Softmax.probs(new double[] {1}, 1);  // IllegalArgumentException: no"));
        assertTrue(nothing.endsWith("should throw IllegalArgumentException: no, but it threw nothing"), nothing);
        String other = failure(example("Softmax.probs(new double[] {1}, -1);  // IllegalArgumentException: no"));
        assertTrue(other.contains("throws IllegalArgumentException: temperature T=-1.0 must be >= 0;"), other);
        String unexpected =
                failure(example("Softmax.probs(new double[] {1}, 1);", "Softmax.probs(new double[0], 1);  // [1.0]"));
        assertTrue(
                unexpected.startsWith(
                        "Fake.java:4: Softmax.probs(new double[0], 1); throws java.lang.IllegalArgumentException:"
                                + " logits must not be empty"),
                unexpected);
    }

    @Test
    void onlyExamplesThatStateSomethingAreRunAndOthersSayWhyNot() {
        assertFalse(example("gpt2.generate();  // the likeliest token", "// [prose on its own line]")
                .statesSomething());
        Example marked = example("// not run: needs GPT-2", "gpt2.info().embedding();  // 768");
        assertEquals(Optional.of("needs GPT-2"), marked.notRun());
        String undefined = failure(example("gpt2.info().embedding();  // 768"));
        assertTrue(
                undefined.startsWith(
                        "Fake.java:3: gpt2.info().embedding(); does not compile on its own (cannot find symbol"),
                undefined);
        assertTrue(undefined.endsWith("make the example self-contained, or start it with // not run: why"), undefined);
        String inBlock = failure(example("if (true) {", "    Numbers.format(1.0);  // \"1\"", "}"));
        assertTrue(inBlock.startsWith("Fake.java:4: a value is stated where no statement ends"), inBlock);
    }
}
