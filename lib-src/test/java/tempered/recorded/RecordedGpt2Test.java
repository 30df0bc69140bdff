package tempered.recorded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import tempered.math.Distribution;
import tempered.math.TokenProbability;
import tempered.text.Gpt2Tokenizer;

/** The recorded GPT-2 distributions against the index that came with them, read independently with Jackson. */
class RecordedGpt2Test {
    private static final RecordedGpt2 RECORDED = RecordedGpt2.load();

    private static JsonNode index() throws IOException {
        return new ObjectMapper().readTree(RecordedGpt2.class.getResourceAsStream("/tempered/data/gpt2-recorded-logits/prompts.json"));
    }

    @Test
    void jtokkitReproducesEveryRecordedPromptsTokenIdsExactly() throws IOException {
        JsonNode prompts = index().get("prompts");
        assertEquals(5, prompts.size());
        for (JsonNode prompt : prompts) {
            int[] recorded = new ObjectMapper().convertValue(prompt.get("tokenIds"), int[].class);
            assertArrayEquals(recorded, Gpt2Tokenizer.encode(prompt.get("prompt").asText()), prompt.get("prompt").asText());
            for (int i = 0; i < recorded.length; i++) {
                assertEquals(prompt.get("tokens").get(i).asText(), Gpt2Tokenizer.token(recorded[i]));
            }
        }
    }

    /** The top five at T = 1 that the index lists, recomputed from the raw logits over the whole vocabulary. */
    @Test
    void theLogitsGiveTheRecordedTopFive() throws IOException {
        for (JsonNode prompt : index().get("prompts")) {
            Distribution distribution = Distribution.of(RECORDED.nextLogits(prompt.get("prompt").asText()), 1.0);
            List<TokenProbability> top = distribution.top(5);
            for (int i = 0; i < 5; i++) {
                JsonNode expected = prompt.get("top5_at_T1").get(i);
                assertEquals(expected.get(0).asInt(), top.get(i).id(), prompt.get("prompt").asText());
                assertEquals(expected.get(1).asDouble(), top.get(i).prob(), 1e-6);
            }
        }
        float[] logits = RECORDED.nextLogits("Data visualization empowers users to");
        assertEquals(" visualize", Gpt2Tokenizer.token(38350));
        assertEquals(0.157842, Distribution.of(logits, 1.0).prob(38350), 1e-6);
    }

    @Test
    void anyOtherSequenceIsRefusedWithTheListOfPrompts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RECORDED.nextLogits("The cat slept on the"));
        assertTrue(e.getMessage().startsWith("no recorded GPT-2 distribution after \"The cat slept on the\"; the recorded prompts are:"
                + " \"Data visualization empowers users to\", "), e.getMessage());
        assertTrue(e.getMessage().endsWith("For any other text, use the real model (Models.open())"), e.getMessage());
    }

    @Test
    void theLicenceTravelsWithTheData() throws IOException {
        try (var licence = RecordedGpt2.class.getResourceAsStream("/tempered/data/gpt2-recorded-logits/LICENSE")) {
            assertTrue(new String(licence.readAllBytes()).contains("MIT"));
        }
    }
}
