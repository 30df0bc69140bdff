package tempered.bench;

import java.io.PrintStream;
import java.util.List;
import tempered.model.OnnxModel;
import tempered.model.OnnxWeights;

/**
 * Models of two families side by side, in the same runs: GPT-2 (124M parameters, 12 layers) and SmolLM2-135M (a
 * Llama: 30 narrower layers, 3 key/value heads shared by 9 query heads, 49,152 tokens), each in the precisions it
 * comes in, decoding token by token and processing a prompt, as the model step alone.
 *
 * <p>Each run goes through every model once, in an order that turns by one model each run, so no model always runs
 * first or after the same neighbour; each model's ratio to the first (GPT-2 in float32) is taken within a run, before
 * the median, so a change in the machine's load falls on both sides of it. Then {@link #bounds} sets each model's
 * decoding against its own bandwidth bound, from the weight bytes its file says a step reads.
 */
final class FamilySpeed {
    static final String PREFIX = "side by side, ";

    /** A model and what the figures call it ({@code GPT-2 float32}, {@code SmolLM2 4-bit}). */
    record Entry(String label, OnnxModel model) {}

    private FamilySpeed() {}

    static String decode(String label) {
        return PREFIX + label + " decoding";
    }

    static void measure(List<Entry> models, Scale scale, Measurements figures, PrintStream log) {
        int count = models.size();
        log.println("models side by side: decoding " + scale.decodeSteps() + " tokens and prompts of "
                + scale.promptTokens() + ", " + count + " models in each run ...");
        int[][] prompts = new int[count][];
        for (int i = 0; i < count; i++) {
            prompts[i] = Decoding.randomTokens(models.get(i).model(), scale.promptTokens(), 1);
        }
        double[][] decode = new double[count][scale.runs()];
        double[][] prompt = new double[count][scale.runs()];
        double[][] ratio = new double[count][scale.runs()];
        for (int run = -1; run < scale.runs(); run++) {
            double[] seconds = new double[count];
            double[] promptSeconds = new double[count];
            for (int k = 0; k < count; k++) {
                int i = Math.floorMod(k + run, count);
                OnnxModel model = models.get(i).model();
                seconds[i] = Decoding.sum(Decoding.steps(model, 1, scale.decodeSteps()));
                promptSeconds[i] = Decoding.prompt(model, prompts[i]);
            }
            if (run >= 0) {
                for (int i = 0; i < count; i++) {
                    decode[i][run] = scale.decodeSteps() / seconds[i];
                    prompt[i][run] = scale.promptTokens() / promptSeconds[i];
                    ratio[i][run] = seconds[0] / seconds[i];
                }
            }
        }
        for (int i = 0; i < count; i++) {
            String label = models.get(i).label();
            figures.add(
                    Figure.of(decode(label) + ", batch 1, " + scale.decodeSteps() + " tokens", "tokens/s", decode[i]));
            figures.add(Figure.of(
                    PREFIX + label + " prompt processing, " + scale.promptTokens() + " tokens", "tokens/s", prompt[i]));
            if (i > 0) {
                figures.add(Figure.of(
                        PREFIX + label + " decoding / " + models.get(0).label() + " beside it", "x", ratio[i]));
            }
        }
    }

    /**
     * Each model's weight bytes read per token ({@link OnnxWeights#bytesReadPerToken}), its bound (the bandwidth over
     * those bytes) and, when the bound is stable and the model's decoding was measured, that decoding as a share of
     * its bound.
     */
    static void bounds(List<Entry> models, BandwidthBound bound, Measurements figures) {
        for (Entry entry : models) {
            String label = entry.label();
            double bytes = OnnxWeights.read(entry.model().info().file()).bytesReadPerToken();
            double limit = bound.tokensPerSecond(bytes);
            figures.add(Figure.exact(label + ": weights read per token", "MB", bytes / 1e6));
            figures.add(Figure.exact(label + ": bandwidth bound", "tokens/s", limit));
            if (bound.stable()) {
                // The batch-1 figure, not the ratio to the first model that follows it.
                figures.find(decode(label) + ", batch 1,")
                        .ifPresent(decode -> figures.add(Figure.exact(
                                label + ": decoding as a share of its bound", "%", 100 * decode.value() / limit)));
            }
        }
    }
}
