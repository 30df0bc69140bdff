package tempered.exercise;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import tempered.recorded.RecordedGpt2;

/** Checks whose answer is one of the recorded prompts, named by its text. */
final class Prompts {
    private Prompts() {}

    /**
     * Whether {@code answer} is the text of the prompt with the largest {@code score}; leading and trailing spaces
     * are ignored. A text that is no recorded prompt is named as such, without a hint at which one is right.
     */
    static String largest(
            String what, String answer, RecordedGpt2 recorded, ToDoubleFunction<RecordedGpt2.Prompt> score) {
        List<RecordedGpt2.Prompt> prompts = Inputs.present(recorded, "recorded").prompts();
        String expected = prompts.stream()
                .max(Comparator.comparingDouble(score))
                .orElseThrow()
                .text();
        if (answer == null) {
            return Check.equal(what, null, expected);
        }
        if (prompts.stream().noneMatch(p -> p.text().strip().equals(answer.strip()))) {
            return Check.notYet("\"" + answer + "\" is not one of the recorded prompts; copy its text from"
                    + " recorded.prompts()");
        }
        return answer.strip().equals(expected.strip())
                ? Check.right(what + " is \"" + expected + "\"")
                : Check.notYet(what + " is not \"" + answer.strip() + "\"");
    }
}
