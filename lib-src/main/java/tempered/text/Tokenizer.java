package tempered.text;

import java.util.Map;
import java.util.OptionalInt;

/**
 * How a language model turns text into token ids and back: GPT-2's byte-level BPE ({@link Gpt2Tokenizer}), a
 * model's own {@code tokenizer.json} ({@link HubTokenizer}), or a word list trained in a notebook.
 */
public interface Tokenizer {

    /** The token ids of {@code text}, with nothing added before or after it. */
    int[] encode(String text);

    /** The text of a sequence of ids. */
    String decode(int... ids);

    /** One token as text, readable even when it is part of a character. */
    String token(int id);

    /** The id that ends a text, if the model has one. */
    OptionalInt endOfText();

    /**
     * How many token ids there are: ids run from 0 to this minus 1.
     *
     * @throws UnsupportedOperationException for a tokenizer that does not say (this default)
     */
    default int vocabularySize() {
        throw new UnsupportedOperationException(
                getClass().getName() + " does not say how many token ids it has; override vocabularySize()");
    }

    /**
     * The special tokens, each text with its id: markers a chat template writes ({@code <|im_start|>}) and the
     * ends of texts, which no ordinary text encodes to. None by default.
     */
    default Map<String, Integer> specialTokens() {
        return Map.of();
    }

    /**
     * A token's text in quotes, with line breaks and tabs as escapes, so that a leading space shows:
     * {@code " mat"}. Other invisible characters (controls, zero-width marks) show as escapes of their code point and a
     * token with no text as {@code "" (empty)}, so that no label looks blank. Tables, charts and a generation's
     * steps label tokens so, whichever tokenizer made them.
     */
    static String quoted(String token) {
        if (token.isEmpty()) {
            return "\"\" (empty)";
        }
        StringBuilder text = new StringBuilder("\"");
        token.codePoints().forEach(c -> {
            if (c == '\n') {
                text.append("\\n");
            } else if (c == '\t') {
                text.append("\\t");
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                text.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
            } else {
                text.appendCodePoint(c);
            }
        });
        return text.append('"').toString();
    }
}
