package tempered.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import tempered.text.JsonReader;

/**
 * The few numbers Tempered reads from a Hugging Face {@code config.json}: GPT-2's sizes.
 *
 * <p>Only top-level whole-number fields are read ({@code n_layer}, {@code n_head}, {@code n_embd},
 * {@code n_positions} or {@code n_ctx}, {@code vocab_size}); the sizes that matter for running are checked
 * against the ONNX session, which wins.
 */
record Gpt2Config(OptionalInt layers, OptionalInt heads, OptionalInt embedding, OptionalInt contextLength,
        OptionalInt vocabulary) {

    static final Gpt2Config NONE = new Gpt2Config(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(),
            OptionalInt.empty(), OptionalInt.empty());

    /** The config beside a model folder, or {@link #NONE} when there is none. */
    static Gpt2Config read(Path folder) {
        Path file = folder.resolve("config.json");
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ModelNotFoundException(file.toAbsolutePath() + " is not a usable config.json (" + e.getMessage()
                    + "); delete it and fetch the model again with: " + ModelFolder.DOWNLOAD_COMMAND, e);
        }
    }

    static Gpt2Config parse(String json) {
        if (!(JsonReader.parse(json) instanceof Map<?, ?> config)) {
            throw new IllegalArgumentException("config.json must hold a JSON object, like the one Hugging Face writes");
        }
        OptionalInt positions = field(config, "n_positions");
        return new Gpt2Config(field(config, "n_layer"), field(config, "n_head"), field(config, "n_embd"),
                positions.isPresent() ? positions : field(config, "n_ctx"), field(config, "vocab_size"));
    }

    private static OptionalInt field(Map<?, ?> config, String name) {
        return config.get(name) instanceof Double number && number > 0 && number == Math.rint(number)
                ? OptionalInt.of(number.intValue()) : OptionalInt.empty();
    }
}
