package tempered.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Gpt2TokenizerTest {

    @Test
    void givesGpt2sIdsForReferenceTexts() {
        // Ids from GPT-2's own encoder.json (JTokkit's R50K_BASE agrees on all 50,257) and the recorded-logits prompts.
        assertArrayEquals(new int[] {464, 3797, 3332, 319, 262}, Gpt2Tokenizer.encode("The cat sat on the"));
        assertArrayEquals(new int[] {15496, 995}, Gpt2Tokenizer.encode("Hello world"));
        assertArrayEquals(new int[] {47249, 222}, Gpt2Tokenizer.encode("😀"));
        assertArrayEquals(
                new int[] {6601, 32704, 795, 30132, 2985, 284},
                Gpt2Tokenizer.encode("Data visualization empowers users to"));
        assertArrayEquals(new int[0], Gpt2Tokenizer.encode(""));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "The cat slept on the",
                "  two  spaces\nand a newline",
                "温度是多少？",
                "¿Qué temperatura?",
                "😀 emoji 🚀",
                "<|endoftext|> typed as text"
            })
    void decodingTheIdsGivesTheTextBack(String text) {
        assertEquals(text, Gpt2Tokenizer.decode(Gpt2Tokenizer.encode(text)));
    }

    @Test
    void typedSpecialTokenTextIsOrdinaryText() {
        int[] ids = Gpt2Tokenizer.encode("<|endoftext|>");
        assertTrue(ids.length > 1 && IntStream.of(ids).noneMatch(id -> id == Gpt2Tokenizer.END_OF_TEXT));
        assertEquals("<|endoftext|>", Gpt2Tokenizer.token(Gpt2Tokenizer.END_OF_TEXT));
    }

    @Test
    void tokensShowTheirTextAndPartialCharactersAsBytes() {
        assertEquals(" cat", Gpt2Tokenizer.token(3797));
        assertEquals("\\xF0\\x9F\\x98", Gpt2Tokenizer.token(47249));
        assertEquals("\\x80", Gpt2Tokenizer.token(222));
        // No token is shown as a broken character: a U+FFFD may appear only where the token's own bytes hold one
        // (GPT-2's vocabulary has the replacement character itself as token 4210).
        String replacement = new String(new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD}, StandardCharsets.UTF_8);
        for (int id = 0; id < Gpt2Tokenizer.VOCABULARY_SIZE; id++) {
            String shown = Gpt2Tokenizer.token(id);
            String own = new String(Gpt2Tokenizer.bytes(id), StandardCharsets.ISO_8859_1);
            assertTrue(
                    !shown.contains(replacement) || own.contains("\u00EF\u00BF\u00BD"),
                    "token " + id + " shows a replacement character its bytes do not hold: " + shown);
        }
        assertEquals(replacement, Gpt2Tokenizer.token(4210));
    }

    @Test
    void refusesIdsOutsideTheVocabulary() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gpt2Tokenizer.token(50257));
        assertEquals("token id 50257 is outside GPT-2's vocabulary 0..50256", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Gpt2Tokenizer.decode(-1));
        assertThrows(IllegalArgumentException.class, () -> Gpt2Tokenizer.encode(null));
    }
}
