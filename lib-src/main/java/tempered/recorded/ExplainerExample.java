package tempered.recorded;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tempered.text.Gpt2Tokenizer;

/**
 * One example file of the Transformer Explainer project ({@code src/constants/examples/exN.js}): a prompt,
 * GPT-2's tokens and token ids for it, and GPT-2 small's 50,257 next-token logits after it.
 *
 * <p>The file is a JavaScript module, {@code export const exN = { prompt: '...', tokens: [...], tokenIds:
 * [...], logits: [...], ... };}. After the {@code export const exN =} head and the closing {@code ;} are
 * stripped, the object literal is read by Jackson with the JavaScript liberties turned on (unquoted keys,
 * single quotes, trailing commas, NaN and Infinity); every other field (the explainer's attention outputs and
 * sampled token) is skipped unread.
 *
 * <pre>{@code
 * ExplainerExample.parse("export const ex9 = { prompt: 'Hi', tokens: ['Hi'], tokenIds: [17250], logits: [...] };");
 * }</pre>
 */
record ExplainerExample(String prompt, List<String> tokens, int[] tokenIds, float[] logits) {
    private static final Pattern HEAD = Pattern.compile("\\A\\uFEFF?\\s*export\\s+const\\s+\\w+\\s*=\\s*");
    private static final Pattern TAIL = Pattern.compile(";?\\s*\\z");
    private static final JsonFactory JAVASCRIPT = JsonFactory.builder()
            .enable(
                    JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    ExplainerExample {
        tokens = List.copyOf(tokens);
        tokenIds = tokenIds.clone();
        logits = logits.clone();
    }

    @Override
    public int[] tokenIds() {
        return tokenIds.clone();
    }

    @Override
    public float[] logits() {
        return logits.clone();
    }

    /**
     * Reads an example file's text.
     *
     * @throws IllegalArgumentException saying what is wrong and at which line, for a text that is not an
     *         example module with a prompt, matching tokens and ids, and 50,257 finite logits
     */
    static ExplainerExample parse(String text) {
        Matcher head = HEAD.matcher(text);
        if (!head.lookingAt()) {
            throw new IllegalArgumentException("it does not start with 'export const exN = {'");
        }
        // Only the last few characters are looked at: the closing ';' and white space.
        int end = text.length();
        Matcher tail = TAIL.matcher(text).region(Math.max(head.end(), end - 64), end);
        if (tail.find()) {
            end = tail.start();
        }
        String prompt = null;
        List<String> tokens = null;
        int[] ids = null;
        float[] logits = null;
        // The head becomes blanks rather than disappearing, so the parser's lines and columns are the file's.
        String literal = text.substring(0, head.end()).replaceAll("[^\n]", " ") + text.substring(head.end(), end);
        try (JsonParser parser = JAVASCRIPT.createParser(literal)) {
            require(
                    parser.nextToken() == JsonToken.START_OBJECT,
                    "the value after '=' is not an object",
                    parser.currentTokenLocation());
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                require(
                        token == JsonToken.FIELD_NAME,
                        "the text ends inside the object",
                        parser.currentTokenLocation());
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "prompt" -> prompt = string(parser, name);
                    case "tokens" -> tokens = strings(parser);
                    case "tokenIds" -> ids = ids(parser);
                    case "logits" -> logits = logits(parser);
                    default -> parser.skipChildren();
                }
            }
            require(parser.nextToken() == null, "text after the object", parser.currentTokenLocation());
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage() == null
                    ? "malformed"
                    : e.getOriginalMessage().lines().findFirst().orElse("malformed");
            throw new IllegalArgumentException(message + where(e.getLocation()), e);
        } catch (IOException e) {
            // A parser over a String reads no file; only malformed text gets here.
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        require(
                prompt != null && tokens != null && ids != null && logits != null,
                "it lacks one of prompt, tokens, tokenIds and logits",
                null);
        require(tokens.size() == ids.length, tokens.size() + " tokens but " + ids.length + " token ids", null);
        return new ExplainerExample(prompt, tokens, ids, logits);
    }

    private static String string(JsonParser parser, String name) throws IOException {
        require(
                parser.currentToken() == JsonToken.VALUE_STRING,
                name + " is not a string",
                parser.currentTokenLocation());
        return parser.getText();
    }

    private static List<String> strings(JsonParser parser) throws IOException {
        require(parser.currentToken() == JsonToken.START_ARRAY, "tokens is not a list", parser.currentTokenLocation());
        List<String> values = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            values.add(string(parser, "a token"));
        }
        return values;
    }

    private static int[] ids(JsonParser parser) throws IOException {
        require(
                parser.currentToken() == JsonToken.START_ARRAY,
                "tokenIds is not a list",
                parser.currentTokenLocation());
        List<Integer> values = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            boolean id = parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                    && parser.getLongValue() >= 0
                    && parser.getLongValue() < Gpt2Tokenizer.VOCABULARY_SIZE;
            require(
                    id,
                    "token id " + parser.getText() + " is not a GPT-2 token id (0 to 50256)",
                    parser.currentTokenLocation());
            values.add(parser.getIntValue());
        }
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private static float[] logits(JsonParser parser) throws IOException {
        require(parser.currentToken() == JsonToken.START_ARRAY, "logits is not a list", parser.currentTokenLocation());
        float[] values = new float[Gpt2Tokenizer.VOCABULARY_SIZE];
        int count = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            require(count < values.length, "more than 50,257 logits", parser.currentTokenLocation());
            require(
                    parser.currentToken().isNumeric(),
                    "logit " + count + " is " + parser.getText() + ", not a number",
                    parser.currentTokenLocation());
            float logit = parser.getFloatValue();
            require(
                    Float.isFinite(logit),
                    "logit " + count + " is " + parser.getText() + "; GPT-2's logits are finite",
                    parser.currentTokenLocation());
            values[count++] = logit;
        }
        require(count == values.length, count + " logits, not GPT-2's 50,257", parser.currentTokenLocation());
        return values;
    }

    private static void require(boolean condition, String what, JsonLocation location) {
        if (!condition) {
            throw new IllegalArgumentException(what + where(location));
        }
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
