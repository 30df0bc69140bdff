package tempered.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import tempered.math.Logits;
import tempered.model.Gpt2Model;
import tempered.model.KvCache;
import tempered.model.ModelInfo;
import tempered.sampling.SamplerChain;
import tempered.sampling.SamplerSettings;

/**
 * Measures GPT-2 generation against the machine's memory bandwidth: the bound, prompt processing, cached and
 * uncached decoding, batches, the cost of one sampling step, and memory. Every figure is a median of runs.
 *
 * <p>Decoding steps feed the likeliest token back (no sampling), so they time the model alone; sampling is
 * timed on its own. It leaves out the first run of each measurement, which warms up ONNX Runtime and the JIT.
 */
public final class Benchmark {
    private final Gpt2Model model;
    private final int runs;
    private final PrintStream log;

    public Benchmark(Gpt2Model model, int runs, PrintStream log) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs=" + runs + " must be at least 1");
        }
        if (model.info().contextLength() < 260) {
            throw new IllegalArgumentException("the benchmark decodes up to position 256, but this model sees only "
                    + model.info().contextLength() + " positions; use GPT-2 or a model with at least 260");
        }
        this.model = model;
        this.runs = runs;
        this.log = log;
    }

    /** The figures, labelled, in the order the report prints them. */
    public Map<String, Double> run() {
        Map<String, Double> figures = new LinkedHashMap<>();
        ModelInfo info = model.info();
        int cores = Runtime.getRuntime().availableProcessors();

        // First, before the 512 MB bandwidth array and the large batches raise the baseline.
        log.println("memory over 1,000 steps ...");
        long afterTen = -1;
        long afterThousand;
        // One sequence as long as those measured, first, so that ONNX Runtime's buffers have grown to their size.
        decode(1, 104);
        int done = 0;
        while (done < 1000) {
            try (KvCache cache = model.newCache(1)) {
                float[] next = cache.append(randomTokens(4, done));
                for (int i = 0; i < 100 && done < 1000; i++, done++) {
                    next = cache.append(Logits.argmax(next));
                    if (done == 10) {
                        afterTen = Memory.resident();
                    }
                }
            }
        }
        afterThousand = Memory.resident();
        double residentTen = afterTen / 1e6;
        double residentThousand = afterThousand / 1e6;
        log.println("measuring memory bandwidth ...");
        double bandwidth = Bandwidth.measure(512, Math.max(3, runs), cores);
        double bytesPerToken = info.weightBytesPerToken();
        figures.put("bandwidth GB/s", bandwidth / 1e9);
        figures.put("weights read per token MB", bytesPerToken / 1e6);
        figures.put("bound tokens/s", bandwidth / bytesPerToken);

        log.println("prompt processing (128 tokens) ...");
        int[] prompt = randomTokens(128, 1);
        double[] promptSeconds = new double[runs];
        timeRuns(promptSeconds, () -> {
            try (KvCache cache = model.newCache(1)) {
                cache.append(prompt);
            }
        });
        figures.put("prompt tokens/s", 128 / Stats.median(promptSeconds));

        log.println("decoding 256 tokens with the cache ...");
        int steps = 256;
        double[][] stepSeconds = new double[runs][];
        double[] decodeSeconds = new double[runs];
        for (int run = -1; run < runs; run++) {
            double[] times = decode(1, steps);
            if (run >= 0) {
                stepSeconds[run] = times;
                decodeSeconds[run] = Arrays.stream(times).sum();
            }
        }
        figures.put("decode tokens/s", steps / Stats.median(decodeSeconds));
        figures.put("decode share of bound %", 100 * (steps / Stats.median(decodeSeconds)) / (bandwidth / bytesPerToken));
        for (int position : new int[] {1, 64, 128, 256}) {
            if (position <= steps) {
                figures.put("ms per token at " + position, 1e3 * medianAround(stepSeconds, position - 1));
            }
        }

        log.println("decoding without the cache (the whole sequence each step) ...");
        for (int position : new int[] {1, 64, 128, 256}) {
            if (position <= info.contextLength()) {
                int[] sequence = randomTokens(position, 2);
                double[] seconds = new double[runs];
                timeRuns(seconds, () -> model.nextLogits(sequence));
                figures.put("no cache ms per token at " + position, 1e3 * Stats.median(seconds));
            }
        }

        for (int batch : new int[] {8, 32}) {
            log.println("decoding in a batch of " + batch + " ...");
            double[] seconds = new double[runs];
            int batchSteps = 32;
            for (int run = -1; run < runs; run++) {
                double total = Arrays.stream(decode(batch, batchSteps)).sum();
                if (run >= 0) {
                    seconds[run] = total;
                }
            }
            figures.put("batch " + batch + " tokens/s", batch * batchSteps / Stats.median(seconds));
        }
        figures.put("batch 32 / batch 1 throughput", figures.get("batch 32 tokens/s") / figures.get("decode tokens/s"));

        log.println("one sampling step over " + info.vocabulary() + " logits ...");
        float[] logits = model.nextLogits(randomTokens(16, 3));
        figures.put("sampling us (temperature)", 1e6 * samplingSeconds(SamplerChain.builder().temperature(0.8).random(1), logits));
        figures.put("sampling us (llama.cpp defaults)", 1e6 * samplingSeconds(
                SamplerSettings.of(0.8).withTopK(40).withTopP(0.95).withMinP(0.05).withSeed(1).temperatureLast(), logits));
        figures.put("sampling us (top-p 0.9 alone)", 1e6 * samplingSeconds(SamplerChain.builder().temperature(0.8).topP(0.9).random(1), logits));
        figures.put("sampling share of a step %", 100 * figures.get("sampling us (llama.cpp defaults)") / 1e3 / figures.get("ms per token at 1"));

        figures.put("resident MB after 10 steps", residentTen);
        figures.put("resident MB after 1,000 steps", residentThousand);
        figures.put("peak resident MB", Memory.peak() / 1e6);
        return figures;
    }

    /** Seconds per step for {@code steps} greedy steps of {@code batch} sequences after a one-token prompt. */
    private double[] decode(int batch, int steps) {
        double[] seconds = new double[steps];
        try (KvCache cache = model.newCache(batch)) {
            int[][] rows = new int[batch][1];
            for (int row = 0; row < batch; row++) {
                rows[row][0] = 464 + row;
            }
            float[][] logits = cache.append(rows);
            for (int step = 0; step < steps; step++) {
                int[][] next = new int[batch][1];
                for (int row = 0; row < batch; row++) {
                    next[row][0] = Logits.argmax(logits[row]);
                }
                long start = System.nanoTime();
                logits = cache.append(next);
                seconds[step] = (System.nanoTime() - start) / 1e9;
            }
        }
        return seconds;
    }

    private double samplingSeconds(SamplerChain chain, float[] logits) {
        int[] history = randomTokens(64, 4);
        for (int i = 0; i < 300; i++) {
            chain.next(logits, history);
        }
        double[] seconds = new double[1000];
        for (int i = 0; i < seconds.length; i++) {
            long start = System.nanoTime();
            chain.next(logits, history);
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        return Stats.median(seconds);
    }

    /** The median over runs of the step times within two positions of {@code index}. */
    private static double medianAround(double[][] runs, int index) {
        double[] values = Arrays.stream(runs)
                .flatMapToDouble(times -> Arrays.stream(times, Math.max(0, index - 2), Math.min(times.length, index + 3)))
                .toArray();
        return Stats.median(values);
    }

    private void timeRuns(double[] seconds, Runnable work) {
        work.run();
        for (int run = 0; run < seconds.length; run++) {
            long start = System.nanoTime();
            work.run();
            seconds[run] = (System.nanoTime() - start) / 1e9;
        }
    }

    private static int[] randomTokens(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] tokens = new int[count];
        for (int i = 0; i < count; i++) {
            tokens[i] = random.nextInt(50_000);
        }
        return tokens;
    }

    /** The figures as aligned lines. */
    public static String format(Map<String, Double> figures) {
        StringBuilder out = new StringBuilder();
        figures.forEach((label, value) -> out.append(String.format(Locale.ROOT, "  %-36s %12.2f%n", label, value)));
        return out.toString();
    }
}
