package tempered.generate;

/** Shows a token's text with its spaces and line breaks visible. */
final class Tokens {
    private Tokens() {
    }

    static String quoted(String token) {
        return "\"" + token.replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }
}
