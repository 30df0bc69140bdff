package tempered.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tempered.chat.Message;
import tempered.format.Json;
import tempered.generate.Generation;
import tempered.generate.GenerationSettings;
import tempered.generate.Generator;
import tempered.generate.Sample;
import tempered.generate.Step;
import tempered.generate.StopReason;
import tempered.generate.TokenListener;
import tempered.model.LanguageModel;
import tempered.model.OnnxModel;
import tempered.sampling.SamplerChain;
import tempered.sampling.SamplerSettings;
import tempered.text.Tokenizer;

/** {@code tempered generate}: a model writes on from a prompt, streamed as it goes. */
final class GenerateCommand {
    static final String HELP = """
            Usage: tempered generate (--prompt TEXT | --prompt - | --prompt-file FILE) [--chat]
                                     [--model DIR_OR_REPO [--variant V | --file PATH] [--revision REV]]
                                     [--temperature T] [--top-k K] [--top-p P] [--min-p M] [--seed S]
                                     [--max-new-tokens N] [--samples N] [--json]

            Samples a continuation token by token (transformers' order: temperature, then top-k, top-p, min-p)
            and prints it as it is written, until the model's end of text (a chat model's end of turn) or the
            limit. Several samples run as one batch; sample i uses seed S + i. Standard error names the model
            and the file that ran.

              --prompt          the text to continue (required, not blank); - reads it from standard input
              --prompt-file     a UTF-8 file that holds the text instead (one final line break is dropped)
              --chat            the prompt is a user's message, put through the model's chat template; only
                                the answer is printed (a chat model, such as HuggingFaceTB/SmolLM2-135M-Instruct)
              --model           a model folder, .onnx file or Hugging Face repository (default: GPT-2)
              --variant         fp32, int8 (GPT-2, SmolLM2) or q4 (SmolLM2): the repository's file in that
                                precision (default: fp32)
              --file            the ONNX decoder's path in the repository (default: the first it has of
                                onnx/decoder_model_merged.onnx, onnx/model.onnx, ...)
              --revision        a branch, tag or commit of the repository (default main)
              --temperature     >= 0 (default 1); 0 is greedy, the same text every time
              --top-k           keep the K likeliest tokens (default 0: off)
              --top-p           keep the smallest set holding mass P, in (0, 1] (default 1: off)
              --min-p           drop tokens below M times the top probability, in [0, 1] (default 0: off)
              --seed            the random seed (default 0)
              --max-new-tokens  at most this many new tokens (default 50); the model's context (1,024 tokens
                                for GPT-2, prompt included) may stop it sooner, which stderr then says
              --samples         how many continuations (default 1)
              --json            print {"model", "messages" (with --chat), "prompt", "tokenIds", "samples":
                                [{"tokenIds", "text", "stop", "steps": [{"id", "token", "p"}, ...]}, ...]} at
                                the end instead of streaming; stop is end_of_text (the model's end of text or
                                of turn), newline, max_new_tokens or context_full

            Examples:
              tempered generate --prompt "The cat slept on the" --temperature 0.7 --seed 42 --max-new-tokens 30
              tempered generate --model HuggingFaceTB/SmolLM2-135M-Instruct --chat --prompt "Write about Nepal"
            """;

    /** What {@code --json} prints. */
    record Output(
            ModelArgument.Shown model,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Message> messages,
            String prompt,
            int[] tokenIds,
            List<SampleOutput> samples) {}

    record SampleOutput(int[] tokenIds, String text, String stop, List<StepOutput> steps) {}

    record StepOutput(int id, String token, double p) {}

    private GenerateCommand() {}

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Options options = Options.parse(
                "generate",
                args,
                Options.with(
                        ModelArgument.OPTIONS,
                        "--prompt",
                        "--prompt-file",
                        "--temperature",
                        "--top-k",
                        "--top-p",
                        "--min-p",
                        "--seed",
                        "--max-new-tokens",
                        "--samples"),
                Set.of("--json", "--chat"));
        String typed = PromptArgument.read(options, in);
        SamplerSettings settings =
                SamplerSettings.of(options.has("--temperature") ? options.number("--temperature") : 1.0);
        if (options.has("--top-k")) {
            // The upper bound is the model's vocabulary, checked once it is open.
            settings = settings.withTopK(options.tokenCount("--top-k", 0));
        }
        if (options.has("--top-p")) {
            settings = settings.withTopP(options.number("--top-p"));
        }
        if (options.has("--min-p")) {
            settings = settings.withMinP(options.number("--min-p"));
        }
        if (options.has("--seed")) {
            settings = settings.withSeed(options.whole("--seed"));
        }
        int maxNewTokens = options.has("--max-new-tokens") ? options.integer("--max-new-tokens", 1, 100_000) : 50;
        int samples = options.has("--samples") ? options.integer("--samples", 1, 256) : 1;
        GenerationSettings limits =
                GenerationSettings.of(maxNewTokens).withSamples(samples).withAlternatives(0);
        SamplerChain chain = settings.temperatureFirst();
        boolean json = options.has("--json");
        boolean chat = options.has("--chat");

        try (OnnxModel opened = ModelArgument.open(options, err)) {
            LanguageModel model = new CheckedModel(opened, opened.info().file().toString());
            if (options.has("--top-k")) {
                options.integer("--top-k", 0, model.vocabularySize());
            }
            String prompt = PromptArgument.forModel(typed, chat, model);
            int promptLength = model.tokenizer().encode(prompt).length;
            if (promptLength >= model.contextLength()) {
                throw new UsageException(
                        "the prompt is " + promptLength + " tokens; this model sees at most " + model.contextLength()
                                + " (prompt included), so it must be shorter to leave room for new tokens");
            }
            TokenListener listener = TokenListener.NONE;
            Stream stream = null;
            if (!json) {
                err.println("model: " + ModelArgument.describe(opened));
                err.flush();
            }
            if (!json && samples == 1) {
                if (!chat) {
                    out.print(TerminalText.visible(prompt));
                    out.flush();
                }
                stream = new Stream(out, model.tokenizer(), model.stopTokens());
                listener = stream;
            }
            Generation generation = new Generator(model).generate(prompt, chain, limits, listener);
            if (json) {
                out.println(json(generation, ModelArgument.Shown.of(opened), chat ? typed : null));
            } else if (samples == 1) {
                stream.finish();
                out.println();
            } else {
                long seed = chain.seed().orElse(0);
                for (int i = 0; i < samples; i++) {
                    out.printf(
                            Locale.ROOT,
                            "--- sample %d of %d (%s) ---%n%s%s%n",
                            i + 1,
                            samples,
                            chain.withSeed(seed + i),
                            chat ? "" : TerminalText.visible(prompt),
                            TerminalText.visible(generation.samples().get(i).text()));
                }
            }
            out.flush();
            reportContextStops(generation, model.contextLength(), maxNewTokens, err);
        }
        return 0;
    }

    /** Says on stderr which samples the model's context stopped before the asked-for length, as JSON's "stop" does. */
    private static void reportContextStops(Generation generation, int context, int maxNewTokens, PrintStream err) {
        List<Sample> samples = generation.samples();
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            if (sample.stop() == StopReason.CONTEXT_FULL) {
                err.println("tempered generate: " + (samples.size() > 1 ? "sample " + (i + 1) + " " : "")
                        + "stopped at the model's context"
                        + " of " + context + " tokens (a prompt of " + generation.promptIds().length + " and "
                        + sample.tokenIds().length
                        + " new), before --max-new-tokens " + maxNewTokens);
            }
        }
    }

    /** The generation as {@code --json} prints it; {@code message} is the user's text under --chat, else null. */
    static String json(Generation generation, ModelArgument.Shown model, String message) {
        List<SampleOutput> samples = generation.samples().stream()
                .map(sample -> new SampleOutput(
                        sample.tokenIds(),
                        sample.text(),
                        sample.stop().name().toLowerCase(Locale.ROOT),
                        sample.steps().stream()
                                .map(step -> new StepOutput(step.id(), step.token(), step.probability()))
                                .toList()))
                .toList();
        return Json.write(new Output(
                model,
                message == null ? null : List.of(Message.user(message)),
                generation.prompt(),
                generation.promptIds(),
                samples));
    }

    /**
     * Prints tokens as they come, as text: the sample so far is decoded again at each token and what is new is
     * printed, so a character split across tokens (an emoji is often two) is held back until it is whole, and the
     * stream ends as the sample's own text does, whatever the tokenizer. Control characters are written as escapes
     * ({@link TerminalText}). A stop token (the end of text or of a turn) is not printed.
     */
    static final class Stream implements TokenListener {
        private final PrintStream out;
        private final Tokenizer tokenizer;
        private final Set<Integer> stops;
        private int[] ids = new int[0];
        private int shown;

        Stream(PrintStream out, Tokenizer tokenizer, Set<Integer> stops) {
            this.out = out;
            this.tokenizer = tokenizer;
            this.stops = stops;
        }

        @Override
        public void onToken(int sample, Step step) {
            if (stops.contains(step.id())) {
                return;
            }
            ids = Arrays.copyOf(ids, ids.length + 1);
            ids[ids.length - 1] = step.id();
            String text = tokenizer.decode(ids);
            int whole = text.length();
            // An unfinished character decodes as U+FFFD for now; it is printed once its last byte has come.
            while (whole > shown && text.charAt(whole - 1) == '\uFFFD') {
                whole--;
            }
            print(text, whole);
        }

        /** Prints whatever is held back at the end: bytes that never became a character, as U+FFFD. */
        void finish() {
            String text = tokenizer.decode(ids);
            print(text, text.length());
        }

        private void print(String text, int end) {
            if (end > shown) {
                // The model's control characters are escaped, as next escapes them: no token can drive the terminal.
                out.print(TerminalText.visible(text.substring(shown, end)));
                out.flush();
                shown = end;
            }
        }
    }
}
