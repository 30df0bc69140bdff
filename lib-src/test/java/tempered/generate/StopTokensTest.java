package tempered.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tempered.chat.Message;
import tempered.model.Decoder;
import tempered.model.ForwardingModel;
import tempered.model.LanguageModel;
import tempered.model.OnnxModel;
import tempered.model.synthetic.SyntheticLlama;
import tempered.sampling.SamplerChain;

/**
 * A sample stops at any of the model's stop tokens, here the Llama-shaped test model's (generation_config.json's
 * [2, 0]: <|im_end|> and <|endoftext|>), and says which; the stop token is among the ids, not in the text.
 */
class StopTokensTest {
    @TempDir
    static Path folder;

    private static OnnxModel model;

    @BeforeAll
    static void build() {
        model = OnnxModel.open(SyntheticLlama.write(folder));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void theModelsStopTokensComeFromItsFiles() {
        assertEquals(Set.of(0, 2), model.stopTokens());
    }

    @Test
    void aSampleStopsAtAnyStopTokenAndSaysWhich() {
        for (int stop : new int[] {2, 0}) {
            String prompt = model.chatTemplate().orElseThrow().render(List.of(Message.user("Hi")), true);
            int promptLength = model.tokenizer().encode(prompt).length;
            Generation generation = new Generator(new EndsAfter(model, promptLength + 3, stop))
                    .generate(prompt, SamplerChain.builder().greedy(), GenerationSettings.of(20));
            Sample sample = generation.sample();
            assertEquals(StopReason.END_OF_TEXT, sample.stop());
            assertEquals(OptionalInt.of(stop), sample.stopToken());
            assertEquals(4, sample.tokenIds().length, "three tokens, then the stop token");
            assertEquals(stop, sample.steps().get(3).id());
            assertEquals(
                    model.tokenizer().decode(java.util.Arrays.copyOf(sample.tokenIds(), 3)),
                    sample.text(),
                    "the stop token is not in the text");
            assertFalse(sample.text().contains("<|im_end|>"));
        }
    }

    /** The special token's text in the prompt is the token itself: the template's markers reach the model as ids. */
    @Test
    void aChatPromptReachesTheModelAsItsMarkersIds() {
        String prompt = model.chatTemplate().orElseThrow().render(List.of(Message.user("Hi")), true);
        Generation generation =
                new Generator(model).generate(prompt, SamplerChain.builder().greedy(), GenerationSettings.of(3));
        int[] ids = generation.promptIds();
        assertEquals(1, ids[0], "<|im_start|>");
        assertTrue(java.util.Arrays.stream(ids).filter(id -> id == 2).count() == 2, "two <|im_end|>");
        assertArrayEquals(
                new int[] {1, 100, 118, 118, 108, 118, 119, 100, 113, 119, 13},
                java.util.Arrays.copyOfRange(ids, ids.length - 11, ids.length),
                "<|im_start|>assistant\\n");
    }

    /** The wrapped model, but from {@code length} positions on it makes {@code stop} by far the likeliest token. */
    private static final class EndsAfter extends ForwardingModel {
        private final int length;
        private final int stop;

        EndsAfter(LanguageModel model, int length, int stop) {
            super(model);
            this.length = length;
            this.stop = stop;
        }

        @Override
        protected float[][] step(Decoder decoder, int[][] tokens) {
            float[][] logits = decoder.append(tokens);
            if (decoder.length() >= length) {
                for (float[] row : logits) {
                    row[stop] += 1000;
                }
            }
            return logits;
        }
    }
}
