package tempered.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tempered.format.Json;
import tempered.generate.Generation;
import tempered.generate.GenerationSettings;
import tempered.generate.Generator;
import tempered.generate.Sample;
import tempered.generate.Step;
import tempered.generate.StopReason;
import tempered.generate.TokenListener;
import tempered.model.Gpt2Model;
import tempered.model.LanguageModel;
import tempered.sampling.SamplerChain;
import tempered.sampling.SamplerSettings;
import tempered.text.Gpt2Tokenizer;

/** {@code tempered generate}: GPT-2 writes on from a prompt, streamed as it goes. */
final class GenerateCommand {
    static final String HELP = """
            Usage: tempered generate (--prompt TEXT | --prompt - | --prompt-file FILE)
                                     [--model DIR_OR_REPO [--file PATH] [--revision REV]]
                                     [--temperature T] [--top-k K] [--top-p P] [--min-p M] [--seed S]
                                     [--max-new-tokens N] [--samples N] [--json]

            Samples a continuation token by token (transformers' order: temperature, then top-k, top-p, min-p)
            and prints it as it is written. Several samples run as one batch; sample i uses seed S + i.

              --prompt          the text to continue (required, not blank); - reads it from standard input
              --prompt-file     a UTF-8 file that holds the text instead (one final line break is dropped)
              --model           a model folder, .onnx file or Hugging Face repository (default: GPT-2)
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
              --json            print {"prompt", "tokenIds", "samples": [{"tokenIds", "text", "stop", "steps":
                                [{"id", "token", "p"}, ...]}, ...]} at the end instead of streaming; stop is
                                end_of_text, newline, max_new_tokens or context_full

            Example:
              tempered generate --prompt "The cat slept on the" --temperature 0.7 --seed 42 --max-new-tokens 30
            """;

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
                Set.of("--json"));
        String prompt = PromptArgument.read(options, in);
        SamplerSettings settings =
                SamplerSettings.of(options.has("--temperature") ? options.number("--temperature") : 1.0);
        if (options.has("--top-k")) {
            settings = settings.withTopK(options.integer("--top-k", 0, Gpt2Tokenizer.VOCABULARY_SIZE));
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

        try (Gpt2Model opened = ModelArgument.open(options, err)) {
            LanguageModel model = new CheckedModel(opened, opened.info().file().toString());
            int promptLength = model.tokenizer().encode(prompt).length;
            if (promptLength >= model.contextLength()) {
                throw new UsageException(
                        "the prompt is " + promptLength + " tokens; this model sees at most " + model.contextLength()
                                + " (prompt included), so it must be shorter to leave room for new tokens");
            }
            TokenListener listener = TokenListener.NONE;
            if (!json && samples == 1) {
                out.print(TerminalText.visible(prompt));
                out.flush();
                listener = new Stream(out);
            }
            Generation generation = new Generator(model).generate(prompt, chain, limits, listener);
            if (json) {
                out.println(json(generation));
            } else if (samples == 1) {
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
                            TerminalText.visible(prompt),
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

    static String json(Generation generation) {
        StringBuilder out = new StringBuilder("{\"prompt\": ")
                .append(Json.string(generation.prompt()))
                .append(", \"tokenIds\": ")
                .append(Json.ints(generation.promptIds()))
                .append(", \"samples\": [");
        List<Sample> samples = generation.samples();
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            out.append(i == 0 ? "" : ", ")
                    .append("{\"tokenIds\": ")
                    .append(Json.ints(sample.tokenIds()))
                    .append(", \"text\": ")
                    .append(Json.string(sample.text()))
                    .append(", \"stop\": ")
                    .append(Json.string(sample.stop().name().toLowerCase(Locale.ROOT)))
                    .append(", \"steps\": [");
            List<Step> steps = sample.steps();
            for (int j = 0; j < steps.size(); j++) {
                Step step = steps.get(j);
                out.append(j == 0 ? "" : ", ")
                        .append("{\"id\": ")
                        .append(step.id())
                        .append(", \"token\": ")
                        .append(Json.string(step.token()))
                        .append(", \"p\": ")
                        .append(Json.number(step.probability()))
                        .append('}');
            }
            out.append("]}");
        }
        return out.append("]}").toString();
    }

    /**
     * Prints tokens as they come, as text: a character split across tokens (an emoji is often two) is held
     * back until its last byte arrives, so the stream never shows half a character. Control characters are
     * written as escapes ({@link TerminalText}). The end of text is not printed.
     */
    static final class Stream implements TokenListener {
        private final PrintStream out;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        private ByteBuffer pending = ByteBuffer.allocate(0);

        Stream(PrintStream out) {
            this.out = out;
        }

        @Override
        public void onToken(int sample, Step step) {
            if (step.id() == Gpt2Tokenizer.END_OF_TEXT) {
                return;
            }
            byte[] bytes = Gpt2Tokenizer.bytes(step.id());
            ByteBuffer input = ByteBuffer.allocate(pending.remaining() + bytes.length);
            input.put(pending).put(bytes).flip();
            CharBuffer chars = CharBuffer.allocate(input.remaining() + 1);
            decoder.decode(input, chars, false);
            pending = input.slice();
            // The model's control characters are escaped, as next escapes them: no token can drive the terminal.
            out.print(TerminalText.visible(chars.flip()));
            out.flush();
        }
    }
}
