package tempered.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tempered.model.OnnxEnvironment;
import tempered.model.synthetic.OnnxGraph;

/**
 * The machine's memory read bandwidth, measured three ways, because one way alone swings from run to run on a
 * shared machine: a Java sum over a large array on every core and on one core, and ONNX Runtime multiplying a
 * vector by a large matrix (what batch-1 decoding does for every weight) on every core.
 *
 * <p>Each probe reads at least as much memory as one float32 decoding step (512 MB against GPT-2 small's 495 MB),
 * so a cache cannot help it more than it helps decoding: a large last-level cache can hold a smaller probe, which
 * then reads faster than memory (the README's Performance section gives the run that showed it). Each probe leaves
 * out its first run (which warms up the JIT and the pages) and reports every further
 * run. It leaves out writes: decoding reads its weights and writes little.
 */
public final class Bandwidth {
    private Bandwidth() {}

    /** One way of reading memory and what each of its runs measured, in bytes per second. */
    public record Probe(String name, double[] rates) {
        public Probe {
            rates = rates.clone();
        }

        public double median() {
            return Stats.median(rates);
        }

        /** The figure in GB/s, labelled with when it was taken. */
        public Figure figure(String when) {
            double[] gigabytes = new double[rates.length];
            for (int i = 0; i < rates.length; i++) {
                gigabytes[i] = rates[i] / 1e9;
            }
            return Figure.of("bandwidth " + when + ", " + name, "GB/s", gigabytes);
        }
    }

    /** Every probe, {@code runs} runs each, over {@code megabytes} of memory, from 1 to 1,024. */
    public static List<Probe> measure(int megabytes, int runs) {
        if (megabytes < 1 || megabytes > 1024) {
            throw new IllegalArgumentException("a probe of " + megabytes
                    + " MB: give 1 to 1,024 (an ONNX model, the matrix probe's, holds less than 2 GB)");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        List<Probe> probes = new ArrayList<>();
        long[] data = new long[megabytes * (1 << 20) / Long.BYTES];
        for (int i = 0; i < data.length; i++) {
            data[i] = i;
        }
        probes.add(new Probe("Java sum, " + cores + " threads", javaSum(data, runs, cores)));
        probes.add(new Probe("Java sum, 1 thread", javaSum(data, runs, 1)));
        probes.add(new Probe(
                "ONNX Runtime matrix-vector product, " + cores + " threads", matrixVector(megabytes, runs, cores)));
        return probes;
    }

    private static double[] javaSum(long[] data, int runs, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            double[] rates = new double[runs];
            long sink = 0;
            for (int run = -1; run < runs; run++) {
                List<Callable<Long>> parts = new ArrayList<>();
                int chunk = data.length / threads;
                for (int t = 0; t < threads; t++) {
                    int from = t * chunk;
                    int to = t == threads - 1 ? data.length : from + chunk;
                    parts.add(() -> sum(data, from, to));
                }
                long start = System.nanoTime();
                for (Future<Long> part : pool.invokeAll(parts)) {
                    sink += part.get();
                }
                if (run >= 0) {
                    rates[run] = (double) data.length * Long.BYTES / ((System.nanoTime() - start) / 1e9);
                }
            }
            if (sink == 42) {
                // Keeps the sums alive, so the JIT cannot drop the reads.
                System.out.print("");
            }
            return rates;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the bandwidth", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not measure the bandwidth: " + e.getCause(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Four independent sums, so the loop is bound by memory rather than by one chain of additions. */
    private static long sum(long[] data, int from, int to) {
        long a = 0;
        long b = 0;
        long c = 0;
        long d = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            a += data[i];
            b += data[i + 1];
            c += data[i + 2];
            d += data[i + 3];
        }
        for (; i < to; i++) {
            a += data[i];
        }
        return a + b + c + d;
    }

    /** A 1 x 4,096 vector times a 4,096-row float matrix of {@code megabytes}, as a decoding step multiplies. */
    private static double[] matrixVector(int megabytes, int runs, int threads) {
        int rows = 4096;
        int columns = megabytes * (1 << 20) / Float.BYTES / rows;
        SplittableRandom random = new SplittableRandom(1);
        float[] weights = new float[rows * columns];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) random.nextGaussian();
        }
        OnnxGraph graph = new OnnxGraph("probe");
        graph.input("x", OnnxGraph.ElementType.FLOAT, 1, rows);
        graph.opTo(
                "MatMul", OnnxGraph.attributes(), new String[] {"y"}, "x", graph.floats("w", weights, rows, columns));
        graph.output("y", OnnxGraph.ElementType.FLOAT, 1, columns);
        byte[] model = graph.model(17);
        float[] vector = new float[rows];
        for (int i = 0; i < rows; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        OrtEnvironment environment = OnnxEnvironment.get();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            try (OrtSession session = environment.createSession(model, options);
                    OnnxTensor x =
                            OnnxTensor.createTensor(environment, FloatBuffer.wrap(vector), new long[] {1, rows})) {
                double[] rates = new double[runs];
                for (int run = -1; run < runs; run++) {
                    long start = System.nanoTime();
                    // The output is closed at once: only the time the run took counts.
                    session.run(Map.of("x", x)).close();
                    if (run >= 0) {
                        rates[run] = (double) weights.length * Float.BYTES / ((System.nanoTime() - start) / 1e9);
                    }
                }
                return rates;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not run the bandwidth probe: " + e.getMessage(), e);
        }
    }
}
