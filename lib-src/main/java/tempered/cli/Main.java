package tempered.cli;

import java.io.PrintStream;
import java.util.Arrays;
import tempered.model.ModelNotFoundException;

/**
 * The {@code tempered} command line: {@code java -jar target/tempered.jar COMMAND [options]}.
 *
 * <p>Bad input exits with status 2 and one line on stderr that says what was wrong and what to do; an
 * unexpected failure exits with status 1, also in one line.
 */
public final class Main {
    static final String HELP = """
            Tempered: how temperature shapes what a language model writes.

            Usage: java -jar target/tempered.jar COMMAND [options]

            Commands:
              softmax   probabilities of some logits at one or more temperatures (table or --json)
              next      GPT-2's next-token distribution after a prompt, at one or more temperatures
              generate  GPT-2 writes on from a prompt with a sampler chain, streamed as it goes
              download  fetch GPT-2 into the Hugging Face cache ahead of time (about 655 MB)
              bench     GPT-2 generation speed against this machine's memory bandwidth
              help      this text; 'tempered COMMAND --help' describes one command

            Examples:
              java -jar target/tempered.jar softmax --logits 1,2 --temperatures 1,2,5
              java -jar target/tempered.jar next --prompt "The cat slept on the" --temperatures 0.5,1,2
              java -jar target/tempered.jar generate --prompt "The cat slept on the" --temperature 0.7 --seed 42
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command and returns its exit status: 0 done, 2 bad input, 1 anything else. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || Arrays.asList("help", "--help", "-h").contains(args[0])) {
            out.print(HELP);
            return args.length == 0 ? 2 : 0;
        }
        String command = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        boolean help = Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h");
        try {
            int status = 0;
            switch (command) {
                case "softmax" -> {
                    if (help) {
                        out.print(SoftmaxCommand.HELP);
                    } else {
                        SoftmaxCommand.run(rest, out);
                    }
                }
                case "next" -> {
                    if (help) {
                        out.print(NextCommand.HELP);
                    } else {
                        NextCommand.run(rest, out, err);
                    }
                }
                case "generate" -> {
                    if (help) {
                        out.print(GenerateCommand.HELP);
                    } else {
                        GenerateCommand.run(rest, out, err);
                    }
                }
                case "download" -> {
                    if (help) {
                        out.print(DownloadCommand.HELP);
                    } else {
                        status = DownloadCommand.run(rest, out, err);
                    }
                }
                case "bench" -> {
                    if (help) {
                        out.print(BenchCommand.HELP);
                    } else {
                        status = BenchCommand.run(rest, out, err);
                    }
                }
                default -> throw new UsageException("unknown command '" + command
                        + "'; the commands are: softmax, next, generate, download, bench, help");
            }
            out.flush();
            return status;
        } catch (ModelNotFoundException e) {
            out.flush();
            err.println("tempered " + command + ": " + e.getMessage());
            return 2;
        } catch (UsageException | IllegalArgumentException e) {
            err.println("tempered " + command + ": " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("tempered " + command + ": unexpected error: " + e);
            return 1;
        }
    }
}
