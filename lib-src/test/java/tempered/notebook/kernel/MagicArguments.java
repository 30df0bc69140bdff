package tempered.notebook.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * A line magic's arguments split as JJava splits them: on spaces and tabs, except inside double quotes, so
 * {@code %classpath "a b/x.jar" c.jar} has two arguments, {@code a b/x.jar} and {@code c.jar}.
 *
 * <p>A backslash escapes the next backslash or double quote. Like JJava, a backslash before any other
 * character is dropped and stays pending, so {@code a\b\c} reads {@code ab\c}: Windows paths need forward
 * slashes in a magic, in the kernel as here. A closing quote ends an argument even when it is empty
 * ({@code ""} is one empty argument); an unclosed quote runs to the end of the line.
 */
final class MagicArguments {
    private MagicArguments() {}

    static List<String> split(String text) {
        List<String> arguments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean escaping = false;
        for (char c : text.strip().toCharArray()) {
            if (c == '\\') {
                if (escaping) {
                    current.append(c);
                }
                escaping = !escaping;
            } else if (c == '"' && escaping) {
                current.append(c);
                escaping = false;
            } else if (c == '"') {
                if (quoted) {
                    arguments.add(current.toString());
                    current.setLength(0);
                }
                quoted = !quoted;
            } else if ((c == ' ' || c == '\t') && !quoted) {
                if (current.length() > 0) {
                    arguments.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            arguments.add(current.toString());
        }
        return arguments;
    }
}
