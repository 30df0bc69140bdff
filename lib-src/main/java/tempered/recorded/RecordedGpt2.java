package tempered.recorded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import tempered.hub.DownloadException;
import tempered.hub.DownloadProgress;
import tempered.hub.Setting;
import tempered.model.LanguageModel;
import tempered.model.ModelNotFoundException;
import tempered.text.Gpt2Tokenizer;

/**
 * GPT-2 small's real next-token logits for five prompts, as the Transformer Explainer project recorded them:
 * a language model that knows exactly one distribution per recorded prompt, and needs no model download.
 *
 * <p>It leaves out everything else: asking for any other sequence is refused with the list of prompts it
 * knows. The data is not part of Tempered: on first use {@link #load()} fetches the project's five example
 * files (8 MB, MIT licence) and keeps them, verified, in Tempered's cache ({@link ExplainerSource}).
 *
 * <pre>{@code
 * RecordedGpt2 recorded = RecordedGpt2.load();
 * float[] logits = recorded.nextLogits("Data visualization empowers users to");
 * Distribution.of(logits, 1.0).prob(38350);   // 0.1578..., " visualize"
 * }</pre>
 */
public final class RecordedGpt2 implements LanguageModel {

    /** One recorded prompt: its text, GPT-2's token ids for it, and the example file it came from. */
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
    private final List<float[]> logits;

    private RecordedGpt2(List<Prompt> prompts, List<float[]> logits) {
        this.prompts = List.copyOf(prompts);
        this.logits = List.copyOf(logits);
    }

    /**
     * The five recorded prompts, from Tempered's cache, fetched there first when missing.
     *
     * @throws ModelNotFoundException when they are missing and the network is off limits, or a cached file is
     *         damaged beyond reading; the message says which command fetches them
     * @throws DownloadException when fetching them fails
     */
    public static RecordedGpt2 load() {
        return load(ExplainerSource.fromEnvironment(Setting.current()));
    }

    static RecordedGpt2 load(ExplainerSource source) {
        List<Prompt> prompts = new ArrayList<>();
        List<float[]> logits = new ArrayList<>();
        for (Path file : source.files(DownloadProgress.NONE)) {
            ExplainerExample example = read(file);
            prompts.add(new Prompt(
                    example.prompt(), example.tokenIds(), file.getFileName().toString()));
            logits.add(example.logits());
        }
        return new RecordedGpt2(prompts, logits);
    }

    private static ExplainerExample read(Path file) {
        try {
            return ExplainerExample.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelNotFoundException(
                    "the recorded GPT-2 example " + file + " cannot be read (" + e.getMessage()
                            + "); delete it and fetch it again with: " + ExplainerSource.DOWNLOAD_COMMAND,
                    e);
        }
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
        for (int i = 0; i < prompts.size(); i++) {
            if (Arrays.equals(prompts.get(i).tokenIds, tokens)) {
                return logits.get(i).clone();
            }
        }
        throw new IllegalArgumentException("no recorded GPT-2 distribution after \"" + Gpt2Tokenizer.decode(tokens)
                + "\"; the recorded prompts are: " + quoted()
                + ". For any other text, use the real model (Models.open())");
    }

    /** GPT-2 small's context; only the recorded prompts themselves can be asked about. */
    @Override
    public int contextLength() {
        return 1024;
    }

    @Override
    public String toString() {
        return "GPT-2 small, recorded next-token logits for " + prompts.size() + " prompts: " + quoted();
    }

    private String quoted() {
        return prompts.stream().map(p -> "\"" + p.text + "\"").collect(Collectors.joining(", "));
    }
}
