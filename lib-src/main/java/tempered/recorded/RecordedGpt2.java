package tempered.recorded;

import tempered.model.LanguageModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tempered.text.Gpt2Tokenizer;
import tempered.text.JsonReader;

/**
 * GPT-2 small's real next-token logits for five prompts, recorded from the model and shipped with Tempered:
 * a language model that knows exactly one distribution per recorded prompt, and needs no download.
 *
 * <p>It leaves out everything else: asking for any other sequence is refused with the list of prompts it
 * knows. The data comes from the Transformer Explainer project (Polo Club of Data Science, MIT licence; the
 * licence is beside the data in {@code tempered/data/gpt2-recorded-logits/}).
 *
 * <pre>{@code
 * RecordedGpt2 recorded = RecordedGpt2.load();
 * float[] logits = recorded.nextLogits("Data visualization empowers users to");
 * Distribution.of(logits, 1.0).prob(38350);   // 0.1578..., " visualize"
 * }</pre>
 */
public final class RecordedGpt2 implements LanguageModel {
    private static final String FOLDER = "/tempered/data/gpt2-recorded-logits/";

    /** One recorded prompt: its text, GPT-2's token ids for it, and the file holding the logits after it. */
    public record Prompt(String text, int[] tokenIds, String file) {
        public Prompt {
            tokenIds = tokenIds.clone();
        }

        @Override
        public int[] tokenIds() {
            return tokenIds.clone();
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final List<Prompt> prompts;

    private RecordedGpt2(List<Prompt> prompts) {
        this.prompts = List.copyOf(prompts);
    }

    /** Reads the list of recorded prompts; the logits are read when asked for. */
    @SuppressWarnings("unchecked")
    public static RecordedGpt2 load() {
        Map<String, Object> index = (Map<String, Object>) JsonReader.parse(new String(read("prompts.json"), StandardCharsets.UTF_8));
        List<Prompt> prompts = new ArrayList<>();
        for (Object entry : (List<Object>) index.get("prompts")) {
            Map<String, Object> prompt = (Map<String, Object>) entry;
            int[] ids = ((List<Object>) prompt.get("tokenIds")).stream().mapToInt(id -> ((Double) id).intValue()).toArray();
            prompts.add(new Prompt((String) prompt.get("prompt"), ids, (String) prompt.get("file")));
        }
        return new RecordedGpt2(prompts);
    }

    public List<Prompt> prompts() {
        return prompts;
    }

    /** The recorded logits after a prompt's text. */
    public float[] nextLogits(String prompt) {
        return nextLogits(Gpt2Tokenizer.encode(prompt));
    }

    /**
     * The recorded logits after exactly these tokens.
     *
     * @throws IllegalArgumentException when they are not one of the recorded prompts
     */
    @Override
    public float[] nextLogits(int... tokens) {
        for (Prompt prompt : prompts) {
            if (Arrays.equals(prompt.tokenIds, tokens)) {
                return logits(prompt.file);
            }
        }
        throw new IllegalArgumentException("no recorded GPT-2 distribution after \"" + Gpt2Tokenizer.decode(tokens)
                + "\"; the recorded prompts are: " + prompts.stream().map(p -> "\"" + p.text + "\"").collect(Collectors.joining(", "))
                + ". For any other text, use the real model (Models.open())");
    }

    /** GPT-2 small's context; only the recorded prompts themselves can be asked about. */
    @Override
    public int contextLength() {
        return 1024;
    }

    @Override
    public String toString() {
        return "GPT-2 small, recorded next-token logits for " + prompts.size() + " prompts: "
                + prompts.stream().map(p -> "\"" + p.text + "\"").collect(Collectors.joining(", "));
    }

    private static float[] logits(String file) {
        ByteBuffer bytes = ByteBuffer.wrap(read(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.remaining() != Gpt2Tokenizer.VOCABULARY_SIZE * Float.BYTES) {
            throw new IllegalStateException(file + " holds " + bytes.remaining() + " bytes, not 50,257 float32 logits; the jar is damaged, rebuild it");
        }
        float[] logits = new float[Gpt2Tokenizer.VOCABULARY_SIZE];
        bytes.asFloatBuffer().get(logits);
        return logits;
    }

    private static byte[] read(String name) {
        try (InputStream in = RecordedGpt2.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("the recorded GPT-2 data " + name + " is missing from the library; rebuild it with mvn package");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
