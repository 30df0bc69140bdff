package tempered.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code --name value} and {@code --flag} options of one command, checked against the names it knows.
 */
final class Options {
    /** A valid value for each number option, for hints: a hint must never suggest a value that is refused. */
    private static final Map<String, String> EXAMPLES = Map.of(
            "--logits",
            "1,2.5,-3",
            "--temperatures",
            "0.5,1,2",
            "--temperature",
            "0.7",
            "--top-p",
            "0.9",
            "--min-p",
            "0.05");

    private final String command;
    private final Map<String, String> values = new LinkedHashMap<>();

    private Options(String command) {
        this.command = command;
    }

    static Options parse(String command, String[] args, Set<String> valued, Set<String> flags) {
        Options options = new Options(command);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (flags.contains(name) && value == null) {
                options.values.put(name, "true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException(
                                name + " needs a value; see '" + Launcher.command() + " " + command + " --help'");
                    }
                    value = args[++i];
                }
                options.values.put(name, value);
            } else {
                String close = closest(name, valued, flags);
                throw new UsageException("unknown option '" + arg + "' for '" + command + "'"
                        + (close == null ? "" : " (did you mean " + close + "?)") + "; see '" + Launcher.command()
                        + " " + command + " --help'");
            }
        }
        return options;
    }

    /** The option an unknown one is most likely a slip of: at most two letters changed, added or left out. */
    private static String closest(String typed, Set<String> valued, Set<String> flags) {
        Set<String> names = new TreeSet<>(valued);
        names.addAll(flags);
        String best = null;
        int fewest = 3;
        for (String name : names) {
            int distance = edits(typed, name);
            if (distance < fewest) {
                best = name;
                fewest = distance;
            }
        }
        return best;
    }

    /** Levenshtein's distance: the fewest one-character changes, insertions and deletions from a to b. */
    private static int edits(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(change, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String get(String name) {
        return values.get(name);
    }

    /** {@code names} and {@code more}, for commands that take a shared set of options and their own. */
    static Set<String> with(Set<String> names, String... more) {
        Set<String> all = new HashSet<>(names);
        all.addAll(Arrays.asList(more));
        return all;
    }

    /** The value of an option that must be given; it may be empty or blank, for the caller to judge. */
    String require(String name, String example) {
        String value = values.get(name);
        if (value == null) {
            throw new UsageException(name + " is required, for example " + name + " " + example);
        }
        return value;
    }

    /** Comma-separated numbers; "-inf" (or "-Infinity") is accepted where {@code allowMinusInfinity}. */
    double[] numbers(String name, String value, boolean allowMinusInfinity) {
        List<String> parts = Arrays.asList(value.split(",", -1));
        double[] out = new double[parts.size()];
        for (int i = 0; i < out.length; i++) {
            String part = parts.get(i).trim();
            if (allowMinusInfinity && (part.equalsIgnoreCase("-inf") || part.equalsIgnoreCase("-infinity"))) {
                out[i] = Double.NEGATIVE_INFINITY;
                continue;
            }
            out[i] = finite(part);
            if (Double.isNaN(out[i])) {
                throw new UsageException(name + ": '" + part + "' (item " + (i + 1) + ") is not a finite number;"
                        + " write numbers separated by commas, e.g. " + name + " " + EXAMPLES.getOrDefault(name, "1,2")
                        + (allowMinusInfinity ? " (-inf masks a token)" : ""));
            }
        }
        return out;
    }

    /** One number, which must be finite. */
    double number(String name) {
        String value = values.get(name).trim();
        double parsed = finite(value);
        if (Double.isNaN(parsed)) {
            throw new UsageException(name + " '" + value + "' is not a finite number; write one number, for example "
                    + name + " " + EXAMPLES.getOrDefault(name, "1"));
        }
        return parsed;
    }

    /** The number a text holds, or NaN when it holds none or an infinite one. */
    private static double finite(String text) {
        try {
            double parsed = Double.parseDouble(text);
            return Double.isFinite(parsed) ? parsed : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A whole number from {@code min} to {@code max}. */
    int integer(String name, int min, int max) {
        String value = values.get(name).trim();
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " '" + value + "' must be a whole number from " + min + " to " + max);
    }

    /**
     * A whole number of at least {@code min} that must also fit the model's vocabulary, which is known only once
     * the model is open: checked against that with {@link #integer} then.
     */
    int tokenCount(String name, int min) {
        String value = values.get(name).trim();
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " '" + value + "' must be a whole number from " + min
                + " to the model's vocabulary size (50,257 for GPT-2, 49,152 for SmolLM2)");
    }

    /** A whole number of any size, such as a seed. */
    long whole(String name) {
        String value = values.get(name).trim();
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException(name + " '" + value + "' must be a whole number, for example " + name + " 42");
        }
    }

    List<String> list(String value) {
        return new ArrayList<>(Arrays.asList(value.split(",", -1)));
    }
}
