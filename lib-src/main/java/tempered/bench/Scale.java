package tempered.bench;

/**
 * How much the benchmark measures: the full run that checks the targets on a GPT-2-sized model, or a quick
 * one that only goes through every measurement once, on any model, to show that each works.
 *
 * @param runs runs per measurement (each figure is their median)
 * @param promptTokens the prompt processed in one pass
 * @param decodeSteps tokens decoded one at a time with the cache
 * @param positions positions whose time per token is reported, with and without the cache
 * @param batches batch sizes compared with batch 1
 * @param batchSteps tokens decoded per batch run
 * @param memorySteps decoding steps over which resident memory must stay flat
 * @param probeMegabytes memory each bandwidth probe reads
 * @param generateTokens tokens the command line writes when a learner's waits are timed
 * @param quick true for the quick run, whose figures are not checked against the targets
 */
public record Scale(
        int runs,
        int promptTokens,
        int decodeSteps,
        int[] positions,
        int[] batches,
        int batchSteps,
        int memorySteps,
        int probeMegabytes,
        int generateTokens,
        boolean quick) {

    public Scale {
        if (runs < 1) {
            throw new IllegalArgumentException("runs=" + runs + " must be at least 1");
        }
        positions = positions.clone();
        batches = batches.clone();
    }

    /** Every target's measurement, each the median of {@code runs} runs. */
    public static Scale full(int runs) {
        return new Scale(runs, 128, 256, new int[] {1, 64, 128, 256}, new int[] {8, 32}, 32, 1000, 512, 200, false);
    }

    /** One short run of everything, for any model with 32 positions or more. */
    public static Scale quickRun() {
        return new Scale(1, 16, 24, new int[] {1, 8, 16, 24}, new int[] {2, 4}, 4, 40, 16, 8, true);
    }

    /** The positions a model must see for this scale. */
    public int contextNeeded() {
        return Math.max(decodeSteps, promptTokens) + 4;
    }

    @Override
    public int[] positions() {
        return positions.clone();
    }

    @Override
    public int[] batches() {
        return batches.clone();
    }
}
