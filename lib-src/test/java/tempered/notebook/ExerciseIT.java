package tempered.notebook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tempered.notebook.kernel.CellOutput;
import tempered.notebook.kernel.NotebookExecutor;

/**
 * Every notebook exercise checks itself. An exercise is a code cell tagged {@code exercise}: it holds a placeholder
 * answer ({@code Double.NaN}, {@code Answer.NONE} or {@code null}) and ends with a call to its notebook's class in
 * {@code tempered.exercise} (such as {@code SoftmaxFromScratchExercises}), which computes the expected value out of
 * the learner's sight; the markdown cell right after it hides the solution in
 * {@code <details><summary>Solution</summary>}, as a fenced {@code java} block holding the whole cell. As
 * committed, each check must say "not yet"; with every exercise cell replaced by its solution, each must say "right".
 */
class ExerciseIT {
    private static final Path NOTEBOOKS = Path.of(System.getProperty("tempered.notebooks", "notebooks"));
    private static final Pattern SOLUTION = Pattern.compile(
            "<details>\\s*<summary>Solution</summary>.*?```java\\n(.*?)\\n```.*?</details>", Pattern.DOTALL);

    private static final Pattern CHECK_CALL = Pattern.compile("\\b[A-Z]\\w*Exercises\\.\\w+\\(");

    /** One exercise: its position among the notebook's code cells (0-based) and its solution's code. */
    record Exercise(int codeCell, String id, String code, String solution) {}

    static Stream<String> notebooksWithExercises() throws IOException {
        return NotebooksIT.notebooks().filter(name -> !exercises(name).isEmpty());
    }

    static List<Exercise> exercises(String notebook) {
        JsonNode cells = NotebookCells.read(NOTEBOOKS.resolve(notebook)).path("cells");
        List<Exercise> found = new ArrayList<>();
        int code = -1;
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            if (!"code".equals(cell.path("cell_type").asText())) {
                continue;
            }
            code++;
            if (!tags(cell).contains("exercise")) {
                continue;
            }
            String id = cell.path("id").asText();
            JsonNode next = i + 1 < cells.size() ? cells.get(i + 1) : null;
            assertTrue(
                    next != null && "markdown".equals(next.path("cell_type").asText()),
                    notebook + " exercise '" + id + "' must be followed by a markdown cell holding its solution");
            Matcher solution = SOLUTION.matcher(NotebookExecutor.source(next.path("source")));
            assertTrue(
                    solution.find(),
                    notebook + " exercise '" + id + "': the cell after it must hide the solution in"
                            + " <details><summary>Solution</summary> ... ```java ... ``` ... </details>");
            found.add(new Exercise(code, id, NotebookExecutor.source(cell.path("source")), solution.group(1)));
        }
        return found;
    }

    private static List<String> tags(JsonNode cell) {
        List<String> tags = new ArrayList<>();
        cell.path("metadata").path("tags").forEach(tag -> tags.add(tag.asText()));
        return tags;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notebooksWithExercises")
    void eachExerciseHasAPlaceholderACheckAndADifferentSolution(String notebook) {
        for (Exercise exercise : exercises(notebook)) {
            String where = notebook + " exercise '" + exercise.id() + "'";
            assertTrue(
                    CHECK_CALL.matcher(exercise.code()).find(),
                    where + " ends with a check of its notebook's class in tempered.exercise, such as"
                            + " SoftmaxFromScratchExercises.helloOverNamaste(answer, greetings, logits)");
            assertFalse(
                    exercise.code().contains("Check."),
                    where + " calls Check itself, with the expected value in sight; move that value behind a method"
                            + " of its notebook's class in tempered.exercise");
            assertTrue(
                    exercise.code().contains("Double.NaN")
                            || exercise.code().contains("Answer.NONE")
                            || exercise.code().contains("= null"),
                    where + " starts from a placeholder answer (Double.NaN, Answer.NONE or null)");
            assertNotEquals(
                    exercise.code().strip(), exercise.solution().strip(), where + ": the solution must answer it");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notebooksWithExercises")
    void asCommittedEveryCheckSaysNotYet(String notebook) {
        List<CellOutput> outputs = NotebooksIT.run(notebook);
        for (Exercise exercise : exercises(notebook)) {
            String shown = outputs.get(exercise.codeCell()).allText();
            assertTrue(
                    shown.contains("not yet:") && !shown.contains("right:"),
                    notebook + " exercise '" + exercise.id() + "' as committed should say not yet; it shows:\n"
                            + shown);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notebooksWithExercises")
    void withTheSolutionsEveryCheckSaysRight(String notebook) throws IOException {
        NotebooksIT.needsWhatItLoads(notebook);
        List<Exercise> exercises = exercises(notebook);
        Map<Integer, String> solutions = new HashMap<>();
        exercises.forEach(exercise -> solutions.put(exercise.codeCell(), exercise.solution()));
        ObjectNode solved = (ObjectNode)
                new ObjectMapper().readTree(NOTEBOOKS.resolve(notebook).toFile());
        int code = -1;
        for (JsonNode cell : solved.path("cells")) {
            if ("code".equals(cell.path("cell_type").asText()) && solutions.containsKey(++code)) {
                ((ObjectNode) cell).put("source", solutions.get(code));
            }
        }
        Path folder = Path.of(System.getProperty("tempered.jar", "target/tempered.jar"))
                .toAbsolutePath()
                .resolveSibling("exercise-solutions");
        Files.createDirectories(folder);
        Path file = folder.resolve(notebook);
        new ObjectMapper().writeValue(file.toFile(), solved);
        List<CellOutput> outputs;
        try (NotebookExecutor executor = new NotebookExecutor()) {
            outputs = executor.run(file);
        }
        for (Exercise exercise : exercises) {
            String shown = outputs.get(exercise.codeCell()).allText();
            assertTrue(
                    shown.contains("right:"),
                    notebook + " exercise '" + exercise.id() + "' with its solution should say right;" + " it shows:\n"
                            + shown);
            assertFalse(
                    shown.contains("not yet:"),
                    notebook + " exercise '" + exercise.id() + "' with its solution still says not yet:\n" + shown);
        }
    }
}
