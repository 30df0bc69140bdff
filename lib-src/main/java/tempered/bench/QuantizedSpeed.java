package tempered.bench;

import java.io.PrintStream;
import java.util.List;
import tempered.math.Distribution;
import tempered.model.KvCache;
import tempered.model.OnnxModel;

/**
 * The int8 model beside the float32 one it was quantized from, in the same run: decoding and prompt speed (runs
 * alternate between the two, and each run's ratio is taken before the median), and how far its next-token
 * probabilities are from float32's.
 *
 * <p>The distance is measured on texts fed token by token through both models' caches: at every position, whether
 * both put the same token first, and the largest difference between the two probabilities of any token. It is
 * measured on whatever models the benchmark runs; on the synthetic ones it says how much int8 rounding moves a
 * GPT-2-shaped model's distributions, not how much it moves GPT-2's own, which needs the real weights.
 */
final class QuantizedSpeed {
    static final String DECODE = "int8 decoding, batch 1";
    static final String DECODE_RATIO = "int8 decoding / float32 decoding";
    static final String PROMPT_RATIO = "int8 prompt processing / float32";
    static final String TOP1 = "int8 and float32 agree on the likeliest token";
    static final String LARGEST = "int8's largest probability difference from float32";

    /** Texts of the kind the notebooks use, token by token. */
    private static final List<String> TEXTS = List.of(
            "The cat slept on the warm windowsill all afternoon, and nobody dared to wake her.",
            "In 1969 the first people walked on the Moon, and millions watched it on television.",
            "To make bread you need flour, water, salt and yeast, and a little patience.",
            "The function returns the index of the largest value in the array, or -1 when it is empty.");

    private QuantizedSpeed() {}

    static void measure(OnnxModel float32, OnnxModel int8, Scale scale, Measurements figures, PrintStream log) {
        log.println("int8 beside float32: decoding " + scale.decodeSteps() + " tokens, prompts of "
                + scale.promptTokens() + " ...");
        int[] prompt = Decoding.randomTokens(float32, scale.promptTokens(), 1);
        double[] decodeFloat = new double[scale.runs()];
        double[] decodeInt8 = new double[scale.runs()];
        double[] decodeRatio = new double[scale.runs()];
        double[] promptInt8 = new double[scale.runs()];
        double[] promptRatio = new double[scale.runs()];
        for (int run = -1; run < scale.runs(); run++) {
            double floatSeconds = Decoding.sum(Decoding.steps(float32, 1, scale.decodeSteps()));
            double int8Seconds = Decoding.sum(Decoding.steps(int8, 1, scale.decodeSteps()));
            double floatPrompt = Decoding.prompt(float32, prompt);
            double int8Prompt = Decoding.prompt(int8, prompt);
            if (run >= 0) {
                decodeFloat[run] = scale.decodeSteps() / floatSeconds;
                decodeInt8[run] = scale.decodeSteps() / int8Seconds;
                decodeRatio[run] = floatSeconds / int8Seconds;
                promptInt8[run] = scale.promptTokens() / int8Prompt;
                promptRatio[run] = floatPrompt / int8Prompt;
            }
        }
        figures.add(Figure.of(DECODE + ", " + scale.decodeSteps() + " tokens", "tokens/s", decodeInt8));
        figures.add(Figure.of("float32 decoding beside it", "tokens/s", decodeFloat));
        figures.add(Figure.of(DECODE_RATIO, "x", decodeRatio));
        figures.add(Figure.of("int8 prompt processing, " + scale.promptTokens() + " tokens", "tokens/s", promptInt8));
        figures.add(Figure.of(PROMPT_RATIO, "x", promptRatio));
        distance(float32, int8, scale, figures);
    }

    private static void distance(OnnxModel float32, OnnxModel int8, Scale scale, Measurements figures) {
        int positions = 0;
        int agree = 0;
        double largest = 0;
        for (String text : scale.quick() ? TEXTS.subList(0, 1) : TEXTS) {
            int[] ids = float32.tokenizer().encode(text);
            try (KvCache a = float32.newCache(1);
                    KvCache b = int8.newCache(1)) {
                for (int id : ids) {
                    Distribution expected = Distribution.of(a.append(id), 1.0);
                    Distribution actual = Distribution.of(b.append(id), 1.0);
                    positions++;
                    agree += expected.argmax() == actual.argmax() ? 1 : 0;
                    for (int token = 0; token < expected.size(); token++) {
                        largest = Math.max(largest, Math.abs(expected.prob(token) - actual.prob(token)));
                    }
                }
            }
        }
        figures.add(Figure.exact(TOP1 + " (" + positions + " positions)", "%", 100.0 * agree / positions));
        figures.add(Figure.exact(LARGEST, "", largest));
    }
}
