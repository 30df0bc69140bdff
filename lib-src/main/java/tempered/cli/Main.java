package tempered.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tempered.hub.DamagedModelException;
import tempered.hub.DownloadException;
import tempered.model.ModelNotFoundException;

/**
 * The {@code tempered} command line: {@code java -jar target/tempered.jar COMMAND [options]}.
 *
 * <p>Every failure is one line on stderr that says what was wrong and what to do, and an exit status with one
 * meaning ({@link #HELP} lists them); never a stack trace.
 */
public final class Main {
    /** Bad input: an option, a prompt, a setting, or a file this user may not read. */
    static final int BAD_INPUT = 2;
    /** The model (or the recorded data) is missing or damaged; the message names the command that fetches it. */
    static final int MISSING_MODEL = 3;
    /** A download or the network failed. */
    static final int DOWNLOAD_FAILED = 4;
    /** A bug in Tempered. */
    static final int INTERNAL_ERROR = 5;

    static final String HELP = """
            Tempered: how temperature shapes what a language model writes.

            Usage: tempered COMMAND [options]

            Commands:
              softmax   probabilities of some logits at one or more temperatures (table or --json)
              next      a model's next-token distribution after a prompt, at one or more temperatures
              generate  a model writes on from a prompt (or answers it, --chat) with a sampler chain
              download  fetch a model (GPT-2 by default, or SmolLM2) and the recorded GPT-2 examples ahead of time
              bench     GPT-2's and SmolLM2's speed against this machine's memory bandwidth
              help      this text; 'help COMMAND' (or 'COMMAND --help') describes one command

            Examples:
              tempered softmax --logits 1,2 --temperatures 1,2,5
              tempered next --prompt "The cat slept on the" --temperatures 0.5,1,2
              tempered generate --prompt "The cat slept on the" --temperature 0.7 --seed 42
              tempered generate --model HuggingFaceTB/SmolLM2-135M-Instruct --chat --prompt "Write about Nepal"

            Exit status:
              0  done
              1  bench: a performance target was missed
              2  bad input: an option, a prompt, a setting (such as TEMPERED_MODEL_DIR or HF_ENDPOINT),
                 or a file this user may not read
              3  the model or the recorded data is missing or damaged; the message says how to fetch it
              4  a download or the network failed; run the command again to resume
              5  an internal error: a bug in Tempered (please report the line it printed)
            """;

    private static final List<String> COMMANDS = List.of("softmax", "next", "generate", "download", "bench");
    private static final Map<String, String> HELPS = Map.of(
            "softmax",
            SoftmaxCommand.HELP,
            "next",
            NextCommand.HELP,
            "generate",
            GenerateCommand.HELP,
            "download",
            DownloadCommand.HELP,
            "bench",
            BenchCommand.HELP);

    private Main() {}

    public static void main(String[] args) {
        NoLocale.output();
        String[] typed;
        try {
            typed = NoLocale.arguments(args);
        } catch (UsageException e) {
            System.err.println("tempered: " + e.getMessage());
            System.exit(BAD_INPUT);
            return;
        }
        // The command runs on a thread with room for ONNX Runtime to start from this command line.
        int status =
                LongCommandLine.run(LongCommandLine.bytes(typed), () -> run(typed, System.in, System.out, System.err));
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    /** Runs one command and returns its exit status (see {@link #HELP}); {@code --prompt -} reads System.in. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    /** Runs one command with {@code in} as its standard input and returns its exit status. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        List<String> helpWords = List.of("help", "--help", "-h");
        // 'help help' asks what help does: the overview answers it.
        boolean overview = args.length == 1 || (args.length == 2 && helpWords.contains(args[1]));
        if (args.length == 0 || (helpWords.contains(args[0]) && overview)) {
            out.print(Launcher.help(HELP));
            return args.length == 0 ? BAD_INPUT : 0;
        }
        boolean helpCommand = args[0].equals("help");
        String command = helpCommand ? args[1] : args[0];
        String[] rest = Arrays.copyOfRange(args, helpCommand ? 2 : 1, args.length);
        boolean help = helpCommand
                || Arrays.asList(rest).contains("--help")
                || Arrays.asList(rest).contains("-h");
        try {
            if (!COMMANDS.contains(command)) {
                throw new UsageException("unknown command '" + command + "'; the commands are: "
                        + String.join(", ", COMMANDS) + ", help");
            }
            if (help) {
                out.print(Launcher.help(HELPS.get(command)));
                return 0;
            }
            int status = switch (command) {
                case "softmax" -> SoftmaxCommand.run(rest, out);
                case "next" -> NextCommand.run(rest, in, out, err);
                case "generate" -> GenerateCommand.run(rest, in, out, err);
                case "download" -> DownloadCommand.run(rest, out, err);
                default -> BenchCommand.run(rest, out, err);
            };
            out.flush();
            return status;
        } catch (UsageException | IllegalArgumentException e) {
            return fail(out, err, command, e.getMessage(), BAD_INPUT);
        } catch (ModelNotFoundException | DamagedModelException e) {
            return fail(out, err, command, e.getMessage(), MISSING_MODEL);
        } catch (DownloadException e) {
            return fail(out, err, command, e.getMessage(), DOWNLOAD_FAILED);
        } catch (RuntimeException e) {
            Optional<String> positions = ModelFailure.outOfPositions(e);
            if (positions.isPresent()) {
                return fail(out, err, command, positions.get(), BAD_INPUT);
            }
            return fail(
                    out,
                    err,
                    command,
                    "unexpected error (a bug in Tempered; please report this line): " + e,
                    INTERNAL_ERROR);
        }
    }

    private static int fail(PrintStream out, PrintStream err, String command, String message, int status) {
        out.flush();
        // One line: a message that spans lines (a notebook's, say) is joined.
        err.println("tempered " + command + ": " + message.replaceAll("\\s*\\R\\s*", " "));
        return status;
    }
}
