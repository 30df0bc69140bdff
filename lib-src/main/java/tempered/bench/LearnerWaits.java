package tempered.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tempered.model.OnnxModel;

/**
 * What a learner waits for: the model's load alone; the command line from {@code java -jar} to its first
 * generated token and to the end of a whole generation; and a notebook from its setup cell to GPT-2's first
 * distribution ({@link NotebookStart}). The command line and the notebook run as child processes, each a
 * fresh JVM, so their times include the JVM's start, class loading and the JIT's first, slow passes.
 */
final class LearnerWaits {
    static final String LOAD = "model load alone (file already in memory)";
    static final String FIRST_TOKEN = "command line: start to first token";
    static final String WHOLE = "command line: a whole generate of ";
    static final String NOTEBOOK = "notebook: setup to first distribution";
    private static final String PROMPT = "The cat slept on the";

    private LearnerWaits() {}

    static void measure(Path model, Scale scale, Measurements figures, PrintStream log) {
        log.println("model load ...");
        double[] load = new double[scale.runs()];
        for (int run = -1; run < scale.runs(); run++) {
            long start = System.nanoTime();
            // Closed at once: only the time the load took counts.
            OnnxModel.open(model).close();
            if (run >= 0) {
                load[run] = (System.nanoTime() - start) / 1e9;
            }
        }
        figures.add(Figure.of(LOAD, "s", load));

        log.println("the command line, " + scale.generateTokens() + " tokens, in a new JVM each run ...");
        int runs = Math.max(1, Math.min(3, scale.runs()));
        double[] firstToken = new double[runs];
        double[] whole = new double[runs];
        for (int run = 0; run < runs; run++) {
            double[] times = commandLine(model, scale.generateTokens());
            firstToken[run] = times[0];
            whole[run] = times[1];
        }
        figures.add(Figure.of(FIRST_TOKEN, "s", firstToken));
        figures.add(Figure.of(WHOLE + scale.generateTokens() + " tokens", "s", whole));

        log.println("a notebook's first cells, in a new JVM each run ...");
        double[] notebook = new double[runs];
        for (int run = 0; run < runs; run++) {
            String out = child(List.of(NotebookStart.class.getName(), model.toString()), null)
                    .strip();
            notebook[run] = Double.parseDouble(out.substring(out.lastIndexOf(' ') + 1));
        }
        figures.add(Figure.of(NOTEBOOK, "s", notebook));
    }

    /** Seconds from starting {@code tempered generate} to its first token, and to its exit. */
    private static double[] commandLine(Path model, int tokens) {
        double[] times = new double[2];
        child(
                List.of(
                        "tempered.cli.Main",
                        "generate",
                        "--model",
                        model.toString(),
                        "--prompt",
                        PROMPT,
                        "--max-new-tokens",
                        Integer.toString(tokens),
                        "--seed",
                        "1"),
                times);
        return times;
    }

    /**
     * Runs this jar's class {@code arguments[0]} in a new JVM and returns its output. With {@code times}, fills in
     * the seconds until its output went past the prompt (the first token) and until it exited.
     */
    private static String child(List<String> arguments, double[] times) {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        // The class path goes in the environment, not on the command line: ONNX Runtime 1.29.0 reads the process's
        // command line when it starts and crashes (SIGSEGV) when that is longer than about 4 KB, as a test's class path
        // is.
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        Path errors = null;
        try {
            errors = Files.createTempFile("tempered-bench", ".err");
            long start = System.nanoTime();
            Process process = builder.redirectError(errors.toFile()).start();
            byte[] prompt = PROMPT.getBytes(StandardCharsets.UTF_8);
            StringBuilder text = new StringBuilder();
            byte[] buffer = new byte[4096];
            long seen = 0;
            try (InputStream out = process.getInputStream()) {
                for (int read; (read = out.read(buffer)) >= 0; ) {
                    seen += read;
                    if (times != null && times[0] == 0 && seen > prompt.length) {
                        times[0] = (System.nanoTime() - start) / 1e9;
                    }
                    text.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                }
            }
            int status = process.waitFor();
            if (times != null) {
                times[1] = (System.nanoTime() - start) / 1e9;
            }
            if (status != 0) {
                throw new IllegalStateException(String.join(" ", arguments.subList(0, 2)) + " exited with status "
                        + status + ": " + Files.readString(errors).strip());
            }
            return text.toString();
        } catch (IOException e) {
            throw new IllegalStateException("could not run a child JVM for the learner's waits: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while timing a child JVM", e);
        } finally {
            deleteQuietly(errors);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // A temporary file left behind is harmless; the measurement is what matters.
        }
    }
}
