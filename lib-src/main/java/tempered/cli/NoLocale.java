package tempered.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * UTF-8 in and out where no locale names a character set ({@code LANG=C}, {@code POSIX} or none at all, as in
 * many containers), in which Java reads and writes ASCII.
 *
 * <p>There Java decodes each non-ASCII byte of the arguments as U+FFFD, so {@code café} reached {@code main} as
 * {@code caf\uFFFD\uFFFD} and printed as {@code caf??}. On Linux the bytes are still in {@code /proc/self/cmdline}:
 * they are read again as UTF-8, the text every terminal sends today. Bytes that are not UTF-8, or a command line
 * that cannot be read back, are refused in one line that says how to set a locale. Output is then written in
 * UTF-8 too. Elsewhere (a UTF-8 or any other named locale, Windows) nothing changes.
 */
final class NoLocale {
    private NoLocale() {}

    /** True when Java took the locale's character set to be ASCII: no locale, or C / POSIX. */
    static boolean applies(Charset charset) {
        return charset.equals(StandardCharsets.US_ASCII)
                && !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** The arguments as typed, for this process. */
    static String[] arguments(String[] args) {
        Charset decoded = Charset.forName(
                System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name()));
        if (!applies(decoded) || !lost(args)) {
            return args;
        }
        byte[] commandLine;
        try {
            commandLine = Files.readAllBytes(Path.of("/proc/self/cmdline"));
        } catch (IOException | RuntimeException e) {
            commandLine = null;
        }
        return arguments(args, commandLine);
    }

    /**
     * The arguments as typed, from the raw command line ({@code /proc/self/cmdline}: every argument of the
     * process, each ending in a NUL byte), for arguments Java decoded as ASCII.
     *
     * @throws UsageException when characters were lost and cannot be read back as UTF-8
     */
    static String[] arguments(String[] args, byte[] commandLine) {
        if (!lost(args)) {
            return args;
        }
        List<byte[]> raw = split(commandLine);
        if (raw.size() < args.length) {
            throw refused("the command line cannot be read back");
        }
        raw = raw.subList(raw.size() - args.length, raw.size());
        String[] typed = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            byte[] bytes = raw.get(i);
            if (!asAscii(bytes).equals(args[i])) {
                // Not the bytes Java decoded (an @argfile, say): what was lost cannot be found.
                throw refused("the command line cannot be read back");
            }
            try {
                typed[i] = StrictUtf8.decode(bytes);
            } catch (CharacterCodingException e) {
                throw refused("argument " + (i + 1) + " is not UTF-8 text");
            }
        }
        return typed;
    }

    /** Standard output and error in UTF-8, where Java would write ASCII ({@code ?} for every other character). */
    static void output() {
        if (applies(Charset.defaultCharset())) {
            System.setOut(utf8(FileDescriptor.out));
            System.setErr(utf8(FileDescriptor.err));
            // What Java 19 and later call it; Bars reads it to draw with block characters.
            System.setProperty("stdout.encoding", StandardCharsets.UTF_8.name());
        }
    }

    private static PrintStream utf8(FileDescriptor descriptor) {
        return new PrintStream(
                new BufferedOutputStream(new FileOutputStream(descriptor), 8192), true, StandardCharsets.UTF_8);
    }

    private static boolean lost(String[] args) {
        for (String arg : args) {
            if (arg.indexOf('\uFFFD') >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The text Java makes of {@code bytes} in ASCII: U+FFFD for every byte above 127. */
    private static String asAscii(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            text.append(b >= 0 ? (char) b : '\uFFFD');
        }
        return text.toString();
    }

    private static List<byte[]> split(byte[] commandLine) {
        List<byte[]> parts = new ArrayList<>();
        if (commandLine == null) {
            return parts;
        }
        int start = 0;
        for (int i = 0; i < commandLine.length; i++) {
            if (commandLine[i] == 0) {
                parts.add(Arrays.copyOfRange(commandLine, start, i));
                start = i + 1;
            }
        }
        if (start < commandLine.length) {
            parts.add(Arrays.copyOfRange(commandLine, start, commandLine.length));
        }
        return parts;
    }

    private static UsageException refused(String why) {
        return new UsageException("the command line holds characters that are not ASCII, and no locale says which"
                + " character set they are in (" + localeSetting() + ", so Java reads ASCII); " + why
                + ". Run it in a UTF-8 locale, for example with LC_ALL=C.UTF-8 in front of the command, or put the"
                + " prompt in a UTF-8 file and use --prompt-file FILE");
    }

    /** The variable that decides the character set, as POSIX orders them. */
    private static String localeSetting() {
        for (String name : List.of("LC_ALL", "LC_CTYPE", "LANG")) {
            String value = System.getenv(name);
            if (value != null && !value.isEmpty()) {
                return name + "=" + value;
            }
        }
        return "no LANG set";
    }
}
