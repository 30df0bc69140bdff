package tempered.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Arguments Java decoded as ASCII (no locale), read again from the raw command line as UTF-8. The raw lines here
 * are built as Linux's {@code /proc/self/cmdline} holds them; JarIT runs the jar under {@code LANG=C} for real.
 */
class NoLocaleTest {
    /** What Java 17 makes of these bytes under LANG=C: U+FFFD for each byte above 127. */
    private static String asJavaDecodesInAscii(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static byte[] commandLine(byte[]... arguments) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (byte[] argument : arguments) {
            line.writeBytes(argument);
            line.write(0);
        }
        return line.toByteArray();
    }

    private static final byte[] JAVA = "/usr/bin/java".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JAR = "-jar".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEXT = "next".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OPTION = "--prompt".getBytes(StandardCharsets.US_ASCII);

    @Test
    void charactersJavaLostAreReadAgainAsUtf8() {
        byte[] cafe = "café 🙂".getBytes(StandardCharsets.UTF_8);
        String[] args = {"next", "--prompt", asJavaDecodesInAscii(cafe)};
        assertArrayEquals(new String[] {"caf\uFFFD\uFFFD \uFFFD\uFFFD\uFFFD\uFFFD"}, new String[] {args[2]});
        assertArrayEquals(
                new String[] {"next", "--prompt", "café 🙂"},
                NoLocale.arguments(args, commandLine(JAVA, JAR, JAVA, NEXT, OPTION, cafe)));
    }

    @Test
    void argumentsWithNothingLostAreLeftAlone() {
        String[] args = {"next", "--prompt", "a question?"};
        assertSame(args, NoLocale.arguments(args, null));
    }

    @Test
    void bytesThatAreNotUtf8OrALineThatDoesNotMatchAreRefusedSayingHowToSetALocale() {
        byte[] latin1 = "café".getBytes(StandardCharsets.ISO_8859_1);
        String[] args = {"next", "--prompt", asJavaDecodesInAscii(latin1)};
        String notUtf8 = assertThrows(
                        UsageException.class,
                        () -> NoLocale.arguments(args, commandLine(JAVA, JAR, JAVA, NEXT, OPTION, latin1)))
                .getMessage();
        assertTrue(
                notUtf8.contains(
                        "; argument 3 is not UTF-8 text. Run it in a UTF-8 locale, for example with"
                                + " LC_ALL=C.UTF-8 in front of the command, or put the prompt in a UTF-8 file and use --prompt-file FILE"),
                notUtf8);
        assertTrue(
                notUtf8.startsWith("the command line holds characters that are not ASCII, and no locale says which"
                        + " character set they are in ("),
                notUtf8);
        // An @argfile's arguments are not in the process's command line: what Java lost cannot be found there.
        byte[] cafe = "café".getBytes(StandardCharsets.UTF_8);
        String[] fromFile = {"next", "--prompt", asJavaDecodesInAscii(cafe)};
        String unmatched = assertThrows(
                        UsageException.class,
                        () -> NoLocale.arguments(
                                fromFile, commandLine(JAVA, "@args".getBytes(StandardCharsets.US_ASCII))))
                .getMessage();
        assertTrue(unmatched.contains("; the command line cannot be read back. Run it in a UTF-8 locale"), unmatched);
        assertThrows(UsageException.class, () -> NoLocale.arguments(fromFile, null));
    }

    @Test
    void onlyAnAsciiLocaleOutsideWindowsIsNoLocale() {
        assertTrue(NoLocale.applies(StandardCharsets.US_ASCII)
                != System.getProperty("os.name").startsWith("Windows"));
        assertTrue(!NoLocale.applies(StandardCharsets.UTF_8));
        assertTrue(!NoLocale.applies(StandardCharsets.ISO_8859_1));
        assertTrue(!NoLocale.applies(Charset.forName("windows-1252")));
    }
}
