package tempered.bench;

import java.io.PrintStream;
import java.util.Arrays;
import tempered.math.Logits;
import tempered.model.KvCache;
import tempered.model.OnnxModel;

/**
 * The model step alone: prompt processing, cached decoding and the time per token as the sequence grows,
 * decoding without the cache, batches, and resident memory over many steps.
 */
final class ModelSpeed {
    static final String PROMPT = "prompt processing, batch 1";
    static final String DECODE = "decoding with the cache, batch 1";
    static final String MEMORY_EARLY = "resident memory after step 10";
    static final String MEMORY_LATE = "resident memory after the last of";

    private ModelSpeed() {}

    static String perToken(int position) {
        return "ms per token at position " + position;
    }

    static String perTokenUncached(int position) {
        return "without the cache, ms per token at position " + position;
    }

    static String batch(int size) {
        return "decoding in a batch of " + size;
    }

    static void measure(OnnxModel model, Scale scale, Measurements figures, PrintStream log) {
        log.println("prompt processing (" + scale.promptTokens() + " tokens) ...");
        int[] prompt = Decoding.randomTokens(model, scale.promptTokens(), 1);
        Decoding.prompt(model, prompt);
        double[] promptRates = new double[scale.runs()];
        for (int run = 0; run < scale.runs(); run++) {
            promptRates[run] = scale.promptTokens() / Decoding.prompt(model, prompt);
        }
        figures.add(Figure.of(PROMPT + ", " + scale.promptTokens() + " tokens", "tokens/s", promptRates));

        log.println("decoding " + scale.decodeSteps() + " tokens with the cache ...");
        double[][] stepSeconds = new double[scale.runs()][];
        double[] decodeRates = new double[scale.runs()];
        for (int run = -1; run < scale.runs(); run++) {
            double[] times = Decoding.steps(model, 1, scale.decodeSteps());
            if (run >= 0) {
                stepSeconds[run] = times;
                decodeRates[run] = scale.decodeSteps() / Decoding.sum(times);
            }
        }
        // Each position's median over the runs, summed: a burst of load elsewhere on the machine slows some steps of
        // some runs, and is left out; the range is that of the whole runs.
        double typical = 0;
        for (int step = 0; step < scale.decodeSteps(); step++) {
            int position = step;
            typical += Stats.median(Arrays.stream(stepSeconds)
                    .mapToDouble(times -> times[position])
                    .toArray());
        }
        figures.add(new Figure(
                DECODE + ", " + scale.decodeSteps() + " tokens",
                scale.decodeSteps() / typical,
                Stats.min(decodeRates),
                Stats.max(decodeRates),
                "tokens/s"));
        for (int position : scale.positions()) {
            figures.add(Figure.of(perToken(position), "ms", around(stepSeconds, position - 1)));
        }

        log.println("decoding without the cache (the whole sequence each step) ...");
        for (int position : scale.positions()) {
            int[] sequence = Decoding.randomTokens(model, position, 2);
            model.nextLogits(sequence);
            double[] milliseconds = new double[scale.runs()];
            for (int run = 0; run < scale.runs(); run++) {
                long start = System.nanoTime();
                model.nextLogits(sequence);
                milliseconds[run] = (System.nanoTime() - start) / 1e6;
            }
            figures.add(Figure.of(perTokenUncached(position), "ms", milliseconds));
        }

        for (int batch : scale.batches()) {
            log.println("decoding in a batch of " + batch + " ...");
            double[] rates = new double[scale.runs()];
            for (int run = -1; run < scale.runs(); run++) {
                double seconds = Decoding.sum(Decoding.steps(model, batch, scale.batchSteps()));
                if (run >= 0) {
                    rates[run] = batch * scale.batchSteps() / seconds;
                }
            }
            figures.add(Figure.of(batch(batch) + ", " + scale.batchSteps() + " steps", "tokens/s", rates));
        }
    }

    /** Resident memory over many cached steps; measure it first, before the probes' large arrays raise the baseline. */
    static void memory(OnnxModel model, Scale scale, Measurements figures, PrintStream log) {
        log.println("resident memory over " + scale.memorySteps() + " steps ...");
        // One sequence as long as those measured, first, so that ONNX Runtime's buffers have grown to their size.
        Decoding.steps(model, 1, Math.min(104, scale.memorySteps()));
        long afterTen = -1;
        int done = 0;
        while (done < scale.memorySteps()) {
            try (KvCache cache = model.newCache(1)) {
                float[] next = cache.append(Decoding.randomTokens(model, 4, done));
                for (int i = 0; i < 100 && done < scale.memorySteps(); i++, done++) {
                    next = cache.append(Logits.argmax(next));
                    if (done == 10) {
                        afterTen = Memory.resident();
                    }
                }
            }
        }
        long last = Memory.resident();
        if (afterTen < 0 || last < 0) {
            figures.note("resident memory is read from /proc, which this system does not have; not measured");
            return;
        }
        figures.add(Figure.exact(MEMORY_EARLY, "MB", afterTen / 1e6));
        figures.add(Figure.exact(MEMORY_LATE + " " + scale.memorySteps() + " steps", "MB", last / 1e6));
    }

    /** The step times within two positions of {@code index}, over every run. */
    private static double[] around(double[][] runs, int index) {
        return Arrays.stream(runs)
                .flatMapToDouble(
                        times -> Arrays.stream(times, Math.max(0, index - 2), Math.min(times.length, index + 3)))
                .map(seconds -> seconds * 1e3)
                .toArray();
    }
}
