package tempered.cli;

import java.util.Locale;

/**
 * Text as a terminal may show it: a model's (or a prompt's) control characters written as escapes, so no token
 * can clear the screen, move the cursor, retitle the window or ring the bell. Line breaks and tabs stay, as prose
 * needs them; a carriage return reads as backslash and r, and the other C0 and C1 controls and DEL as JSON's
 * six-character escapes (ESC reads as backslash, u, 0, 0, 1, b), as {@code next} writes them.
 */
final class TerminalText {
    private TerminalText() {}

    static String visible(CharSequence text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f);
            if (control && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (c == '\r') {
                    out.append("\\r");
                } else if (control) {
                    out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text.toString() : out.toString();
    }
}
