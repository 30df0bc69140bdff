package tempered.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tempered.chat.Message;
import tempered.format.Json;
import tempered.format.Numbers;
import tempered.math.Distribution;
import tempered.math.TokenProbability;
import tempered.model.OnnxModel;
import tempered.text.Tokenizer;

/** {@code tempered next}: a model's next-token distribution after a prompt, at one or more temperatures. */
final class NextCommand {
    static final String HELP = """
            Usage: tempered next (--prompt TEXT | --prompt - | --prompt-file FILE) [--chat]
                                 [--model DIR_OR_REPO [--variant V | --file PATH] [--revision REV]]
                                 [--temperatures T1,T2,...] [--top N] [--json]

            Runs the model once over the prompt and prints the likeliest next tokens at each temperature, under
            a line naming the model and the file that ran.

              --prompt        the text to continue (required, not blank); - reads it from standard input
              --prompt-file   a UTF-8 file that holds the text instead (one final line break is dropped)
              --chat          the prompt is a user's message, put through the model's chat template: the
                              tokens that could begin the answer (a chat model, such as
                              HuggingFaceTB/SmolLM2-135M-Instruct)
              --model         a model folder or .onnx file, or a Hugging Face repository such as
                              openai-community/gpt2 (default: GPT-2 from TEMPERED_MODEL_DIR or the
                              Hugging Face cache, downloaded once if it is in neither)
              --variant       fp32, int8 (GPT-2, SmolLM2) or q4 (SmolLM2): the repository's file in that
                              precision (default: fp32)
              --file          the ONNX decoder's path in the repository (default: the first the cache
                              or the hub has of onnx/decoder_model_merged.onnx, onnx/model.onnx, ...)
              --revision      a branch, tag or commit of the repository (default main)
              --temperatures  comma-separated temperatures >= 0 (default 1); 0 is greedy
              --top           how many tokens to show per temperature (default 10)
              --json          print {"model": {"name", "source", "file", "path", "parameters", "randomWeights"},
                              "messages" (with --chat), "prompt", "tokenIds", "results": [{"temperature",
                              "entropy", "top": [{"id", "token", "logit", "p"}, ...]}, ...]}

            Examples:
              tempered next --prompt "The cat slept on the" --temperatures 0.5,1,2 --top 5
              tempered next --model HuggingFaceTB/SmolLM2-135M-Instruct --chat --prompt "Name a colour"
            """;

    /** What {@code --json} prints. */
    record Output(
            ModelArgument.Shown model,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Message> messages,
            String prompt,
            int[] tokenIds,
            List<Result> results) {}

    record Result(double temperature, double entropy, List<Candidate> top) {}

    record Candidate(int id, String token, float logit, double p) {}

    private NextCommand() {}

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Options options = Options.parse(
                "next",
                args,
                Options.with(ModelArgument.OPTIONS, "--prompt", "--prompt-file", "--temperatures", "--top"),
                Set.of("--json", "--chat"));
        String typed = PromptArgument.read(options, in);
        double[] temperatures = options.has("--temperatures")
                ? options.numbers("--temperatures", options.get("--temperatures"), false)
                : new double[] {1.0};
        // Checked before the model loads, so a bad number fails at once; the upper bound is the model's vocabulary.
        int top = options.has("--top") ? options.tokenCount("--top", 1) : 10;
        for (double temperature : temperatures) {
            Distribution.of(new double[] {0}, temperature);
        }
        try (OnnxModel model = ModelArgument.open(options, err)) {
            if (options.has("--top")) {
                options.integer("--top", 1, model.vocabularySize());
            }
            String prompt = PromptArgument.forModel(typed, options.has("--chat"), model);
            Tokenizer tokenizer = model.tokenizer();
            int[] ids = tokenizer.encode(prompt);
            float[] logits = new CheckedModel(model, model.info().file().toString()).nextLogits(ids);
            List<Distribution> results = new ArrayList<>();
            for (double temperature : temperatures) {
                results.add(Distribution.of(logits, temperature));
            }
            // The tokenizer is the model's, closed with it: every token is written out before.
            Outcome outcome = new Outcome(prompt, ids, tokenizer, temperatures, logits, results, top);
            out.print(
                    options.has("--json")
                            ? outcome.json(ModelArgument.Shown.of(model), options.has("--chat") ? typed : null) + "\n"
                            : outcome.table(ModelArgument.describe(model), Bars.unicodeOk()));
        }
        return 0;
    }

    /** One run over the prompt: its tokens and the next-token distribution at each temperature. */
    private record Outcome(
            String prompt,
            int[] ids,
            Tokenizer tokenizer,
            double[] temperatures,
            float[] logits,
            List<Distribution> distributions,
            int top) {

        String json(ModelArgument.Shown model, String message) {
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < distributions.size(); i++) {
                Distribution distribution = distributions.get(i);
                List<Candidate> best = distribution.top(top).stream()
                        .map(c -> new Candidate(c.id(), tokenizer.token(c.id()), logits[c.id()], c.prob()))
                        .toList();
                results.add(new Result(temperatures[i], distribution.entropy(), best));
            }
            return Json.write(
                    new Output(model, message == null ? null : List.of(Message.user(message)), prompt, ids, results));
        }

        String table(String model, boolean unicode) {
            StringBuilder out = new StringBuilder();
            out.append("model: ").append(model).append(System.lineSeparator());
            out.append("prompt: ")
                    .append(Json.string(prompt))
                    .append(" (")
                    .append(ids.length)
                    .append(ids.length == 1 ? " token)" : " tokens)")
                    .append(System.lineSeparator());
            for (int i = 0; i < distributions.size(); i++) {
                Distribution distribution = distributions.get(i);
                out.append(System.lineSeparator())
                        .append(String.format(
                                Locale.ROOT,
                                "T = %s   entropy %.4f nats%n",
                                Numbers.format(temperatures[i]),
                                distribution.entropy()));
                for (TokenProbability candidate : distribution.top(top)) {
                    String token = Json.string(tokenizer.token(candidate.id()));
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
}
