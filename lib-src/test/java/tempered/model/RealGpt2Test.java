package tempered.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tempered.hub.Models;
import tempered.math.Distribution;
import tempered.text.Gpt2Tokenizer;

/**
 * The real GPT-2, when this machine has it (TEMPERED_MODEL_DIR or the Hugging Face cache), against next-token
 * logits recorded from GPT-2 in PyTorch. Skipped, with a message, when the model is absent, as in CI.
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
     * float32 exports agree with PyTorch to within 1e-2 in every logit (the recorded ones lie between -180 and -89) and
     * 1e-4 in the top probability; int8 ones only in the likeliest token.
     */
    @Test
    void givesTheRecordedNextTokenDistributions() throws IOException {
        Assumptions.assumeTrue(gpt2 != null, absent);
        boolean quantized = gpt2.info().file().getFileName().toString().contains("quantized");
        JsonNode prompts = new ObjectMapper().readTree(resource("prompts.json")).get("prompts");
        for (JsonNode prompt : prompts) {
            float[] recorded = logits(prompt.get("file").asText());
            float[] computed =
                    gpt2.nextLogits(Gpt2Tokenizer.encode(prompt.get("prompt").asText()));
            Distribution expected = Distribution.of(recorded, 1.0);
            Distribution actual = Distribution.of(computed, 1.0);
            assertEquals(
                    expected.argmax(), actual.argmax(), prompt.get("prompt").asText());
            if (!quantized) {
                double worst = 0;
                for (int i = 0; i < recorded.length; i++) {
                    worst = Math.max(worst, Math.abs(recorded[i] - computed[i]));
                }
                assertTrue(worst < 1e-2, "logits differ by " + worst + " for " + prompt.get("prompt"));
                assertEquals(expected.prob(expected.argmax()), actual.prob(actual.argmax()), 1e-4);
            }
        }
    }

    private static InputStream resource(String name) {
        return RealGpt2Test.class.getResourceAsStream("/tempered/data/gpt2-recorded-logits/" + name);
    }

    private static float[] logits(String file) throws IOException {
        try (InputStream in = resource(file)) {
            ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            float[] logits = new float[Gpt2Tokenizer.VOCABULARY_SIZE];
            bytes.asFloatBuffer().get(logits);
            return logits;
        }
    }
}
