package tempered.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tempered.Recordings;
import tempered.hub.Models;
import tempered.math.Distribution;
import tempered.recorded.RecordedGpt2;

/**
 * The real GPT-2, when this machine has it (TEMPERED_MODEL_DIR or the Hugging Face cache), against next-token
 * logits the Transformer Explainer project recorded from GPT-2 (the same recordings the notebooks read). Skipped, with a message, when the model is absent, as in CI.
 */
class RealGpt2Test {
    private static Gpt2Model gpt2;
    private static String absent;

    @BeforeAll
    static void open() {
        Path path;
        try {
            path = Models.locate();
        } catch (ModelNotFoundException e) {
            absent = "real GPT-2 is not on this machine, so this test is skipped: " + e.getMessage();
            return;
        }
        gpt2 = Gpt2Model.open(path);
    }

    @AfterAll
    static void close() {
        if (gpt2 != null) {
            gpt2.close();
        }
    }

    @Test
    void hasGpt2SmallsSizes() {
        Assumptions.assumeTrue(gpt2 != null, absent);
        ModelInfo info = gpt2.info();
        assertEquals(12, info.layers());
        assertEquals(12, info.heads());
        assertEquals(768, info.embedding());
        assertEquals(50257, info.vocabulary());
        assertEquals(1024, info.contextLength());
        assertEquals(124_439_808L, info.parameters());
    }

    /**
     * float32 exports agree with GPT-2 as the Transformer Explainer recorded it to within 1e-2 in every logit (the
     * recorded ones lie between -180 and -89) and 1e-4 in the top probability; int8 ones only in the likeliest
     * token.
     */
    @Test
    void givesTheRecordedNextTokenDistributions() {
        Assumptions.assumeTrue(gpt2 != null, absent);
        Recordings.folder();
        RecordedGpt2 recorded = RecordedGpt2.load();
        boolean quantized = gpt2.info().file().getFileName().toString().contains("quantized");
        for (RecordedGpt2.Prompt prompt : recorded.prompts()) {
            float[] expectedLogits = recorded.nextLogits(prompt.tokenIds());
            float[] computed = gpt2.nextLogits(prompt.tokenIds());
            Distribution expected = Distribution.of(expectedLogits, 1.0);
            Distribution actual = Distribution.of(computed, 1.0);
            assertEquals(expected.argmax(), actual.argmax(), prompt.text());
            if (!quantized) {
                double worst = 0;
                for (int i = 0; i < expectedLogits.length; i++) {
                    worst = Math.max(worst, Math.abs(expectedLogits[i] - computed[i]));
                }
                assertTrue(worst < 1e-2, "logits differ by " + worst + " for " + prompt.text());
                assertEquals(expected.prob(expected.argmax()), actual.prob(actual.argmax()), 1e-4);
            }
        }
    }
}
