package tempered.text;

import java.util.OptionalInt;

/** How a language model turns text into token ids and back. */
public interface Tokenizer {

    /** The token ids of {@code text}. */
    int[] encode(String text);

    /** The text of a sequence of ids. */
    String decode(int... ids);

    /** One token as text, readable even when it is part of a character. */
    String token(int id);

    /** The id that ends a text, if the model has one. */
    OptionalInt endOfText();
}
