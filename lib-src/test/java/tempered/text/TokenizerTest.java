package tempered.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void quotedShowsLeadingSpacesAndEscapesWhatWouldBeInvisible() {
        assertEquals("\" mat\"", Tokenizer.quoted(" mat"));
        assertEquals("\"\\n\\n\"", Tokenizer.quoted("\n\n"));
        assertEquals("\"a\\tb\"", Tokenizer.quoted("a\tb"));
        assertEquals("\"\\u0000\"", Tokenizer.quoted("\0"));
        assertEquals("\"\\u200B\"", Tokenizer.quoted("\u200B"));
        assertEquals("\"café 🙂\"", Tokenizer.quoted("café 🙂"));
    }

    @Test
    void anEmptyTokenSaysSo() {
        assertEquals("\"\" (empty)", Tokenizer.quoted(""));
    }
}
