package tempered.format;

/**
 * Text made safe to put inside HTML, as element content or a quoted attribute.
 *
 * <pre>{@code
 * Html.escape("<|endoftext|> & \"x\"");   // "&lt;|endoftext|&gt; &amp; &quot;x&quot;"
 * }</pre>
 */
public final class Html {
    private Html() {}

    public static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
