package tempered.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The few facts Tempered reads from a Hugging Face {@code config.json} (and {@code generation_config.json}): the
 * architecture, the sizes and the tokens that end a text.
 *
 * <p>Only top-level fields are read, under GPT-2's names or Llama's: layers ({@code n_layer},
 * {@code num_hidden_layers}), query heads ({@code n_head}, {@code num_attention_heads}), key/value heads
 * ({@code num_key_value_heads}), width ({@code n_embd}, {@code hidden_size}), MLP width ({@code n_inner},
 * {@code intermediate_size}), positions ({@code n_positions} or {@code n_ctx}, {@code max_position_embeddings}),
 * {@code vocab_size}, {@code model_type}, {@code tie_word_embeddings} and {@code eos_token_id} (a number or a
 * list). The sizes that matter for running are checked against the ONNX session, which wins. The file must be
 * strict JSON (Jackson's defaults: no leading zeros, no {@code +1}, no unknown escapes, no raw line breaks in
 * strings, at most 1,000 levels of nesting, no repeated keys); anything else is reported as a broken file to
 * fetch again.
 *
 * <pre>{@code
 * ModelConfig.parse("{\"n_layer\": 12, \"n_ctx\": 1024}").contextLength();   // OptionalInt[1024]
 * }</pre>
 */
record ModelConfig(
        OptionalInt layers,
        OptionalInt heads,
        OptionalInt embedding,
        OptionalInt contextLength,
        OptionalInt vocabulary,
        OptionalInt kvHeads,
        OptionalInt intermediateSize,
        Optional<String> modelType,
        Optional<Boolean> tiedEmbeddings,
        List<Integer> endTokens,
        boolean randomWeights) {

    /**
     * The key that marks the models {@code tempered.model.synthetic} builds: their weights are random, so the text
     * they write means nothing, and a notebook must not read GPT-2's behaviour into it.
     */
    static final String RANDOM_WEIGHTS = "tempered_random_weights";

    static final ModelConfig NONE = new ModelConfig(
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            false);

    /** Each size under GPT-2's name, then Llama's: the first one present wins. */
    private static final Map<String, List<String>> SIZES = Map.of(
            "layers", List.of("n_layer", "num_hidden_layers"),
            "heads", List.of("n_head", "num_attention_heads"),
            "embedding", List.of("n_embd", "hidden_size"),
            "context", List.of("n_positions", "n_ctx", "max_position_embeddings"),
            "vocabulary", List.of("vocab_size"),
            "kvHeads", List.of("num_key_value_heads"),
            "intermediate", List.of("n_inner", "intermediate_size"));

    private static final Set<String> SIZE_FIELDS = Set.of(
            "n_layer",
            "num_hidden_layers",
            "n_head",
            "num_attention_heads",
            "n_embd",
            "hidden_size",
            "n_positions",
            "n_ctx",
            "max_position_embeddings",
            "vocab_size",
            "num_key_value_heads",
            "n_inner",
            "intermediate_size");

    /** Hugging Face writes about 1 KB; anything near this is not a config. */
    private static final long MAX_BYTES = 1 << 20;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    ModelConfig {
        endTokens = List.copyOf(endTokens);
    }

    /**
     * The config beside a model folder, or {@link #NONE} when there is none, with GPT-2's download command in
     * its messages.
     */
    static ModelConfig read(Path folder) {
        return read(folder, ModelFolder.DOWNLOAD_COMMAND);
    }

    /**
     * {@code config.json} beside a model, or {@link #NONE} when there is none; a {@code generation_config.json}
     * beside it names the tokens that end a text instead of config.json, as in transformers' {@code generate}.
     *
     * @throws ModelNotFoundException when one is there but broken (fetch it again with {@code downloadCommand})
     * @throws IllegalArgumentException when one cannot be read (permission denied)
     */
    static ModelConfig read(Path folder, String downloadCommand) {
        ModelConfig config = readFile(folder.resolve("config.json"), downloadCommand);
        ModelConfig generation = readFile(folder.resolve("generation_config.json"), downloadCommand);
        return generation.endTokens().isEmpty() ? config : config.withEndTokens(generation.endTokens());
    }

    private static ModelConfig readFile(Path file, String downloadCommand) {
        if (!Files.exists(file)) {
            return NONE;
        }
        String text;
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                throw broken(
                        file,
                        Files.isRegularFile(file) ? Files.size(file) + " bytes, not a config" : "not a file",
                        downloadCommand);
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (AccessDeniedException e) {
            throw ModelFolder.permissionDenied(file);
        } catch (CharacterCodingException e) {
            throw broken(file, "not UTF-8 text", downloadCommand);
        } catch (IOException e) {
            throw broken(file, e.getClass().getSimpleName() + ": " + e.getMessage(), downloadCommand);
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw broken(file, e.getMessage(), downloadCommand);
        }
    }

    /**
     * The facts a config.json text holds.
     *
     * @throws IllegalArgumentException saying what is wrong and where, for any text that is not a JSON object
     *         whose size fields are positive whole numbers, {@code model_type} a string,
     *         {@code tie_word_embeddings} true or false and {@code eos_token_id} a token id or a list of them
     */
    static ModelConfig parse(String json) {
        Map<String, Integer> sizes = new HashMap<>();
        String modelType = null;
        Boolean tied = null;
        boolean random = false;
        List<Integer> endTokens = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("it must hold a JSON object, like the one Hugging Face writes");
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                if (token == null) {
                    throw new IllegalArgumentException("the text ends inside the object");
                }
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (SIZE_FIELDS.contains(name)) {
                    sizes.put(name, size(parser, name, value, 1));
                } else if (name.equals("model_type")) {
                    if (value != JsonToken.VALUE_STRING) {
                        throw new IllegalArgumentException("model_type is " + parser.getText() + ", not a string");
                    }
                    modelType = parser.getText();
                } else if (name.equals("tie_word_embeddings")) {
                    if (!value.isBoolean()) {
                        throw new IllegalArgumentException(
                                "tie_word_embeddings is " + parser.getText() + ", not true or false");
                    }
                    tied = value == JsonToken.VALUE_TRUE;
                } else if (name.equals(RANDOM_WEIGHTS)) {
                    random = value == JsonToken.VALUE_TRUE;
                } else if (name.equals("eos_token_id")) {
                    if (value == JsonToken.START_ARRAY) {
                        for (JsonToken id = parser.nextToken(); id != JsonToken.END_ARRAY; id = parser.nextToken()) {
                            if (id == null) {
                                throw new IllegalArgumentException("the text ends inside eos_token_id");
                            }
                            endTokens.add(size(parser, name, id, 0));
                        }
                    } else {
                        endTokens.add(size(parser, name, value, 0));
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("text after the end of the object at line "
                        + parser.currentLocation().getLineNr());
            }
        } catch (JsonProcessingException e) {
            // Jackson's limits (such as the nesting depth) report no location.
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new IllegalArgumentException(
                    "malformed JSON" + where + ": " + OnnxModel.firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            // A parser over a String reads no file; only a malformed text gets here.
            throw new IllegalArgumentException("unreadable JSON: " + e.getMessage(), e);
        }
        return new ModelConfig(
                field(sizes, "layers"),
                field(sizes, "heads"),
                field(sizes, "embedding"),
                field(sizes, "context"),
                field(sizes, "vocabulary"),
                field(sizes, "kvHeads"),
                field(sizes, "intermediate"),
                Optional.ofNullable(modelType),
                Optional.ofNullable(tied),
                endTokens,
                random);
    }

    ModelConfig withEndTokens(List<Integer> value) {
        return new ModelConfig(
                layers,
                heads,
                embedding,
                contextLength,
                vocabulary,
                kvHeads,
                intermediateSize,
                modelType,
                tiedEmbeddings,
                value,
                randomWeights);
    }

    private static int size(JsonParser parser, String name, JsonToken value, int least) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
            double number = parser.getDoubleValue();
            if (number >= least && number <= Integer.MAX_VALUE && number == Math.rint(number)) {
                return (int) number;
            }
        }
        throw new IllegalArgumentException(name + " is " + parser.getText() + ", not a "
                + (least > 0 ? "positive" : "non-negative") + " whole number");
    }

    private static OptionalInt field(Map<String, Integer> sizes, String size) {
        for (String name : SIZES.get(size)) {
            Integer value = sizes.get(name);
            if (value != null) {
                return OptionalInt.of(value);
            }
        }
        return OptionalInt.empty();
    }

    private static ModelNotFoundException broken(Path file, String reason, String downloadCommand) {
        return new ModelNotFoundException(file.toAbsolutePath() + " is not a usable " + file.getFileName() + " ("
                + reason + "); delete it and fetch the model again with: " + downloadCommand);
    }
}
