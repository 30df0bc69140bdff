package tempered.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tempered.model.synthetic.SyntheticTokenizer;

/**
 * The tests' own byte-level BPE (SyntheticTokenizer: specials 0-2, byte b at 3 + b, merge i at 259 + i) through the
 * tokenizers library, against ids worked out by hand from its merge list.
 */
class HubTokenizerTest {
    @TempDir
    static Path folder;

    private static HubTokenizer tokenizer;

    @BeforeAll
    static void open() {
        SyntheticTokenizer.write(folder, SyntheticTokenizer.NATURAL_SIZE);
        tokenizer = HubTokenizer.open(folder, "tiny");
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    /**
     * "The": h+e (merge 1, id 260), then T+he (merge 13, id 272). " cat": a+t (263) outranks Ġ+c (264), then Ġc+at
     * (265). " sat", " on", " the", " mat" the same way.
     */
    @Test
    void mergesApplyInTheirOrder() {
        assertArrayEquals(new int[] {272, 265, 267, 269, 261, 271}, tokenizer.encode("The cat sat on the mat"));
        // H e l l o: l+l (278), e+ll (279), H+ell (280), Hell+o (281); " world" through Ġw, or, Ġwor, ld, Ġworld.
        assertArrayEquals(new int[] {281, 285}, tokenizer.encode("Hello world"));
        assertEquals(" cat", tokenizer.token(265));
        assertEquals("The cat sat on the mat", tokenizer.decode(272, 265, 267, 269, 261, 271));
    }

    /** Without a merge, each byte is its own token: byte b is id 3 + b ('H' = 72, 'i' = 105). */
    @Test
    void bytesWithoutAMergeAreTheirOwnTokens() {
        assertArrayEquals(new int[] {75, 108}, tokenizer.encode("Hi"));
        assertArrayEquals(new int[] {53, 51, 53, 55}, tokenizer.encode("2024"), "digits one by one");
        assertArrayEquals(new int[] {286}, tokenizer.encode("\n\n"));
        assertEquals("\n\n", tokenizer.token(286));
        assertEquals(" ", tokenizer.token(3 + ' '));
    }

    /** "é" is C3 A9 in UTF-8: two tokens, each only part of the character, shown as escapes; together, the text. */
    @Test
    void partOfACharacterShowsAsEscapes() {
        assertArrayEquals(new int[] {3 + 0xC3, 3 + 0xA9}, tokenizer.encode("é"));
        assertEquals("\\xC3", tokenizer.token(3 + 0xC3));
        assertEquals("\\xA9", tokenizer.token(3 + 0xA9));
        assertEquals("é", tokenizer.decode(3 + 0xC3, 3 + 0xA9));
        String text = "Café 😀, naïve 42\n\ttabs";
        assertEquals(text, tokenizer.decode(tokenizer.encode(text)));
    }

    /** As in transformers: a special token's text becomes that token, and nothing is added around the text. */
    @Test
    void specialTokensInTheTextBecomeTheirIds() {
        assertArrayEquals(new int[] {1, 75, 108, 2}, tokenizer.encode("<|im_start|>Hi<|im_end|>"));
        assertEquals("<|im_end|>", tokenizer.token(2));
        assertEquals("The<|im_end|>", tokenizer.decode(272, 2));
        Map<String, Integer> special = new LinkedHashMap<>();
        special.put("<|endoftext|>", 0);
        special.put("<|im_start|>", 1);
        special.put("<|im_end|>", 2);
        assertEquals(special, tokenizer.specialTokens());
        assertEquals(OptionalInt.of(2), tokenizer.endOfText(), "tokenizer_config.json's eos_token");
        assertEquals(OptionalInt.of(265), tokenizer.id("Ġcat"));
        assertEquals(OptionalInt.empty(), tokenizer.id("dog"));
        assertEquals(0, tokenizer.encode("").length);
    }

    @Test
    void sizesAndNames() {
        assertEquals(296, tokenizer.vocabularySize());
        assertEquals("tiny's tokenizer.json (byte-level, 296 tokens)", tokenizer.toString());
        assertEquals("<|im_start|>", tokenizer.config().bosToken().orElseThrow(), "what tokenizer_config.json names");
        assertTrue(tokenizer.config().chatTemplate().orElseThrow().contains("<|im_start|>"));
    }

    @Test
    void aLargerVocabularyIsFilledWithReservedTokens(@TempDir Path dir) {
        SyntheticTokenizer.write(dir, 400);
        try (HubTokenizer filled = HubTokenizer.open(dir)) {
            assertEquals(400, filled.vocabularySize());
            assertEquals("<|reserved_4|>", filled.token(300));
            assertArrayEquals(tokenizer.encode("The cat sat"), filled.encode("The cat sat"));
        }
    }

    /**
     * A SentencePiece-style tokenizer (Llama 2's layout: spaces written as ▁, bytes outside the vocabulary as
     * {@code <0xHH>} tokens): token() reads both back into text.
     */
    @Test
    void sentencePieceTokensReadBackAsText() {
        StringBuilder vocab = new StringBuilder("\"<unk>\": 0, \"<s>\": 1, \"</s>\": 2");
        for (int b = 0; b < 256; b++) {
            vocab.append(String.format(", \"<0x%02X>\": %d", b, 3 + b));
        }
        vocab.append(", \"\u2581\": 259, \"a\": 260, \"b\": 261, \"\u2581a\": 262");
        String json = "{\"version\": \"1.0\", \"added_tokens\": ["
                + "{\"id\": 0, \"content\": \"<unk>\", \"special\": true, \"single_word\": false, \"lstrip\": false,"
                + " \"rstrip\": false, \"normalized\": false}],"
                + " \"normalizer\": {\"type\": \"Sequence\", \"normalizers\": [{\"type\": \"Prepend\", \"prepend\": \"\u2581\"},"
                + " {\"type\": \"Replace\", \"pattern\": {\"String\": \" \"}, \"content\": \"\u2581\"}]},"
                + " \"pre_tokenizer\": null, \"post_processor\": null,"
                + " \"decoder\": {\"type\": \"Sequence\", \"decoders\": [{\"type\": \"Replace\", \"pattern\": {\"String\":"
                + " \"\u2581\"}, \"content\": \" \"}, {\"type\": \"ByteFallback\"}, {\"type\": \"Fuse\"},"
                + " {\"type\": \"Strip\", \"content\": \" \", \"start\": 1, \"stop\": 0}]},"
                + " \"model\": {\"type\": \"BPE\", \"dropout\": null, \"unk_token\": \"<unk>\","
                + " \"continuing_subword_prefix\": null, \"end_of_word_suffix\": null, \"fuse_unk\": true,"
                + " \"byte_fallback\": true, \"vocab\": {" + vocab + "}, \"merges\": [\"\u2581 a\"]}}";
        try (HubTokenizer pieces = HubTokenizer.of("pieces", json, TokenizerConfig.NONE)) {
            // "ab é" is "▁ab▁é": ▁a, b, ▁, then é's two bytes, which the vocabulary lacks as a piece.
            assertArrayEquals(new int[] {262, 261, 259, 3 + 0xC3, 3 + 0xA9}, pieces.encode("ab é"));
            assertEquals(" a", pieces.token(262));
            assertEquals("\\xC3", pieces.token(3 + 0xC3));
            assertEquals("ab é", pieces.decode(262, 261, 259, 3 + 0xC3, 3 + 0xA9));
            assertEquals("pieces's tokenizer.json (SentencePiece-style, 263 tokens)", pieces.toString());
        }
    }

    /** DJL would call home and look for natives online; the class turns both off before DJL loads. */
    @Test
    void djlIsKeptOffTheNetwork() {
        assertEquals("true", System.getProperty("OPT_OUT_TRACKING"));
        assertEquals("true", System.getProperty("ai.djl.offline"));
    }

    @Test
    void badInputGetsMessagesThatSayWhatToDo(@TempDir Path dir) throws IOException {
        assertEquals(
                "token id 296 is outside tiny's vocabulary 0..295",
                assertThrows(IllegalArgumentException.class, () -> tokenizer.token(296))
                        .getMessage());
        assertEquals(
                "token id -1 is outside tiny's vocabulary 0..295",
                assertThrows(IllegalArgumentException.class, () -> tokenizer.decode(5, -1))
                        .getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> HubTokenizer.open(dir));
        assertTrue(missing.getMessage().startsWith("there is no tokenizer.json in "), missing.getMessage());
        Files.writeString(dir.resolve("tokenizer.json"), "{\"model\": ");
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class, () -> HubTokenizer.open(dir));
        assertTrue(
                broken.getMessage().contains("tokenizer.json is not a usable tokenizer.json (malformed JSON: "),
                broken.getMessage());
        Files.writeString(
                dir.resolve("tokenizer.json"), "{\"model\": {\"type\": \"BPE\", \"vocab\": {}, \"merges\": []}}");
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> HubTokenizer.open(dir))
                        .getMessage()
                        .contains("holds no tokens"),
                "a vocabulary with no tokens");
    }

    /** The library numbers a special token missing from model.vocab after the vocabulary; token() would lie. */
    @Test
    void aSpecialTokenTheLibraryNumbersOtherwiseIsRefused() {
        String json = SyntheticTokenizer.tokenizerJson(SyntheticTokenizer.NATURAL_SIZE);
        assertTrue(json.contains("\"<|im_end|>\" : 2,"));
        String broken = json.replace("\"<|im_end|>\" : 2,", "");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> HubTokenizer.of("broken", broken, TokenizerConfig.NONE));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "added_tokens gives <|im_end|> the id 2, but the tokenizers library encodes it as ["),
                e.getMessage());
    }

    @Test
    void aClosedTokenizerSaysSo(@TempDir Path dir) {
        SyntheticTokenizer.write(dir, SyntheticTokenizer.NATURAL_SIZE);
        HubTokenizer closed = HubTokenizer.open(dir);
        closed.close();
        closed.close();
        assertTrue(assertThrows(IllegalStateException.class, () -> closed.encode("Hi"))
                .getMessage()
                .contains("closed"));
    }
}
