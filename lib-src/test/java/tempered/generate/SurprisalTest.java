package tempered.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tempered.model.LanguageModel;
import tempered.text.Gpt2Tokenizer;

class SurprisalTest {

    /** Four tokens: after token 3 the next is 0 with 0.7; after any other, 0 to 3 with 0.1, 0.2, 0.3, 0.4. */
    private static final LanguageModel FOUR = new LanguageModel() {
        @Override
        public float[] nextLogits(int... tokens) {
            double[] p = tokens[tokens.length - 1] == 3
                    ? new double[] {0.7, 0.1, 0.1, 0.1}
                    : new double[] {0.1, 0.2, 0.3, 0.4};
            float[] logits = new float[4];
            for (int i = 0; i < 4; i++) {
                logits[i] = (float) Math.log(p[i]);
            }
            return logits;
        }

        @Override
        public int contextLength() {
            return 8;
        }
    };

    /** Each token is scored given the context and the tokens of the text before it, never given itself. */
    @Test
    void eachTokenIsScoredGivenWhatCameBeforeIt() {
        double[] nats = Surprisal.of(FOUR, new int[] {1}, new int[] {2, 3, 0});
        assertArrayEquals(new double[] {-Math.log(0.3), -Math.log(0.4), -Math.log(0.7)}, nats, 1e-6);
    }

    /** A model that finds every one of GPT-2's 50,257 tokens equally likely: ln 50257 nats for each, however split. */
    @Test
    void textsAreTokenizedApartFromTheirContext() {
        LanguageModel uniform = new LanguageModel() {
            @Override
            public float[] nextLogits(int... tokens) {
                return new float[50257];
            }

            @Override
            public int contextLength() {
                return 1024;
            }
        };
        String text = " that a single man in possession of a good fortune";
        double[] nats = Surprisal.of(uniform, "It is a truth universally acknowledged,", text);
        assertEquals(Gpt2Tokenizer.encode(text).length, nats.length);
        assertEquals(Math.log(50257), Arrays.stream(nats).max().orElseThrow(), 1e-6);
        assertEquals(Math.log(50257), Surprisal.mean(uniform, "It is", text), 1e-6);
    }

    @Test
    void refusesWhatItCannotScore() {
        assertEquals(
                "the context and the text are 9 tokens; this model sees at most 8: score a shorter text",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Surprisal.of(FOUR, new int[] {1, 2, 3, 0}, new int[] {1, 2, 3, 0, 1}))
                        .getMessage());
        assertEquals(
                "the context and the text must not be empty; the model needs something to read first",
                assertThrows(IllegalArgumentException.class, () -> Surprisal.of(FOUR, "", " text"))
                        .getMessage());
    }
}
