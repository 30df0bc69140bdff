package tempered.text;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalInt;

/**
 * GPT-2's tokenizer: byte-level BPE with ids 0..50256, of which 50256 is {@code <|endoftext|>}.
 *
 * <p>It uses JTokkit's {@code R50K_BASE}, which gives exactly GPT-2's ids. Text is always encoded as ordinary
 * text: the characters {@code <|endoftext|>} in a prompt become ordinary tokens, never the special one.
 * One token can hold part of a character ("😀" is two tokens, 47249 and 222); {@link #token(int)} shows such
 * bytes as {@code \xF0}-style escapes instead of a broken character, while {@link #decode(int...)} of a whole
 * sequence gives the text back exactly. Radford et al., "Language models are unsupervised multitask
 * learners" (2019), section 2.2.
 *
 * <pre>{@code
 * Gpt2Tokenizer.encode("The cat sat on the");  // [464, 3797, 3332, 319, 262]
 * Gpt2Tokenizer.token(3797);                   // " cat"
 * Gpt2Tokenizer.token(47249);                  // "\xF0\x9F\x98"
 * }</pre>
 */
public final class Gpt2Tokenizer {
    /** Number of token ids. */
    public static final int VOCABULARY_SIZE = 50257;
    /** The id of {@code <|endoftext|>}, which GPT-2 emits when a text ends. */
    public static final int END_OF_TEXT = 50256;

    public static final String END_OF_TEXT_TEXT = "<|endoftext|>";

    // The lazy registry reads only GPT-2's vocabulary; the default one also reads cl100k and o200k, which made
    // every start (the command line's, a notebook's) slower (README, Performance).
    private static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.R50K_BASE);

    private static final Tokenizer INSTANCE = new Tokenizer() {
        @Override
        public int[] encode(String text) {
            return Gpt2Tokenizer.encode(text);
        }

        @Override
        public String decode(int... ids) {
            return Gpt2Tokenizer.decode(ids);
        }

        @Override
        public String token(int id) {
            return Gpt2Tokenizer.token(id);
        }

        @Override
        public OptionalInt endOfText() {
            return OptionalInt.of(END_OF_TEXT);
        }

        @Override
        public int vocabularySize() {
            return VOCABULARY_SIZE;
        }

        @Override
        public Map<String, Integer> specialTokens() {
            return Map.of(END_OF_TEXT_TEXT, END_OF_TEXT);
        }

        @Override
        public String toString() {
            return "GPT-2's byte-level BPE";
        }
    };

    private Gpt2Tokenizer() {}

    /** This tokenizer as a {@link Tokenizer}, for code that works with any model's tokens. */
    public static Tokenizer get() {
        return INSTANCE;
    }

    /** The token ids of {@code text}; an empty text has none. */
    public static int[] encode(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null; pass \"\" for an empty text");
        }
        IntArrayList ids = ENCODING.encodeOrdinary(text);
        int[] out = new int[ids.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.get(i);
        }
        return out;
    }

    /** The text of a sequence of ids: their bytes joined, then read as UTF-8. */
    public static String decode(int... ids) {
        return new String(bytes(ids), StandardCharsets.UTF_8);
    }

    /** The raw bytes of a sequence of ids ({@code <|endoftext|>} contributes its 13 characters). */
    public static byte[] bytes(int... ids) {
        if (ids == null) {
            throw new IllegalArgumentException("ids must not be null; pass new int[0] for none");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int id : ids) {
            byte[] b = tokenBytes(id);
            out.write(b, 0, b.length);
        }
        return out.toByteArray();
    }

    /** A token's text in quotes, as {@link Tokenizer#quoted} writes any model's: {@code " mat"}. */
    public static String quoted(String token) {
        return Tokenizer.quoted(token);
    }

    /**
     * One token as readable text: its characters where its bytes are valid UTF-8, {@code \xHH} for each byte
     * that is only part of a character.
     */
    public static String token(int id) {
        return TokenText.readable(tokenBytes(id));
    }

    private static byte[] tokenBytes(int id) {
        if (id < 0 || id >= VOCABULARY_SIZE) {
            throw new IllegalArgumentException(
                    "token id " + id + " is outside GPT-2's vocabulary 0.." + (VOCABULARY_SIZE - 1));
        }
        if (id == END_OF_TEXT) {
            return END_OF_TEXT_TEXT.getBytes(StandardCharsets.UTF_8);
        }
        IntArrayList one = new IntArrayList(1);
        one.add(id);
        return ENCODING.decodeBytes(one);
    }
}
