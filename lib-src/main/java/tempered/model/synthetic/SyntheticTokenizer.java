package tempered.model.synthetic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny byte-level BPE tokenizer in Hugging Face's {@code tokenizer.json} format, with a
 * {@code tokenizer_config.json} that holds a ChatML chat template of its own: SmolLM2's layout at a size a
 * test can check by hand.
 *
 * <p>Ids 0, 1 and 2 are the special tokens {@code <|endoftext|>}, {@code <|im_start|>} and {@code <|im_end|>}
 * (as in SmolLM2); ids 3 to 258 are the 256 bytes, byte {@code b} at id {@code 3 + b}, written in GPT-2's
 * byte-level alphabet ({@code Ġ} for the space); then one token per merge of {@link #MERGES}, in order, from id
 * 259 ({@code "Ġ t"} makes {@code Ġt}, id 259). Text is split into digits one by one, then by GPT-2's
 * pattern, before the merges apply. A larger vocabulary is filled with special tokens {@code <|reserved_N|>}, so a model of
 * SmolLM2's 49,152 tokens can have a tokenizer too.
 *
 * <pre>{@code
 * SyntheticTokenizer.NATURAL_SIZE;   // 296
 * }</pre>
 */
public final class SyntheticTokenizer {
    /** The special tokens, ids 0 to 2. */
    public static final List<String> SPECIAL = List.of("<|endoftext|>", "<|im_start|>", "<|im_end|>");

    /** The merges, in order of priority; merge {@code i} makes token {@code 259 + i}. */
    public static final List<String> MERGES = List.of(
            "Ġ t", // 259 Ġt
            "h e", // 260 he
            "Ġt he", // 261 Ġthe
            "Ġ a", // 262 Ġa
            "a t", // 263 at
            "Ġ c", // 264 Ġc
            "Ġc at", // 265 Ġcat
            "Ġ s", // 266 Ġs
            "Ġs at", // 267 Ġsat
            "o n", // 268 on
            "Ġ on", // 269 Ġon
            "Ġ m", // 270 Ġm
            "Ġm at", // 271 Ġmat
            "T he", // 272 The
            "i n", // 273 in
            "e r", // 274 er
            "Ġ w", // 275 Ġw
            "Ġ h", // 276 Ġh
            "Ġh e", // 277 Ġhe
            "l l", // 278 ll
            "e ll", // 279 ell
            "H ell", // 280 Hell
            "Hell o", // 281 Hello
            "o r", // 282 or
            "Ġw or", // 283 Ġwor
            "l d", // 284 ld
            "Ġwor ld", // 285 Ġworld
            "Ċ Ċ", // 286 ĊĊ
            "Ġ N", // 287 ĠN
            "e p", // 288 ep
            "a l", // 289 al
            "ep al", // 290 epal
            "ĠN epal", // 291 ĠNepal
            "Ġ i", // 292 Ġi
            "Ġi s", // 293 Ġis
            "Ġ T", // 294 ĠT
            "ĠT he"); // 295 ĠThe

    /** Special, byte and merged tokens: the vocabulary's size unless a larger one is asked for. */
    public static final int NATURAL_SIZE = 3 + 256 + 37;

    /** The chat template the tests' models carry: ChatML, with a system line of its own when none is given. */
    public static final String CHAT_TEMPLATE = "{% for message in messages %}"
            + "{% if loop.first and messages[0]['role'] != 'system' %}"
            + "{{ '<|im_start|>system\\nYou are a tiny test model.<|im_end|>\\n' }}{% endif %}"
            + "{% if message['role'] not in ['system', 'user', 'assistant'] %}"
            + "{{ raise_exception('unknown role ' + message['role']) }}{% endif %}"
            + "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}"
            + "{% endfor %}"
            + "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SyntheticTokenizer() {}

    /**
     * Writes {@code tokenizer.json} and {@code tokenizer_config.json} into {@code dir}, with {@code vocabulary}
     * tokens in all.
     *
     * @throws IllegalArgumentException when {@code vocabulary} is smaller than {@link #NATURAL_SIZE}
     */
    public static void write(Path dir, int vocabulary) {
        if (vocabulary < NATURAL_SIZE) {
            throw new IllegalArgumentException(
                    "vocabulary=" + vocabulary + " must be at least the tokenizer's own " + NATURAL_SIZE + " tokens");
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("tokenizer.json"), tokenizerJson(vocabulary), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("tokenizer_config.json"), configJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the {@code tokenizer.json}. */
    public static String tokenizerJson(int vocabulary) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (int id = 0; id < SPECIAL.size(); id++) {
            special(added, id, SPECIAL.get(id));
        }
        for (int id = NATURAL_SIZE; id < vocabulary; id++) {
            special(added, id, "<|reserved_" + (id - NATURAL_SIZE) + "|>");
        }
        root.putNull("normalizer");
        ObjectNode pre = root.putObject("pre_tokenizer");
        pre.put("type", "Sequence");
        ArrayNode parts = pre.putArray("pretokenizers");
        parts.addObject().put("type", "Digits").put("individual_digits", true);
        parts.addObject()
                .put("type", "ByteLevel")
                .put("add_prefix_space", false)
                .put("trim_offsets", true)
                .put("use_regex", true);
        root.putObject("post_processor")
                .put("type", "ByteLevel")
                .put("add_prefix_space", true)
                .put("trim_offsets", false)
                .put("use_regex", true);
        root.putObject("decoder")
                .put("type", "ByteLevel")
                .put("add_prefix_space", true)
                .put("trim_offsets", true)
                .put("use_regex", true);
        ObjectNode model = root.putObject("model");
        model.put("type", "BPE");
        model.putNull("dropout");
        model.putNull("unk_token");
        model.putNull("continuing_subword_prefix");
        model.putNull("end_of_word_suffix");
        model.put("fuse_unk", false);
        model.put("byte_fallback", false);
        ObjectNode vocab = model.putObject("vocab");
        for (Map.Entry<String, Integer> entry : vocabulary(vocabulary).entrySet()) {
            vocab.put(entry.getKey(), entry.getValue());
        }
        ArrayNode merges = model.putArray("merges");
        for (String merge : MERGES) {
            merges.add(merge);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void special(ArrayNode added, int id, String content) {
        added.addObject()
                .put("id", id)
                .put("content", content)
                .put("single_word", false)
                .put("lstrip", false)
                .put("rstrip", false)
                .put("normalized", false)
                .put("special", true);
    }

    /** The text of the {@code tokenizer_config.json}: its special tokens, in transformers' layout, and the template. */
    public static String configJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("add_prefix_space", false);
        ObjectNode decoder = root.putObject("added_tokens_decoder");
        for (int id = 0; id < SPECIAL.size(); id++) {
            decoder.putObject(Integer.toString(id))
                    .put("content", SPECIAL.get(id))
                    .put("lstrip", false)
                    .put("normalized", false)
                    .put("rstrip", false)
                    .put("single_word", false)
                    .put("special", true);
        }
        root.putArray("additional_special_tokens").add("<|im_start|>").add("<|im_end|>");
        root.put("bos_token", "<|im_start|>");
        root.put("chat_template", CHAT_TEMPLATE);
        root.put("clean_up_tokenization_spaces", false);
        root.put("eos_token", "<|im_end|>");
        root.put("model_max_length", 64);
        root.put("pad_token", "<|im_end|>");
        root.put("tokenizer_class", "GPT2Tokenizer");
        root.put("unk_token", "<|endoftext|>");
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every token with its id. The special ones are in the model's vocabulary as well as among the added tokens, as
     * in the hub's files: the tokenizers library numbers an added token that is not in the vocabulary after it,
     * whatever id it is given.
     */
    private static Map<String, Integer> vocabulary(int size) {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (int id = 0; id < SPECIAL.size(); id++) {
            vocab.put(SPECIAL.get(id), id);
        }
        for (int b = 0; b < 256; b++) {
            vocab.put(String.valueOf(byteCharacter(b)), SPECIAL.size() + b);
        }
        int id = SPECIAL.size() + 256;
        for (String merge : MERGES) {
            vocab.put(merge.replace(" ", ""), id++);
        }
        for (int reserved = NATURAL_SIZE; reserved < size; reserved++) {
            vocab.put("<|reserved_" + (reserved - NATURAL_SIZE) + "|>", reserved);
        }
        return vocab;
    }

    /** GPT-2's byte-level alphabet, written out here so the tests' tokenizer does not lean on the library's. */
    static char byteCharacter(int b) {
        int next = 256;
        for (int x = 0; x < 256; x++) {
            boolean printable = (x >= 33 && x <= 126) || (x >= 161 && x <= 172) || (x >= 174 && x <= 255);
            if (x == b) {
                return (char) (printable ? x : next);
            }
            if (!printable) {
                next++;
            }
        }
        throw new IllegalArgumentException("byte " + b + " is outside 0..255");
    }
}
