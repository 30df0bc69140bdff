package tempered.ngram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordTokenizerTest {
    private static final WordTokenizer WORDS = WordTokenizer.fit("The cat sat. The cat slept.");

    @Test
    void numbersWordsAndMarksInTheOrderTheyFirstAppear() {
        assertEquals(List.of("The", "cat", "sat", ".", "slept"), WORDS.words());
        assertArrayEquals(new int[] {0, 1, 4, 3}, WORDS.encode("The cat slept."));
        assertTrue(WORDS.endOfText().isEmpty());
    }

    @Test
    void splitsPunctuationButKeepsApostrophesHyphensAndDecimals() {
        assertEquals(
                List.of("The", "model's", "top-k", "is", "0.87", ",", "not", "1", "."),
                WordTokenizer.split("The model's top-k is 0.87, not 1."));
    }

    /** A space before each word, as GPT-2's tokens carry theirs, so a continuation joins its prompt as written. */
    @Test
    void decodesWithASpaceBeforeEachWordAndNoneBeforeAClosingMark() {
        assertEquals(" The cat sat.", WORDS.decode(0, 1, 2, 3));
        assertEquals(" cat. The", WORDS.decode(1, 3, 0));
        WordTokenizer brackets = WordTokenizer.fit("a (b) c");
        assertEquals(" a (b) c", brackets.decode(brackets.encode("a (b) c")));
    }

    @Test
    void refusesAWordItNeverReadAndNamesIt() {
        assertEquals(
                "'dog' is not among the 5 words this tokenizer read; use only words from its training text (case matters)",
                assertThrows(IllegalArgumentException.class, () -> WORDS.encode("The dog sat"))
                        .getMessage());
        assertEquals(
                "token id 5 is outside the vocabulary 0..4",
                assertThrows(IllegalArgumentException.class, () -> WORDS.token(5))
                        .getMessage());
        assertEquals(
                "the training text has no words; give the tokenizer some text to read",
                assertThrows(IllegalArgumentException.class, () -> WordTokenizer.fit("  \n "))
                        .getMessage());
    }
}
