package tempered.notebook.kernel;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rewrites a cell's line magics into Java, as JJava does before JShell sees the cell: each
 * {@code %name args} that starts a line, or stands after an {@code =}, becomes a call
 * {@code KernelStatics.lineMagic("name", List.of("arg", ...));{};} in its place.
 *
 * <p>So a magic runs when the code reaches it, between the snippets around it; {@code List<String> added =
 * %classpath lib/*.jar} keeps what the magic returns; and a magic on a cell's last line leaves the cell
 * without a result (the {@code {};} after the call is the last snippet). A magic whose line, up to the
 * {@code %}, has an odd number of unescaped double quotes is inside a string and stays as it is. The match
 * may begin after blank lines or after an {@code =} at the end of the line before, as in JJava.
 *
 * <p>What it leaves out: cell magics ({@code %%name} on a cell's first line) are refused, see
 * {@link #isCellMagic}; JJava's only one is {@code %%loadFromPOM}, which this executor does not run.
 */
final class Magics {
    private static final Pattern LINE_MAGIC = Pattern.compile("(?<=^|=)\\s*%(?<magic>\\w.*?)$", Pattern.MULTILINE);
    private static final Pattern CELL_MAGIC = Pattern.compile("^%%\\w.*");
    private static final Pattern UNESCAPED_QUOTE = Pattern.compile("(?<!\\\\)\"");
    private static final String CALL = KernelStatics.class.getName() + ".lineMagic(%s, java.util.List.of(%s));{};";

    private Magics() {}

    /** Whether the cell starts with a cell magic ({@code %%name}), which this executor refuses. */
    static boolean isCellMagic(String source) {
        return CELL_MAGIC.matcher(source).lookingAt();
    }

    /** The cell's source with every line magic replaced by its {@code lineMagic(...)} call. */
    static String rewrite(String source) {
        Matcher magic = LINE_MAGIC.matcher(source);
        StringBuilder code = new StringBuilder();
        while (magic.find()) {
            String lineStart = source.substring(source.lastIndexOf('\n', magic.start() - 1) + 1, magic.start());
            String replacement =
                    insideString(lineStart) ? magic.group() : call(MagicArguments.split(magic.group("magic")));
            magic.appendReplacement(code, Matcher.quoteReplacement(replacement));
        }
        magic.appendTail(code);
        return code.toString();
    }

    private static boolean insideString(String lineStart) {
        return UNESCAPED_QUOTE.matcher(lineStart).results().count() % 2 == 1;
    }

    private static String call(List<String> words) {
        String arguments =
                words.subList(1, words.size()).stream().map(Magics::literal).collect(Collectors.joining(", "));
        return String.format(CALL, literal(words.get(0)), arguments);
    }

    /** A Java string literal for any text: backslashes, quotes and control characters escaped. */
    static String literal(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '"') {
                literal.append('\\').append(c);
            } else if (c < ' ') {
                // Octal, not \\uXXXX: javac turns unicode escapes into the character before it reads the literal.
                literal.append(String.format("\\%03o", (int) c));
            } else {
                literal.append(c);
            }
        }
        return literal.append('"').toString();
    }
}
