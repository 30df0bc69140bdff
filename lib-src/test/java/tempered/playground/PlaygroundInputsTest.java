package tempered.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tempered.text.Gpt2Tokenizer;

/** Playground.of refuses what no playground can show, with a message that says what to do. */
class PlaygroundInputsTest {
    @Test
    void aNullLabelIsNamed() {
        assertEquals(
                "a playground needs a label for every logit, but label 1 is null; use \"\" for a token without one",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Playground.of(new double[] {1, 2}, Arrays.asList("a", null)))
                        .getMessage());
    }

    @Test
    void logitsOfAnotherVocabularyThanTheTokenizersAreRefused() {
        for (int count : new int[] {10, 60_000}) {
            assertEquals(
                    "a playground labels logits with GPT-2's byte-level BPE, which knows 50,257 tokens, but there are "
                            + String.format(java.util.Locale.ROOT, "%,d", count)
                            + " logits: they come from another model, or were cut. Pass that model's tokenizer,"
                            + " or labels of your own with Playground.of(double[], List)",
                    assertThrows(
                                    IllegalArgumentException.class,
                                    () -> Playground.of(new float[count], Gpt2Tokenizer.get()))
                            .getMessage());
        }
        assertEquals(
                50_257,
                Playground.of(new float[50_257], Gpt2Tokenizer.get()).figures().tokensLeft(),
                "GPT-2's own logits are taken");
    }

    @Test
    void nullLogitsAreNamed() {
        assertEquals(
                "logits must not be null; pass one score per token",
                assertThrows(IllegalArgumentException.class, () -> Playground.of((double[]) null, List.of()))
                        .getMessage());
    }
}
