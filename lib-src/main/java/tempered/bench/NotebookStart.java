package tempered.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * A notebook's first wait, approximated outside Jupyter: in a fresh JVM, JShell (which the Java kernel runs
 * cells with) evaluates what {@code setup.jsh} and {@code gpt2.jsh} do, then a cell that shows GPT-2's first
 * next-token distribution; it prints the seconds from the first snippet to that distribution.
 *
 * <p>It leaves out the kernel's own start (Jupyter launching the JVM before the first cell runs) and the
 * browser; it opens the model from a path instead of searching the Hugging Face cache, and shows the
 * distribution as text rather than as a table. Run by the benchmark as a child process:
 * {@code java -cp tempered.jar tempered.bench.NotebookStart MODEL}.
 */
public final class NotebookStart {
    private NotebookStart() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java -cp tempered.jar tempered.bench.NotebookStart MODEL_FOLDER_OR_ONNX_FILE");
            System.exit(2);
        }
        long start = System.nanoTime();
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            shell.addToClasspath(System.getProperty("java.class.path"));
            for (String snippet : cells(Path.of(args[0]).toAbsolutePath())) {
                for (SnippetEvent event : shell.eval(snippet)) {
                    if (event.status() == Snippet.Status.REJECTED || event.exception() != null) {
                        System.err.println("the notebook's snippet failed: " + snippet.strip() + " ("
                                + (event.exception() != null
                                        ? event.exception().getMessage()
                                        : "rejected by the compiler")
                                + ")");
                        System.exit(1);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "seconds %.3f%n", (System.nanoTime() - start) / 1e9);
    }

    /** What the first cells of a GPT-2 notebook evaluate, snippet by snippet. */
    static List<String> cells(Path model) {
        return List.of(
                "import java.util.*;",
                "import java.util.stream.*;",
                "import tempered.math.*;",
                "import tempered.sampling.*;",
                "import tempered.notebook.*;",
                "import tech.tablesaw.api.Table;",
                "System.setProperty(\"java.awt.headless\", \"true\");",
                "import tempered.model.*;",
                "import tempered.generate.*;",
                "import tempered.text.*;",
                "Gpt2Model gpt2 = Gpt2Model.open(java.nio.file.Path.of(\""
                        + model.toString().replace("\\", "\\\\") + "\"));",
                "Generator generator = new Generator(gpt2);",
                "Distribution first = Distribution.of(gpt2.nextLogits(Gpt2Tokenizer.encode(\"The cat slept on the\")), 1.0);",
                "String shown = first.top(5).toString();");
    }
}
