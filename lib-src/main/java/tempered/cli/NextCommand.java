package tempered.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tempered.format.Json;
import tempered.format.Numbers;
import tempered.math.Distribution;
import tempered.math.TokenProbability;
import tempered.model.Gpt2Model;
import tempered.text.Gpt2Tokenizer;

/** {@code tempered next}: GPT-2's next-token distribution after a prompt, at one or more temperatures. */
final class NextCommand {
    static final String HELP = """
            Usage: tempered next (--prompt TEXT | --prompt - | --prompt-file FILE)
                                 [--model DIR_OR_REPO [--file PATH] [--revision REV]]
                                 [--temperatures T1,T2,...] [--top N] [--json]

            Runs GPT-2 once over the prompt and prints the likeliest next tokens at each temperature.

              --prompt        the text to continue (required, not blank); - reads it from standard input
              --prompt-file   a UTF-8 file that holds the text instead (one final line break is dropped)
              --model         a model folder or .onnx file, or a Hugging Face repository such as
                              openai-community/gpt2 (default: GPT-2 from TEMPERED_MODEL_DIR or the
                              Hugging Face cache, downloaded once if it is in neither)
              --file          the ONNX decoder's path in the repository (default: the first the cache
                              or the hub has of onnx/decoder_model_merged.onnx, onnx/model.onnx, ...)
              --revision      a branch, tag or commit of the repository (default main)
              --temperatures  comma-separated temperatures >= 0 (default 1); 0 is greedy
              --top           how many tokens to show per temperature (default 10)
              --json          print {"prompt": ..., "tokenIds": [...], "results": [{"temperature": T,
                              "entropy": nats, "top": [{"id", "token", "logit", "p"}, ...]}, ...]}

            Example:
              tempered next --prompt "The cat slept on the" --temperatures 0.5,1,2 --top 5
            """;

    private NextCommand() {}

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Options options = Options.parse(
                "next",
                args,
                Options.with(ModelArgument.OPTIONS, "--prompt", "--prompt-file", "--temperatures", "--top"),
                Set.of("--json"));
        String prompt = PromptArgument.read(options, in);
        double[] temperatures = options.has("--temperatures")
                ? options.numbers("--temperatures", options.get("--temperatures"), false)
                : new double[] {1.0};
        int top = options.has("--top") ? options.integer("--top", 1, Gpt2Tokenizer.VOCABULARY_SIZE) : 10;
        List<Distribution> results = new ArrayList<>();
        for (double temperature : temperatures) {
            // Checked before the model loads, so a bad temperature fails at once.
            Distribution.of(new double[] {0}, temperature);
        }
        int[] ids = Gpt2Tokenizer.encode(prompt);
        float[] logits;
        try (Gpt2Model model = ModelArgument.open(options, err)) {
            logits = new CheckedModel(model, model.info().file().toString()).nextLogits(ids);
        }
        for (double temperature : temperatures) {
            results.add(Distribution.of(logits, temperature));
        }
        out.print(
                options.has("--json")
                        ? json(prompt, ids, temperatures, logits, results, top) + "\n"
                        : table(prompt, ids, temperatures, logits, results, top, Bars.unicodeOk()));
        return 0;
    }

    static String json(
            String prompt, int[] ids, double[] temperatures, float[] logits, List<Distribution> results, int top) {
        StringBuilder out = new StringBuilder("{\"prompt\": ")
                .append(Json.string(prompt))
                .append(", \"tokenIds\": ")
                .append(Json.ints(ids))
                .append(", \"results\": [");
        for (int i = 0; i < results.size(); i++) {
            Distribution distribution = results.get(i);
            out.append(i == 0 ? "" : ", ")
                    .append("{\"temperature\": ")
                    .append(Json.number(temperatures[i]))
                    .append(", \"entropy\": ")
                    .append(Json.number(distribution.entropy()))
                    .append(", \"top\": [");
            List<TokenProbability> best = distribution.top(top);
            for (int j = 0; j < best.size(); j++) {
                int id = best.get(j).id();
                out.append(j == 0 ? "" : ", ")
                        .append("{\"id\": ")
                        .append(id)
                        .append(", \"token\": ")
                        .append(Json.string(Gpt2Tokenizer.token(id)))
                        .append(", \"logit\": ")
                        .append(Json.number(logits[id]))
                        .append(", \"p\": ")
                        .append(Json.number(best.get(j).prob()))
                        .append('}');
            }
            out.append("]}");
        }
        return out.append("]}").toString();
    }

    static String table(
            String prompt,
            int[] ids,
            double[] temperatures,
            float[] logits,
            List<Distribution> results,
            int top,
            boolean unicode) {
        StringBuilder out = new StringBuilder();
        out.append("prompt: ")
                .append(Json.string(prompt))
                .append(" (")
                .append(ids.length)
                .append(ids.length == 1 ? " token)" : " tokens)")
                .append(System.lineSeparator());
        for (int i = 0; i < results.size(); i++) {
            Distribution distribution = results.get(i);
            out.append(System.lineSeparator())
                    .append(String.format(
                            Locale.ROOT,
                            "T = %s   entropy %.4f nats%n",
                            Numbers.format(temperatures[i]),
                            distribution.entropy()));
            for (TokenProbability candidate : distribution.top(top)) {
                String token = Json.string(Gpt2Tokenizer.token(candidate.id()));
                out.append(String.format(
                        Locale.ROOT,
                        "  %-18s %8.4f  %s  logit %.3f%n",
                        token,
                        candidate.prob(),
                        Bars.bar(candidate.prob(), 20, unicode),
                        logits[candidate.id()]));
            }
        }
        return out.toString();
    }
}
