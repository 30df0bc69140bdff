package tempered.bench;

import java.io.PrintStream;
import java.util.List;
import tempered.generate.GenerationSettings;
import tempered.generate.Generator;
import tempered.model.OnnxModel;
import tempered.sampling.MinP;
import tempered.sampling.RandomPicker;
import tempered.sampling.RepetitionPenalty;
import tempered.sampling.SamplerChain;
import tempered.sampling.SamplerSettings;
import tempered.sampling.Temperature;
import tempered.sampling.TopK;
import tempered.sampling.TopP;

/**
 * Generation as {@link Generator} runs it (the sampler chain, each step's recorded figures, the tokenizer)
 * beside the model step alone, in the same run: each generation is paired with a model-only run of as many
 * tokens right beside it, and each pair's ratio is taken before the median, so a change in the machine's load
 * falls on both sides of a ratio.
 *
 * <p>A generator runs on a model that times its own steps, which splits each generation into the model's time
 * and the time outside it, per token. Two more chains decide whether the top-k shortcut earns its keep: llama.cpp's
 * defaults with a neutral repetition penalty after the top-k, which keeps the chain on the whole vocabulary.
 */
final class GenerationSpeed {
    static final String SHARE = "generation as a share of the model step, ";
    static final String TEMPERATURE = "temperature 0.8";
    static final String LLAMA = "llama.cpp's defaults";
    static final String EVERYTHING = ", everything recorded";

    private record Variant(String name, SamplerChain chain, boolean recordEverything) {}

    private GenerationSpeed() {}

    static void measure(OnnxModel model, Scale scale, Measurements figures, PrintStream log) {
        int tokens = scale.decodeSteps();
        SamplerChain temperature = SamplerChain.builder().temperature(0.8).random(1);
        SamplerChain llama = SamplerSettings.of(0.8)
                .withTopK(40)
                .withTopP(0.95)
                .withMinP(0.05)
                .withSeed(1)
                .temperatureLast();
        SamplerChain wholeVocabulary = new SamplerChain(
                List.of(new TopK(40), new RepetitionPenalty(1.0), new TopP(0.95), new MinP(0.05), new Temperature(0.8)),
                new RandomPicker(1));
        List<Variant> variants = List.of(
                new Variant(TEMPERATURE + EVERYTHING, temperature, true),
                new Variant(LLAMA + EVERYTHING, llama, true),
                new Variant(TEMPERATURE + ", only the tokens", temperature, false),
                new Variant(LLAMA + ", only the tokens", llama, false),
                new Variant(
                        LLAMA + " on the whole vocabulary (no top-k shortcut)" + EVERYTHING, wholeVocabulary, true));
        log.println("generation beside the model step (" + tokens + " tokens, " + variants.size() + " chains) ...");
        TimedModel timed = new TimedModel(model);
        Generator generator = new Generator(timed);
        double[][] shares = new double[variants.size()][scale.runs()];
        double[][] outside = new double[variants.size()][scale.runs()];
        for (int run = -1; run < scale.runs(); run++) {
            for (int v = 0; v < variants.size(); v++) {
                Variant variant = variants.get(v);
                GenerationSettings settings = GenerationSettings.of(tokens);
                if (!variant.recordEverything()) {
                    settings = settings.withAlternatives(0).withRawProbabilities(false);
                }
                // Each generation is paired with a model-only run right beside it, first on even runs and second
                // on odd ones, so neither a drift in the machine's load nor the order favours one side.
                boolean modelFirst = run % 2 == 0;
                double modelPerToken = modelFirst ? Decoding.tokens(model, tokens) / tokens : 0;
                timed.takeNanos();
                long start = System.nanoTime();
                int written = generator
                        .generate("The", variant.chain(), settings)
                        .sample()
                        .tokenIds()
                        .length;
                double total = (System.nanoTime() - start) / 1e9;
                double inside = timed.takeNanos() / 1e9;
                if (!modelFirst) {
                    modelPerToken = Decoding.tokens(model, tokens) / tokens;
                }
                if (run >= 0) {
                    shares[v][run] = 100 * modelPerToken / (total / written);
                    outside[v][run] = 1e3 * (total - inside) / written;
                }
            }
        }
        for (int v = 0; v < variants.size(); v++) {
            figures.add(Figure.of(SHARE + variants.get(v).name(), "%", shares[v]));
        }
        for (int v = 0; v < variants.size(); v++) {
            figures.add(Figure.of(
                    "time per token outside the model, " + variants.get(v).name(), "ms", outside[v]));
        }
    }
}
