package tempered.ngram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tempered.text.Tokenizer;

/**
 * A tokenizer whose tokens are whole words and punctuation marks, with a vocabulary read off one training text:
 * the words of that text, numbered in the order they first appear.
 *
 * <p>It leaves out everything a real tokenizer needs for open text: a word the training text never had cannot be
 * encoded (it is refused, named), there is no end-of-text token, and line breaks count as spaces. Decoding puts a
 * space before every word, as GPT-2's tokens carry theirs, and none before a closing punctuation mark, so that a
 * continuation decoded on its own joins its prompt as written.
 *
 * <pre>{@code
 * WordTokenizer words = WordTokenizer.fit("The cat sat. The cat slept.");
 * words.size();                          // 5: The, cat, sat, ".", slept
 * words.encode("The cat slept.");        // [0, 1, 4, 3]
 * words.decode(0, 1, 2, 3);              // " The cat sat."
 * }</pre>
 */
public final class WordTokenizer implements Tokenizer {
    /** A run of letters and digits (inner apostrophes, hyphens and decimal points kept), or one other mark. */
    private static final Pattern TOKEN =
            Pattern.compile("[\\p{L}\\p{N}]+(?:['’.\\-][\\p{L}\\p{N}]+)*|[^\\s\\p{L}\\p{N}]");

    private static final String CLOSING = ".,;:!?)";

    private final List<String> words;
    private final Map<String, Integer> ids;

    private WordTokenizer(List<String> words) {
        this.words = List.copyOf(words);
        this.ids = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            ids.put(words.get(i), i);
        }
    }

    /** The vocabulary of {@code text}: each distinct word or mark, numbered from 0 in order of first appearance. */
    public static WordTokenizer fit(String text) {
        List<String> vocabulary = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String word : split(text)) {
            if (seen.putIfAbsent(word, vocabulary.size()) == null) {
                vocabulary.add(word);
            }
        }
        if (vocabulary.isEmpty()) {
            throw new IllegalArgumentException("the training text has no words; give the tokenizer some text to read");
        }
        return new WordTokenizer(vocabulary);
    }

    /** The words and marks of {@code text}, in order: what {@link #encode} numbers. */
    public static List<String> split(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    /** How many different words and marks the vocabulary holds. */
    public int size() {
        return words.size();
    }

    @Override
    public int vocabularySize() {
        return words.size();
    }

    /** The vocabulary, in id order. */
    public List<String> words() {
        return words;
    }

    @Override
    public int[] encode(String text) {
        List<String> split = split(text);
        int[] encoded = new int[split.size()];
        for (int i = 0; i < encoded.length; i++) {
            Integer id = ids.get(split.get(i));
            if (id == null) {
                throw new IllegalArgumentException("'" + split.get(i) + "' is not among the " + words.size()
                        + " words this tokenizer read; use only words from its training text (case matters)");
            }
            encoded[i] = id;
        }
        return encoded;
    }

    @Override
    public String decode(int... tokens) {
        StringBuilder text = new StringBuilder();
        for (int id : tokens) {
            String word = token(id);
            boolean closing = word.length() == 1 && CLOSING.contains(word);
            if (!closing && (text.length() == 0 || text.charAt(text.length() - 1) != '(')) {
                text.append(' ');
            }
            text.append(word);
        }
        return text.toString();
    }

    @Override
    public String token(int id) {
        if (id < 0 || id >= words.size()) {
            throw new IllegalArgumentException(
                    "token id " + id + " is outside the vocabulary 0.." + (words.size() - 1));
        }
        return words.get(id);
    }

    /** None: the training text is one stream of words, and a generation runs until its token limit. */
    @Override
    public OptionalInt endOfText() {
        return OptionalInt.empty();
    }

    @Override
    public String toString() {
        return "WordTokenizer(" + words.size() + " words)";
    }
}
