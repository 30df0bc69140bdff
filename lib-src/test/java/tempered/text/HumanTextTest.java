package tempered.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HumanTextTest {
    @Test
    void isTheOpeningOfPrideAndPrejudiceInNineParagraphs() {
        String text = HumanText.prideAndPrejudice();
        assertEquals(9, text.split("\n\n").length);
        assertTrue(text.startsWith("It is a truth universally acknowledged, that a single man"), text);
        assertTrue(text.endsWith("This was invitation enough."), text);
        // Long enough to measure surprisal over: about two hundred of GPT-2's tokens.
        int tokens = Gpt2Tokenizer.encode(text).length;
        assertTrue(tokens > 150 && tokens < 300, tokens + " tokens");
    }
}
