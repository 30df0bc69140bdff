package tempered.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tempered.format.Json;
import tempered.format.Numbers;
import tempered.math.Distribution;

/** {@code tempered softmax}: the probabilities of some logits at one or more temperatures, as a table or JSON. */
final class SoftmaxCommand {
    static final String HELP = """
            Usage: tempered softmax --logits L1,L2,... [--labels A,B,...] [--temperatures T1,T2,...] [--json]

            Turns logits into probabilities with the tempered softmax, p_i = exp(x_i/T) / sum_j exp(x_j/T),
            computed stably (largest logit subtracted first), and prints one column per temperature.

              --logits        comma-separated logits; -inf masks a token (probability 0)
              --labels        one label per logit (default: the token index)
              --temperatures  comma-separated temperatures >= 0 (default 1); 0 is greedy
              --json          print {"logits": [...], "labels": [...] or null, "results":
                              [{"temperature": T, "probs": [...], "entropy": nats}, ...]};
                              masked logits appear as null

            Example:
              tempered softmax --logits -49.82,-46.40,-45.25,-47.30,-48.32 \\
                --labels ceiling,floor,mat,car,grass --temperatures 1,100
            """;

    private static final int BAR_WIDTH = 20;

    private SoftmaxCommand() {}

    static int run(String[] args, PrintStream out) {
        Options options =
                Options.parse("softmax", args, Set.of("--logits", "--labels", "--temperatures"), Set.of("--json"));
        double[] logits = options.numbers("--logits", options.require("--logits", "1,2,3"), true);
        List<String> labels = options.has("--labels") ? options.list(options.get("--labels")) : null;
        if (labels != null && labels.size() != logits.length) {
            throw new UsageException("--labels has " + labels.size() + " labels for " + logits.length
                    + " logits; give exactly one label per logit");
        }
        double[] temperatures = options.has("--temperatures")
                ? options.numbers("--temperatures", options.get("--temperatures"), false)
                : new double[] {1.0};
        List<Distribution> results = new ArrayList<>();
        for (double t : temperatures) {
            results.add(Distribution.of(logits, t));
        }
        if (options.has("--json")) {
            out.println(json(logits, labels, temperatures, results));
        } else {
            out.print(table(logits, labels, temperatures, results, Bars.unicodeOk()));
        }
        return 0;
    }

    /** What {@code --json} prints. */
    record Output(double[] logits, List<String> labels, List<Result> results) {}

    record Result(double temperature, double[] probs, double entropy) {}

    static String json(double[] logits, List<String> labels, double[] temperatures, List<Distribution> results) {
        List<Result> shown = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            shown.add(new Result(
                    temperatures[i], results.get(i).probs(), results.get(i).entropy()));
        }
        return Json.write(new Output(logits, labels, shown));
    }

    static String table(
            double[] logits, List<String> labels, double[] temperatures, List<Distribution> results, boolean unicode) {
        int labelWidth = "entropy (nats)".length();
        for (int i = 0; i < logits.length; i++) {
            labelWidth = Math.max(labelWidth, label(labels, i).length());
        }
        int columnWidth = 8 + 1 + BAR_WIDTH;
        StringBuilder out = new StringBuilder();
        out.append(pad("token", labelWidth)).append("  ").append(padLeft("logit", 9));
        for (double t : temperatures) {
            out.append("  ").append(pad("T=" + Numbers.format(t), columnWidth));
        }
        out.append('\n');
        for (int i = 0; i < logits.length; i++) {
            out.append(pad(label(labels, i), labelWidth))
                    .append("  ")
                    .append(padLeft(
                            Double.isInfinite(logits[i]) ? "-inf" : String.format(Locale.ROOT, "%.3f", logits[i]), 9));
            for (Distribution d : results) {
                double p = d.prob(i);
                out.append("  ")
                        .append(pad(
                                String.format(Locale.ROOT, "%.5f ", p) + Bars.bar(p, BAR_WIDTH, unicode), columnWidth));
            }
            out.append('\n');
        }
        out.append(pad("entropy (nats)", labelWidth)).append("  ").append(padLeft("", 9));
        for (Distribution d : results) {
            out.append("  ").append(pad(String.format(Locale.ROOT, "%.5f", d.entropy()), columnWidth));
        }
        out.append('\n');
        return out.toString().replaceAll(" +\n", "\n");
    }

    private static String label(List<String> labels, int i) {
        return labels == null ? Integer.toString(i) : labels.get(i);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String padLeft(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
