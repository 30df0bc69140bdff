package tempered.hub;

import java.util.regex.Pattern;

/**
 * Addresses as messages may show them: a user name and password written into one
 * ({@code http://ada:s3cret@mirror.example.org}, as {@code HF_ENDPOINT} or {@code TEMPERED_RECORDED_URL} may
 * hold) read {@code http://***@mirror.example.org}, so an error line pasted into a chat or an issue gives no
 * secret away.
 *
 * <pre>{@code
 * Credentials.hide("at http://ada:s3cret@mirror.example.org/x");   // "at http://***@mirror.example.org/x"
 * }</pre>
 */
public final class Credentials {
    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#@\\s]+@");

    private Credentials() {}

    /** The text with the user information of every address in it replaced by {@code ***}. */
    public static String hide(String text) {
        return text == null ? null : USER_INFO.matcher(text).replaceAll("$1***@");
    }
}
