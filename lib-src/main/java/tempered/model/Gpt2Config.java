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
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The few numbers Tempered reads from a Hugging Face {@code config.json}: GPT-2's sizes.
 *
 * <p>Only top-level whole-number fields are read ({@code n_layer}, {@code n_head}, {@code n_embd},
 * {@code n_positions} or {@code n_ctx}, {@code vocab_size}); the sizes that matter for running are checked
 * against the ONNX session, which wins. The file must be strict JSON (Jackson's defaults: no leading zeros,
 * no {@code +1}, no unknown escapes, no raw line breaks in strings, at most 1,000 levels of nesting, no
 * repeated keys); anything else is reported as a broken file to fetch again.
 *
 * <pre>{@code
 * Gpt2Config.parse("{\"n_layer\": 12, \"n_ctx\": 1024}").contextLength();   // OptionalInt[1024]
 * }</pre>
 */
record Gpt2Config(
        OptionalInt layers,
        OptionalInt heads,
        OptionalInt embedding,
        OptionalInt contextLength,
        OptionalInt vocabulary) {

    static final Gpt2Config NONE = new Gpt2Config(
            OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());

    private static final Set<String> SIZES =
            Set.of("n_layer", "n_head", "n_embd", "n_positions", "n_ctx", "vocab_size");
    /** Hugging Face writes about 1 KB; anything near this is not a config. */
    private static final long MAX_BYTES = 1 << 20;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * The config beside a model folder, or {@link #NONE} when there is none.
     *
     * @throws ModelNotFoundException when it is there but broken (fetch it again)
     * @throws IllegalArgumentException when it cannot be read (permission denied)
     */
    static Gpt2Config read(Path folder) {
        Path file = folder.resolve("config.json");
        if (!Files.exists(file)) {
            return NONE;
        }
        String text;
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                throw broken(
                        file, Files.isRegularFile(file) ? Files.size(file) + " bytes, not a config" : "not a file");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (AccessDeniedException e) {
            throw ModelFolder.permissionDenied(file);
        } catch (CharacterCodingException e) {
            throw broken(file, "not UTF-8 text");
        } catch (IOException e) {
            throw broken(file, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw broken(file, e.getMessage());
        }
    }

    /**
     * The sizes a config.json text holds.
     *
     * @throws IllegalArgumentException saying what is wrong and where, for any text that is not a JSON object
     *         whose size fields are positive whole numbers
     */
    static Gpt2Config parse(String json) {
        Map<String, Integer> sizes = new HashMap<>();
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
                if (SIZES.contains(name) && value != JsonToken.VALUE_NULL) {
                    sizes.put(name, size(parser, name, value));
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
                    "malformed JSON" + where + ": " + Gpt2Model.firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            // A parser over a String reads no file; only a malformed text gets here.
            throw new IllegalArgumentException("unreadable JSON: " + e.getMessage(), e);
        }
        OptionalInt positions = field(sizes, "n_positions");
        return new Gpt2Config(
                field(sizes, "n_layer"),
                field(sizes, "n_head"),
                field(sizes, "n_embd"),
                positions.isPresent() ? positions : field(sizes, "n_ctx"),
                field(sizes, "vocab_size"));
    }

    private static int size(JsonParser parser, String name, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
            double number = parser.getDoubleValue();
            if (number >= 1 && number <= Integer.MAX_VALUE && number == Math.rint(number)) {
                return (int) number;
            }
        }
        throw new IllegalArgumentException(name + " is " + parser.getText() + ", not a positive whole number");
    }

    private static OptionalInt field(Map<String, Integer> sizes, String name) {
        Integer value = sizes.get(name);
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    private static ModelNotFoundException broken(Path file, String reason) {
        return new ModelNotFoundException(file.toAbsolutePath() + " is not a usable config.json (" + reason
                + "); delete it and fetch the model again with: " + ModelFolder.DOWNLOAD_COMMAND);
    }
}
