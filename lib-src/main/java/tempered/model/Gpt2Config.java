package tempered.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few numbers Tempered reads from a Hugging Face {@code config.json}: GPT-2's sizes.
 *
 * <p>Only top-level integer fields are read ({@code n_layer}, {@code n_head}, {@code n_embd},
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
        }
    }

    static Gpt2Config parse(String json) {
        OptionalInt positions = field(json, "n_positions");
        return new Gpt2Config(field(json, "n_layer"), field(json, "n_head"), field(json, "n_embd"),
                positions.isPresent() ? positions : field(json, "n_ctx"), field(json, "vocab_size"));
    }

    private static OptionalInt field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }
}
