package tempered.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A model's own tokenizer, from the {@code tokenizer.json} (and {@code tokenizer_config.json}) beside it, run by
 * Hugging Face's tokenizers library (the Rust library transformers uses, through DJL's Java binding), so the
 * ids are the ones transformers gives.
 *
 * <p>{@link #encode} adds nothing before or after the text (transformers' {@code add_special_tokens=False}, as its
 * {@code apply_chat_template} encodes), and, as in transformers, the text of a special token in it becomes that
 * token: {@code "<|im_end|>"} is one id. GPT-2's {@link Gpt2Tokenizer} differs there: it reads such text as
 * ordinary characters. {@link #decode} gives the tokens' exact text (transformers'
 * {@code clean_up_tokenization_spaces} is not applied); {@link #token} shows a token's bytes as GPT-2's does, with
 * {@code \xF0}-style escapes for part of a character. {@link #endOfText} is the {@code eos_token} that
 * tokenizer_config.json names.
 *
 * <p>DJL's telemetry and its downloads are turned off before DJL loads (the system properties
 * {@code OPT_OUT_TRACKING=true} and {@code ai.djl.offline=true}, unless already set): the native library comes
 * from the jar, which carries it for Linux (x86-64, ARM), macOS (Apple silicon) and Windows (x86-64), and is
 * unpacked once into DJL's cache ({@code ~/.djl.ai}, or {@code DJL_CACHE_DIR}). Close the tokenizer when done: it
 * holds native memory.
 *
 * <pre>{@code
 * // not run: needs a model folder
 * try (HubTokenizer smol = HubTokenizer.open(Path.of("SmolLM2-135M-Instruct"))) {
 *     smol.encode("Hello<|im_end|>");   // ids of "Hello", then 2
 * }
 * }</pre>
 */
public final class HubTokenizer implements Tokenizer, AutoCloseable {
    private static final Pattern BYTE_TOKEN = Pattern.compile("<0x[0-9A-Fa-f]{2}>");

    static {
        // Before any DJL class loads: DJL would otherwise ask the network for a native library it already carries
        // and call home (telemetry).
        if (System.getProperty("OPT_OUT_TRACKING") == null && System.getenv("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
        if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    private final HuggingFaceTokenizer tokenizer;
    private final String name;
    private final String[] pieces;
    private final boolean[] added;
    private final Map<String, Integer> ids;
    private final Map<String, Integer> specialTokens;
    private final boolean byteLevel;
    private final boolean byteFallback;
    private final OptionalInt endOfText;
    private final TokenizerConfig config;
    private volatile boolean closed;

    private HubTokenizer(String name, JsonNode json, HuggingFaceTokenizer tokenizer, TokenizerConfig config) {
        this.tokenizer = tokenizer;
        this.name = name;
        this.config = config;
        Map<String, Integer> vocabulary = vocabulary(json.path("model"));
        Map<Integer, String> addedTokens = new HashMap<>();
        Map<String, Integer> special = new LinkedHashMap<>();
        for (JsonNode token : json.path("added_tokens")) {
            int id = token.path("id").asInt(-1);
            String content = token.path("content").asText(null);
            if (id < 0 || content == null) {
                throw new IllegalArgumentException("an entry of added_tokens has no id or content: " + token);
            }
            addedTokens.put(id, content);
            if (token.path("special").asBoolean(false)) {
                special.put(content, id);
            }
        }
        int size = 0;
        for (int id : vocabulary.values()) {
            size = Math.max(size, id + 1);
        }
        for (int id : addedTokens.keySet()) {
            size = Math.max(size, id + 1);
        }
        if (size == 0) {
            throw new IllegalArgumentException("it holds no tokens (model.vocab and added_tokens are empty)");
        }
        this.pieces = new String[size];
        this.added = new boolean[size];
        vocabulary.forEach((piece, id) -> pieces[id] = piece);
        addedTokens.forEach((id, content) -> {
            pieces[id] = content;
            added[id] = true;
        });
        this.ids = new HashMap<>();
        for (int id = 0; id < size; id++) {
            if (pieces[id] != null) {
                ids.putIfAbsent(pieces[id], id);
            }
        }
        addedTokens.forEach((id, content) -> ids.put(content, id));
        this.specialTokens = Collections.unmodifiableMap(special);
        this.byteLevel = usesByteLevel(json.path("decoder")) || usesByteLevel(json.path("pre_tokenizer"));
        this.byteFallback = json.path("model").path("byte_fallback").asBoolean(false);
        // The library numbers an added token that is missing from model.vocab after the vocabulary, whatever id
        // added_tokens gives it; token() would then name the wrong token.
        special.forEach((content, id) -> {
            long[] encoded = tokenizer.encode(content, false, false).getIds();
            if (encoded.length != 1 || encoded[0] != id) {
                throw new IllegalArgumentException("added_tokens gives " + content + " the id " + id
                        + ", but the tokenizers library encodes it as " + java.util.Arrays.toString(encoded)
                        + "; a special token must also be in model.vocab with the same id");
            }
        });
        this.endOfText = config.eosToken().map(ids::get).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /**
     * The tokenizer in a model folder: its {@code tokenizer.json}, with the special tokens its
     * {@code tokenizer_config.json} names (when there is one).
     *
     * @throws IllegalArgumentException when a file is missing or is not what it should be (the message names it)
     * @throws UncheckedIOException when a file cannot be read
     */
    public static HubTokenizer open(Path folder) {
        return open(folder, nameOf(folder));
    }

    /** The same, called {@code name} in messages and {@link #toString}, such as the model's repository. */
    public static HubTokenizer open(Path folder, String name) {
        Path file = folder.resolve("tokenizer.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("there is no tokenizer.json in " + folder.toAbsolutePath()
                    + "; a model other than GPT-2 needs the tokenizer.json of its repository beside it");
        }
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        try {
            return of(name, json, TokenizerConfig.read(folder));
        } catch (IllegalArgumentException e) {
            throw e.getMessage().contains("tokenizer_config.json")
                    ? e
                    : new IllegalArgumentException(
                            file.toAbsolutePath() + " is not a usable tokenizer.json (" + e.getMessage() + ")", e);
        }
    }

    /**
     * A tokenizer from the text of a {@code tokenizer.json} and what its {@code tokenizer_config.json} says.
     *
     * @param name what {@link #toString} calls it, such as the model's name
     * @throws IllegalArgumentException when the text is not a tokenizer the library can load
     */
    public static HubTokenizer of(String name, String tokenizerJson, TokenizerConfig config) {
        JsonNode json;
        try {
            json = TokenizerConfig.JSON.readTree(tokenizerJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "malformed JSON: " + TokenizerConfig.firstLine(e.getOriginalMessage()), e);
        }
        if (json == null || !json.isObject() || !json.path("model").isObject()) {
            throw new IllegalArgumentException(
                    "it must be a JSON object with a model, as the tokenizers library writes");
        }
        HuggingFaceTokenizer library = load(tokenizerJson);
        try {
            return new HubTokenizer(name, json, library, config);
        } catch (RuntimeException e) {
            library.close();
            throw e;
        }
    }

    private static HuggingFaceTokenizer load(String tokenizerJson) {
        Map<String, String> options = Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false");
        try {
            return HuggingFaceTokenizer.newInstance(
                    new ByteArrayInputStream(tokenizerJson.getBytes(StandardCharsets.UTF_8)), options);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the tokenizer: " + e.getMessage(), e);
        } catch (UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError e) {
            throw new IllegalStateException(
                    "the tokenizers library has no native code for this machine (" + System.getProperty("os.name")
                            + ", " + System.getProperty("os.arch") + "); its jar carries Linux x86-64 and ARM, macOS on"
                            + " Apple silicon and Windows x86-64: " + e,
                    e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the tokenizers library refused it: " + firstLine(e), e);
        }
    }

    @Override
    public int[] encode(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null; pass \"\" for an empty text");
        }
        requireOpen();
        Encoding encoding = tokenizer.encode(text, false, false);
        long[] wide = encoding.getIds();
        int[] encoded = new int[wide.length];
        for (int i = 0; i < wide.length; i++) {
            encoded[i] = Math.toIntExact(wide[i]);
        }
        return encoded;
    }

    @Override
    public String decode(int... ids) {
        if (ids == null) {
            throw new IllegalArgumentException("ids must not be null; pass new int[0] for none");
        }
        long[] wide = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            requireId(ids[i]);
            wide[i] = ids[i];
        }
        requireOpen();
        return tokenizer.decode(wide, false);
    }

    /** The raw bytes of one token: a special token's text, or its vocabulary entry read back into bytes. */
    public byte[] bytes(int id) {
        requireId(id);
        String piece = pieces[id];
        if (added[id]) {
            return piece.getBytes(StandardCharsets.UTF_8);
        }
        if (byteLevel && ByteLevel.covers(piece)) {
            return ByteLevel.bytes(piece);
        }
        if (byteFallback && BYTE_TOKEN.matcher(piece).matches()) {
            return new byte[] {(byte) Integer.parseInt(piece.substring(3, 5), 16)};
        }
        // SentencePiece writes a space as U+2581.
        return piece.replace('\u2581', ' ').getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String token(int id) {
        return TokenText.readable(bytes(id));
    }

    /** The id of a token given as it is written in the vocabulary or as a special token's text, if there is one. */
    public OptionalInt id(String token) {
        Integer id = ids.get(token);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    @Override
    public OptionalInt endOfText() {
        return endOfText;
    }

    @Override
    public int vocabularySize() {
        return pieces.length;
    }

    @Override
    public Map<String, Integer> specialTokens() {
        return specialTokens;
    }

    /** What tokenizer_config.json says: the chat template and the special tokens' names. */
    public TokenizerConfig config() {
        return config;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            tokenizer.close();
        }
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%s's tokenizer.json (%s, %,d tokens)",
                name,
                byteLevel ? "byte-level" : "SentencePiece-style",
                pieces.length);
    }

    private void requireId(int id) {
        if (id < 0 || id >= pieces.length || pieces[id] == null) {
            throw new IllegalArgumentException(
                    "token id " + id + " is outside " + name + "'s vocabulary 0.." + (pieces.length - 1));
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this tokenizer is closed; open the model (or tokenizer) again");
        }
    }

    private static Map<String, Integer> vocabulary(JsonNode model) {
        Map<String, Integer> vocabulary = new HashMap<>();
        JsonNode vocab = model.path("vocab");
        if (vocab.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (!entry.getValue().canConvertToInt() || entry.getValue().asInt() < 0) {
                    throw new IllegalArgumentException(
                            "model.vocab maps '" + entry.getKey() + "' to " + entry.getValue() + ", not an id");
                }
                vocabulary.put(entry.getKey(), entry.getValue().asInt());
            }
        } else if (vocab.isArray()) {
            // Unigram: [piece, score] pairs, numbered in order.
            int id = 0;
            for (JsonNode entry : vocab) {
                vocabulary.put(entry.path(0).asText(), id++);
            }
        } else {
            throw new IllegalArgumentException("model.vocab is missing");
        }
        return vocabulary;
    }

    private static boolean usesByteLevel(JsonNode node) {
        if (node.path("type").asText("").equals("ByteLevel")) {
            return true;
        }
        for (String list : new String[] {"decoders", "pretokenizers"}) {
            for (JsonNode part : node.path(list)) {
                if (usesByteLevel(part)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String nameOf(Path folder) {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return name == null ? folder.toString() : name.toString();
    }

    private static String firstLine(Throwable e) {
        return TokenizerConfig.firstLine(e.getMessage());
    }
}
