package tempered.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a model's {@code tokenizer_config.json} says that {@code tokenizer.json} does not: the chat template and
 * the names of the special tokens it uses (beginning and end of text, padding, unknown).
 *
 * <p>A token may be written as its text or as transformers' {@code AddedToken} object ({@code {"content": ...}});
 * both give the text. A {@code chat_template} given as a list of named templates gives the one named
 * {@code default}. It leaves out everything else (lengths, padding side, the tokenizer's Python class).
 *
 * <pre>{@code
 * TokenizerConfig.parse("{\"eos_token\": \"<|im_end|>\", \"chat_template\": \"{{ bos_token }}\"}").eosToken();   // Optional[<|im_end|>]
 * }</pre>
 */
public record TokenizerConfig(
        Optional<String> chatTemplate,
        Optional<String> bosToken,
        Optional<String> eosToken,
        Optional<String> padToken,
        Optional<String> unkToken) {

    /** No tokenizer_config.json: no template, no named tokens. */
    public static final TokenizerConfig NONE = new TokenizerConfig(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * The {@code tokenizer_config.json} in a model folder, or {@link #NONE} when there is none.
     *
     * @throws IllegalArgumentException when it is there but is not such a file (the message says why)
     * @throws UncheckedIOException when it cannot be read
     */
    public static TokenizerConfig read(Path folder) {
        Path file = folder.resolve("tokenizer_config.json");
        if (!Files.exists(file)) {
            return NONE;
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    file.toAbsolutePath() + " is not a usable tokenizer_config.json (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The facts a tokenizer_config.json text holds.
     *
     * @throws IllegalArgumentException when it is not a JSON object, or a field has the wrong kind of value
     */
    public static TokenizerConfig parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JSON: " + firstLine(e.getOriginalMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("it must hold a JSON object, like the one transformers writes");
        }
        return new TokenizerConfig(
                template(root.get("chat_template")),
                token(root, "bos_token"),
                token(root, "eos_token"),
                token(root, "pad_token"),
                token(root, "unk_token"));
    }

    private static Optional<String> template(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return Optional.of(node.asText());
        }
        if (node.isArray()) {
            for (JsonNode named : node) {
                if (named.path("name").asText("").equals("default")
                        && named.path("template").isTextual()) {
                    return Optional.of(named.get("template").asText());
                }
            }
            throw new IllegalArgumentException("chat_template is a list of templates, but none is named default");
        }
        throw new IllegalArgumentException("chat_template is " + node.getNodeType() + ", not a text");
    }

    private static Optional<String> token(JsonNode root, String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return Optional.of(node.asText());
        }
        if (node.isObject() && node.path("content").isTextual()) {
            return Optional.of(node.get("content").asText());
        }
        throw new IllegalArgumentException(name + " is " + node + ", not a token's text or {\"content\": ...}");
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
