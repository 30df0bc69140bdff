package tempered.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tempered.model.synthetic.SyntheticGpt2;
import tempered.text.Gpt2Tokenizer;

/** A prompt from {@code --prompt}, from a file ({@code --prompt-file}) or from standard input ({@code --prompt -}). */
class PromptArgumentTest {
    private static final String PROMPT = "Café au lait, 🙂: the cat slept on the";

    @TempDir
    static Path folder;

    static String model;

    @BeforeAll
    static void build() {
        model = SyntheticGpt2.write(folder.resolve("gpt2"), SyntheticGpt2.Layout.MERGED)
                .toString();
    }

    static MainTest.Run run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(
                args,
                new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new MainTest.Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static MainTest.Run next(byte[] stdin, String... prompt) {
        List<String> args = new java.util.ArrayList<>(List.of("next", "--model", model, "--top", "3", "--json"));
        args.addAll(List.of(prompt));
        return run(stdin, args.toArray(String[]::new));
    }

    private static Path file(String name, byte[] bytes) throws IOException {
        return Files.write(folder.resolve(name), bytes);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFileOrStandardInputGivesTheSamePromptAsTheOption() throws IOException {
        MainTest.Run given = next(new byte[0], "--prompt", PROMPT);
        assertEquals(0, given.status(), given.err());
        assertTrue(given.out().contains(",\"prompt\":\"" + PROMPT + "\",\"tokenIds\":"), given.out());
        // An editor's final line break, Windows' too, and a byte-order mark are not part of the prompt.
        for (String text : List.of(PROMPT, PROMPT + "\n", PROMPT + "\r\n", "\uFEFF" + PROMPT + "\n")) {
            Path prompt = file("prompt.txt", utf8(text));
            MainTest.Run fromFile = next(new byte[0], "--prompt-file", prompt.toString());
            assertEquals(given, fromFile, text);
            assertEquals(given, next(utf8(text), "--prompt", "-"), text);
        }
        // Only one: a second line break is the prompt's own.
        MainTest.Run twoBreaks = next(utf8(PROMPT + "\n\n"), "--prompt", "-");
        assertTrue(twoBreaks.out().contains(",\"prompt\":\"" + PROMPT + "\\n\","), twoBreaks.out());
    }

    @Test
    void generateTakesThemToo() throws IOException {
        Path prompt = file("generate.txt", utf8(PROMPT + "\n"));
        String[] settings = {"generate", "--model", model, "--seed", "3", "--max-new-tokens", "4", "--json"};
        MainTest.Run given = run(new byte[0], concat(settings, "--prompt", PROMPT));
        assertEquals(0, given.status(), given.err());
        assertEquals(given, run(new byte[0], concat(settings, "--prompt-file", prompt.toString())));
        assertEquals(given, run(utf8(PROMPT), concat(settings, "--prompt", "-")));
    }

    /** 5,000 characters fit no command line ONNX Runtime 1.29.0 starts from, but a file; the model's context decides. */
    @Test
    void aPromptLongerThanTheContextGetsTheUsualOneLine() throws IOException {
        String words = "Temperature shapes what a language model writes. ".repeat(110);
        Path prompt = file("long.txt", utf8(words.substring(0, 5000)));
        int tokens = Gpt2Tokenizer.encode(words.substring(0, 5000)).length;
        MainTest.Run next = next(new byte[0], "--prompt-file", prompt.toString());
        assertEquals(2, next.status(), next.err());
        assertEquals(
                "tempered next: the sequence would be " + tokens + " tokens, but this model sees at most 64;"
                        + " shorten the prompt or generate fewer tokens\n",
                next.err());
        MainTest.Run generate =
                run(utf8(words.substring(0, 5000)), "generate", "--model", model, "--prompt", "-", "--json");
        assertEquals(2, generate.status(), generate.err());
        assertEquals("", generate.out());
        assertEquals(
                "tempered generate: the prompt is " + tokens + " tokens; this model sees at most 64 (prompt included),"
                        + " so it must be shorter to leave room for new tokens\n",
                generate.err());
    }

    @Test
    void aPromptThatCannotBeReadIsOneLineSayingWhy() throws IOException {
        Path latin1 = file("latin1.txt", "Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        Path empty = file("empty.txt", new byte[0]);
        Path blank = file("blank.txt", utf8(" \t\n\n"));
        Path huge = file("huge.txt", new byte[PromptArgument.MAX_BYTES + 1]);
        Path missing = folder.resolve("missing.txt");
        String both = "tempered next: give the prompt once: --prompt TEXT, --prompt - (standard input) or --prompt-file"
                + " FILE, not both --prompt and --prompt-file\n";
        assertRefused(both, next(new byte[0], "--prompt", "Hi", "--prompt-file", empty.toString()));
        assertRefused(
                "tempered next: --prompt is required, for example --prompt \"The cat slept on the\"; a long prompt can"
                        + " come from a file (--prompt-file FILE) or standard input (--prompt -)\n",
                next(new byte[0]));
        assertRefused(
                "tempered next: --prompt-file " + latin1
                        + " is not UTF-8 text (byte 0xE9 at offset 3); save it as UTF-8"
                        + " (an editor's \"save with encoding\", or iconv -t UTF-8)\n",
                next(new byte[0], "--prompt-file", latin1.toString()));
        assertRefused(
                "tempered next: --prompt-file " + empty + " is empty; give the model some text to continue\n",
                next(new byte[0], "--prompt-file", empty.toString()));
        assertRefused(
                "tempered next: --prompt-file " + blank + " is blank (only white space); give the model some words to"
                        + " continue\n",
                next(new byte[0], "--prompt-file", blank.toString()));
        assertRefused(
                "tempered next: --prompt-file " + huge + " is over 1 MB; a prompt must fit the model's context (GPT-2's"
                        + " 1,024 tokens are about 4 KB of English)\n",
                next(new byte[0], "--prompt-file", huge.toString()));
        assertRefused(
                "tempered next: --prompt-file " + missing + ": there is no file " + missing + "\n",
                next(new byte[0], "--prompt-file", missing.toString()));
        assertRefused(
                "tempered next: --prompt-file " + folder + " is a folder; name a text file that holds the prompt\n",
                next(new byte[0], "--prompt-file", folder.toString()));
        assertRefused(
                "tempered generate: the prompt on standard input (--prompt -) is empty; give the model some text to"
                        + " continue\n",
                run(new byte[0], "generate", "--model", model, "--prompt", "-"));
        assertRefused(
                "tempered generate: the prompt on standard input (--prompt -) is not UTF-8 text (byte 0xE9 at offset"
                        + " 3); save it as UTF-8 (an editor's \"save with encoding\", or iconv -t UTF-8)\n",
                run(Files.readAllBytes(latin1), "generate", "--model", model, "--prompt", "-"));
    }

    private static void assertRefused(String line, MainTest.Run run) {
        assertEquals(2, run.status(), run.err());
        assertEquals("", run.out());
        assertEquals(line, run.err());
    }

    private static String[] concat(String[] first, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
