package tempered.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tempered.math.Distribution;
import tempered.math.Logits;

/**
 * Top-n-sigma, typical-p, XTC, mirostat v2 and DRY against llama.cpp's own code.
 *
 * <p>The figures below were printed by a small C++ program linked against llama.cpp's {@code src/llama-sampler.cpp}
 * (the llama.cpp source bundled in the npm package node-llama-cpp 3.22.1, tag v0.5.0), never committed: for each
 * logit vector, the sampler alone, then llama.cpp's {@code dist} sampler, whose probabilities are printed by token
 * id (0 for a token removed). XTC ran with probability 1, so it always acts; DRY accepted the history's tokens
 * first (llama.cpp's testing constructor, with token-id breakers). For mirostat v2 the program read mu
 * before and after each step; its draws come from llama.cpp's generator, so the test accepts the token llama.cpp
 * drew and checks the cut and mu step by step. llama.cpp computes in float: figures agree to 1e-6.
 */
class LlamaCppSamplersTest {
    private static final String LLAMA_CPP = """
            == vector 0: -2.30258512 -1.60943794 -1.20397282 -0.9162907
            top-n-sigma(0.5): 0.000000000 0.000000000 0.000000000 1.000000000
            top-n-sigma(1): 0.000000000 0.000000000 0.428571403 0.571428597
            top-n-sigma(1.5): 0.000000000 0.222222224 0.333333313 0.444444448
            top-n-sigma(2): 0.000000000 0.222222224 0.333333313 0.444444448
            top-n-sigma(3): 0.100000001 0.199999988 0.299999982 0.400000006
            typical(0.2): 0.000000000 0.000000000 1.000000000 0.000000000
            typical(0.5): 0.000000000 0.222222224 0.333333313 0.444444448
            typical(0.8): 0.000000000 0.222222224 0.333333313 0.444444448
            typical(0.95): 0.100000001 0.199999988 0.299999982 0.400000006
            xtc(p=1, t=0.05): 1.000000000 0.000000000 0.000000000 0.000000000
            xtc(p=1, t=0.1): 1.000000000 0.000000000 0.000000000 0.000000000
            xtc(p=1, t=0.2): 0.166666657 0.333333313 0.500000000 0.000000000
            xtc(p=1, t=0.3): 0.100000001 0.199999988 0.299999982 0.400000006
            == vector 1: 3 2 1 0 -1
            top-n-sigma(0.5): 1.000000000 0.000000000 0.000000000 0.000000000 0.000000000
            top-n-sigma(1): 0.731058598 0.268941432 0.000000000 0.000000000 0.000000000
            top-n-sigma(1.5): 0.665240943 0.244728476 0.090030573 0.000000000 0.000000000
            top-n-sigma(2): 0.665240943 0.244728476 0.090030573 0.000000000 0.000000000
            top-n-sigma(3): 0.636408627 0.234121665 0.086128540 0.031684920 0.011656231
            typical(0.2): 0.000000000 1.000000000 0.000000000 0.000000000 0.000000000
            typical(0.5): 0.731058598 0.268941432 0.000000000 0.000000000 0.000000000
            typical(0.8): 0.731058598 0.268941432 0.000000000 0.000000000 0.000000000
            typical(0.95): 0.665240943 0.244728476 0.090030573 0.000000000 0.000000000
            xtc(p=1, t=0.05): 0.000000000 0.000000000 0.665240943 0.244728476 0.090030573
            xtc(p=1, t=0.1): 0.000000000 0.643914282 0.236882821 0.087144315 0.032058600
            xtc(p=1, t=0.2): 0.000000000 0.643914282 0.236882821 0.087144315 0.032058600
            xtc(p=1, t=0.3): 0.636408627 0.234121665 0.086128540 0.031684920 0.011656231
            == vector 2: 2 4 3 -1 0.5 3.5
            top-n-sigma(0.5): 0.000000000 0.622459352 0.000000000 0.000000000 0.000000000 0.377540678
            top-n-sigma(1): 0.000000000 0.506480396 0.186323732 0.000000000 0.000000000 0.307195872
            top-n-sigma(1.5): 0.064147681 0.473990858 0.174371496 0.000000000 0.000000000 0.287489980
            top-n-sigma(2): 0.063242480 0.467302203 0.171910882 0.000000000 0.014111305 0.283433110
            top-n-sigma(3): 0.063043974 0.465835452 0.171371296 0.003138775 0.014067012 0.282543480
            typical(0.2): 0.000000000 0.000000000 0.000000000 0.000000000 0.000000000 1.000000000
            typical(0.5): 0.000000000 0.506480396 0.186323732 0.000000000 0.000000000 0.307195872
            typical(0.8): 0.000000000 0.506480396 0.186323732 0.000000000 0.000000000 0.307195872
            typical(0.95): 0.064147681 0.473990858 0.174371496 0.000000000 0.000000000 0.287489980
            xtc(p=1, t=0.05): 0.785597026 0.000000000 0.000000000 0.039112572 0.175290391 0.000000000
            xtc(p=1, t=0.1): 0.250551283 0.000000000 0.681068957 0.012474214 0.055905543 0.000000000
            xtc(p=1, t=0.2): 0.118023515 0.000000000 0.320821166 0.005876044 0.026334604 0.528944671
            xtc(p=1, t=0.3): 0.063043974 0.465835452 0.171371296 0.003138775 0.014067012 0.282543480
            == vector 3: -49.8199997 -46.4000015 -45.25 -47.2999992 -48.3199997
            top-n-sigma(0.5): 0.000000000 0.000000000 1.000000000 0.000000000 0.000000000
            top-n-sigma(1): 0.000000000 0.240488812 0.759511173 0.000000000 0.000000000
            top-n-sigma(1.5): 0.000000000 0.219069168 0.691863716 0.089067087 0.000000000
            top-n-sigma(2): 0.000000000 0.212252244 0.670334518 0.086295523 0.031117713
            top-n-sigma(3): 0.006895423 0.210788667 0.665712297 0.085700475 0.030903144
            typical(0.2): 0.000000000 0.000000000 1.000000000 0.000000000 0.000000000
            typical(0.5): 0.000000000 0.000000000 1.000000000 0.000000000 0.000000000
            typical(0.8): 0.000000000 0.240488812 0.759511173 0.000000000 0.000000000
            typical(0.95): 0.000000000 0.219069168 0.691863716 0.089067087 0.000000000
            xtc(p=1, t=0.05): 0.055833824 0.000000000 0.000000000 0.693936348 0.250229836
            xtc(p=1, t=0.1): 0.020627210 0.630560637 0.000000000 0.256367415 0.092444748
            xtc(p=1, t=0.2): 0.020627210 0.630560637 0.000000000 0.256367415 0.092444748
            xtc(p=1, t=0.3): 0.006895423 0.210788667 0.665712297 0.085700475 0.030903144
            == vector 4: -0.9162907 -1.60943794 -1.60943794 -1.60943794
            top-n-sigma(0.5): 1.000000000 0.000000000 0.000000000 0.000000000
            top-n-sigma(1): 1.000000000 0.000000000 0.000000000 0.000000000
            top-n-sigma(1.5): 1.000000000 0.000000000 0.000000000 0.000000000
            top-n-sigma(2): 1.000000000 0.000000000 0.000000000 0.000000000
            top-n-sigma(3): 0.400000006 0.199999988 0.199999988 0.199999988
            typical(0.2): 0.000000000 0.500000000 0.000000000 0.500000000
            typical(0.5): 0.000000000 0.333333343 0.333333343 0.333333343
            typical(0.8): 0.400000006 0.199999988 0.199999988 0.199999988
            typical(0.95): 0.400000006 0.199999988 0.199999988 0.199999988
            xtc(p=1, t=0.05): 0.000000000 0.000000000 1.000000000 0.000000000
            xtc(p=1, t=0.1): 0.000000000 0.000000000 1.000000000 0.000000000
            xtc(p=1, t=0.2): 0.400000006 0.199999988 0.199999988 0.199999988
            xtc(p=1, t=0.3): 0.400000006 0.199999988 0.199999988 0.199999988
            == vector 5: -0.0304591786 -4.60517025 -4.60517025 -4.60517025
            top-n-sigma(0.5): 1.000000000 0.000000000 0.000000000 0.000000000
            top-n-sigma(1): 1.000000000 0.000000000 0.000000000 0.000000000
            top-n-sigma(1.5): 1.000000000 0.000000000 0.000000000 0.000000000
            top-n-sigma(2): 1.000000000 0.000000000 0.000000000 0.000000000
            top-n-sigma(3): 0.969999969 0.010000002 0.010000002 0.010000002
            typical(0.2): 1.000000000 0.000000000 0.000000000 0.000000000
            typical(0.5): 1.000000000 0.000000000 0.000000000 0.000000000
            typical(0.8): 1.000000000 0.000000000 0.000000000 0.000000000
            typical(0.95): 1.000000000 0.000000000 0.000000000 0.000000000
            xtc(p=1, t=0.05): 0.969999969 0.010000002 0.010000002 0.010000002
            xtc(p=1, t=0.1): 0.969999969 0.010000002 0.010000002 0.010000002
            xtc(p=1, t=0.2): 0.969999969 0.010000002 0.010000002 0.010000002
            xtc(p=1, t=0.3): 0.969999969 0.010000002 0.010000002 0.010000002
            """;

    private static final String MIROSTAT_V2 = """
            mirostat-v2(tau=1, eta=0.1) step 0 mu=2.000000000: kept 1:0.622459352 5:0.377540678 chose 1
            surprise 0.683948457 mu after 2.031605244
            mirostat-v2(tau=1, eta=0.1) step 1 mu=2.031605244: kept 1:0.622459352 5:0.377540678 chose 1
            surprise 0.683948457 mu after 2.063210487
            mirostat-v2(tau=1, eta=0.1) step 2 mu=2.063210487: kept 1:0.622459352 5:0.377540678 chose 5
            surprise 1.405295968 mu after 2.022680998
            mirostat-v2(tau=1, eta=0.1) step 3 mu=2.022680998: kept 1:0.622459352 5:0.377540678 chose 1
            surprise 0.683948457 mu after 2.054286242
            mirostat-v2(tau=1, eta=0.1) step 4 mu=2.054286242: kept 1:0.622459352 5:0.377540678 chose 1
            surprise 0.683948457 mu after 2.085891485
            mirostat-v2(tau=1, eta=0.1) step 5 mu=2.085891485: kept 1:0.622459352 5:0.377540678 chose 1
            surprise 0.683948457 mu after 2.117496729
            mirostat-v2(tau=3, eta=0.1) step 0 mu=6.000000000: kept 1:0.473990887 5:0.287490010 2:0.174371496 0:0.064147688 chose 1
            surprise 1.077068806 mu after 6.192293167
            mirostat-v2(tau=3, eta=0.1) step 1 mu=6.192293167: kept 1:0.467302233 5:0.283433139 2:0.171910897 0:0.063242480 4:0.014111306 chose 1
            surprise 1.097572207 mu after 6.382535934
            mirostat-v2(tau=3, eta=0.1) step 2 mu=6.382535934: kept 1:0.467302233 5:0.283433139 2:0.171910897 0:0.063242480 4:0.014111306 chose 0
            surprise 3.982962132 mu after 6.284239769
            mirostat-v2(tau=3, eta=0.1) step 3 mu=6.284239769: kept 1:0.467302233 5:0.283433139 2:0.171910897 0:0.063242480 4:0.014111306 chose 1
            surprise 1.097572207 mu after 6.474482536
            mirostat-v2(tau=3, eta=0.1) step 4 mu=6.474482536: kept 1:0.467302233 5:0.283433139 2:0.171910897 0:0.063242480 4:0.014111306 chose 1
            surprise 1.097572207 mu after 6.664725304
            mirostat-v2(tau=3, eta=0.1) step 5 mu=6.664725304: kept 1:0.467302233 5:0.283433139 2:0.171910897 0:0.063242480 4:0.014111306 chose 1
            surprise 1.097572207 mu after 6.854968071
            mirostat-v2(tau=5, eta=0.1) step 0 mu=10.000000000: kept 1:0.465835482 5:0.282543510 2:0.171371296 0:0.063043974 4:0.014067013 3:0.003138775 chose 1
            surprise 1.102107525 mu after 10.389789581
            mirostat-v2(tau=5, eta=0.1) step 1 mu=10.389789581: kept 1:0.465835482 5:0.282543510 2:0.171371296 0:0.063043974 4:0.014067013 3:0.003138775 chose 1
            surprise 1.102107525 mu after 10.779579163
            mirostat-v2(tau=5, eta=0.1) step 2 mu=10.779579163: kept 1:0.465835482 5:0.282543510 2:0.171371296 0:0.063043974 4:0.014067013 3:0.003138775 chose 0
            surprise 3.987497807 mu after 10.880829811
            mirostat-v2(tau=5, eta=0.1) step 3 mu=10.880829811: kept 1:0.465835482 5:0.282543510 2:0.171371296 0:0.063043974 4:0.014067013 3:0.003138775 chose 1
            surprise 1.102107525 mu after 11.270619392
            mirostat-v2(tau=5, eta=0.1) step 4 mu=11.270619392: kept 1:0.465835482 5:0.282543510 2:0.171371296 0:0.063043974 4:0.014067013 3:0.003138775 chose 1
            surprise 1.102107525 mu after 11.660408974
            mirostat-v2(tau=5, eta=0.1) step 5 mu=11.660408974: kept 1:0.465835482 5:0.282543510 2:0.171371296 0:0.063043974 4:0.014067013 3:0.003138775 chose 1
            surprise 1.102107525 mu after 12.050198555
            """;

    /**
     * Where this library differs on purpose, as each sampler's Javadoc says: of tokens tied where a cut falls,
     * typical-p keeps the lower ids and XTC keeps the higher id (the last in this library's ranking), where
     * llama.cpp's unstable sort picks others.
     */
    private static final Map<String, double[]> DIFFERENCES = Map.of(
            "4 typical(0.2)", new double[] {0, 0.5, 0.5, 0},
            "4 xtc(p=1, t=0.05)", new double[] {0, 0, 0, 1},
            "4 xtc(p=1, t=0.1)", new double[] {0, 0, 0, 1});

    /**
     * Typical-p stops once the running sum reaches p (within 1e-9, as top-p), llama.cpp only once it exceeds p: on
     * {0.1, 0.2, 0.3, 0.4} the two most typical tokens hold 0.3 + 0.2 = 0.5 exactly, which is enough here, while
     * llama.cpp keeps the 0.4 too (in float the sum may land on either side: the table above has llama.cpp's).
     */
    @Test
    void typicalPStopsWhereTheSumReachesP() {
        double[] logits = Logits.fromProbs(0.1, 0.2, 0.3, 0.4);
        assertArrayEquals(
                new double[] {0, 0.4, 0.6, 0},
                Distribution.of(new TypicalP(0.5).apply(logits), 1).probs(),
                1e-9);
    }

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        double[] logits = null;
        int vector = -1;
        for (String line : LLAMA_CPP.strip().split("\n")) {
            line = line.strip();
            if (line.startsWith("== vector")) {
                vector = Integer.parseInt(line.substring(10, line.indexOf(':')));
                logits = numbers(line.substring(line.indexOf(':') + 1));
                continue;
            }
            String name = line.substring(0, line.indexOf(':'));
            double[] expected = numbers(line.substring(line.indexOf(':') + 1));
            LogitsProcessor processor = processor(name);
            double[] probs = Distribution.of(logits, 1).probs();
            if (processor instanceof Xtc xtc
                    && Arrays.stream(probs).anyMatch(p -> Math.abs(p - xtc.threshold()) < 1e-6)) {
                continue; // a token exactly at the threshold: float and double may round it to either side
            }
            rows.add(Arguments.of(
                    vector + " " + name, logits, processor, DIFFERENCES.getOrDefault(vector + " " + name, expected)));
        }
        return rows.stream();
    }

    private static LogitsProcessor processor(String name) {
        double[] values = numbers(name.replaceAll("[^0-9.]+", " "));
        if (name.startsWith("top-n-sigma")) {
            return new TopNSigma(values[0]);
        }
        if (name.startsWith("typical")) {
            return new TypicalP(values[0]);
        }
        return new Xtc(values[0], values[1], 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void matchesLlamaCpp(String name, double[] logits, LogitsProcessor processor, double[] expected) {
        assertArrayEquals(expected, Distribution.of(processor.apply(logits), 1).probs(), 1e-6, name);
    }

    /** llama.cpp's own test-sampling.cpp table for XTC, on {0.4, 0.3, 0.2, 0.1}, renormalised. */
    @Test
    void matchesLlamaCppsXtcTests() {
        double[] logits = Logits.fromProbs(0.4, 0.3, 0.2, 0.1);
        assertArrayEquals(new double[] {0, 0, 0, 1}, probsAfter(new Xtc(0.99, 0.09, 0), logits), 1e-9);
        assertArrayEquals(new double[] {0, 0, 2 / 3.0, 1 / 3.0}, probsAfter(new Xtc(0.99, 0.19, 0), logits), 1e-9);
        assertArrayEquals(new double[] {0, 0.5, 1 / 3.0, 1 / 6.0}, probsAfter(new Xtc(0.99, 0.29, 0), logits), 1e-9);
        assertArrayEquals(new double[] {0.4, 0.3, 0.2, 0.1}, probsAfter(new Xtc(0.99, 0.39, 0), logits), 1e-9);
    }

    private static double[] probsAfter(LogitsProcessor processor, double[] logits) {
        // Probability 0.99 acts unless the draw is 0.99 or more: seed 0's first number is below it.
        return Distribution.of(processor.apply(logits), 1).probs();
    }

    /** Step by step, accepting the token llama.cpp drew: the same cut at the same mu, and mu moved the same way. */
    @Test
    void mirostatV2CutsAndMovesMuAsLlamaCppDoes() {
        double[] logits = {2.0, 4.0, 3.0, -1.0, 0.5, 3.5};
        Pattern step =
                Pattern.compile("tau=([0-9.]+), eta=([0-9.]+)\\) step (\\d+) mu=([0-9.]+): kept (.*) chose (\\d+)");
        Pattern after = Pattern.compile("surprise ([0-9.]+) mu after ([0-9.]+)");
        String[] lines = MIROSTAT_V2.strip().split("\n");
        MirostatV2 mirostat = null;
        int checked = 0;
        for (int i = 0; i < lines.length; i += 2) {
            Matcher m = step.matcher(lines[i].strip());
            Matcher a = after.matcher(lines[i + 1].strip());
            assertTrue(m.find() && a.find(), lines[i]);
            if (m.group(3).equals("0")) {
                mirostat = new MirostatV2(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), 1);
            }
            assertEquals(Double.parseDouble(m.group(4)), mirostat.mu(), 1e-5, lines[i]);
            double[] expected = new double[logits.length];
            for (String kept : m.group(5).split(" ")) {
                expected[Integer.parseInt(kept.split(":")[0])] = Double.parseDouble(kept.split(":")[1]);
            }
            assertArrayEquals(
                    expected, Distribution.of(mirostat.cut(logits, 1.0), 1).probs(), 1e-6, lines[i]);
            mirostat.pick(logits);
            mirostat.accept(Integer.parseInt(m.group(6)));
            assertEquals(Double.parseDouble(a.group(2)), mirostat.mu(), 1e-5, lines[i + 1]);
            checked++;
        }
        assertEquals(18, checked);
    }

    /**
     * DRY on llama.cpp's own test-sampling.cpp histories and three more (the last of llama.cpp's default 64 tokens,
     * multiplier 0.8, base 1.75): the history, the settings and llama.cpp's probabilities after a softmax.
     */
    static Stream<Arguments> dryTable() {
        return Stream.of(
                Arguments.of(
                        new double[] {0.25, 0.25, 0.25, 0.25},
                        new int[] {0, 1, 2, 0, 1},
                        new Dry(1, 1.1, 2, 5),
                        new double[] {0.296922743, 0.296922743, 0.109231777, 0.296922743}),
                Arguments.of(
                        new double[] {0.2, 0.2, 0.2, 0.2, 0.2},
                        new int[] {0, 1, 2, 0, 1},
                        new Dry(2, 1.1, 2, 5),
                        new double[] {0.241818368, 0.241818368, 0.032726556, 0.241818368, 0.241818368}),
                Arguments.of(
                        new double[] {0.2, 0.2, 0.2, 0.2, 0.2},
                        new int[] {0, 1, 3, 4, 0, 1},
                        new Dry(1, 1.1, 2, 6, new int[] {3}),
                        new double[] {0.2, 0.2, 0.2, 0.2, 0.2}),
                Arguments.of(
                        new double[] {0.2, 0.2, 0.2, 0.2, 0.2},
                        new int[] {0, 1, 2, 3, 0, 1, 2, 3, 0, 1},
                        new Dry(0.8, 1.75, 2, 64),
                        new double[] {0.249965549, 0.249965549, 0.000137821, 0.249965549, 0.249965549}),
                Arguments.of(
                        new double[] {0.2, 0.2, 0.2, 0.2, 0.2},
                        new int[] {4, 0, 1, 2, 4, 0, 1, 2, 4, 0, 1},
                        new Dry(0.8, 1.75, 2, 64, new int[] {4}),
                        new double[] {0.224752992, 0.224752992, 0.100988038, 0.224752992, 0.224752992}),
                Arguments.of(
                        new double[] {0.1, 0.2, 0.3, 0.4},
                        new int[] {3, 2, 1, 3, 2, 1, 3, 2},
                        new Dry(0.8, 1.75, 2, 64),
                        new double[] {0.124572121, 0.003423051, 0.373716325, 0.498288482}));
    }

    @ParameterizedTest(name = "{2} after {1}")
    @MethodSource("dryTable")
    void dryMatchesLlamaCpp(double[] probs, int[] history, Dry dry, double[] expected) {
        double[] logits = Logits.fromProbs(probs);
        assertArrayEquals(
                expected, Distribution.of(dry.apply(logits, history), 1).probs(), 1e-6);
    }

    @Test
    void mirostatV2MovesOnlyForATokenItsLastDrawLeftPossible() {
        MirostatV2 mirostat = new MirostatV2(1, 0.1, 3);
        double[] logits = {2.0, 4.0, 3.0, -1.0, 0.5, 3.5};
        mirostat.accept(1);
        assertEquals(2.0, mirostat.mu(), 0.0, "no draw yet (a prompt's token): mu stays, as in llama.cpp");
        mirostat.pick(logits);
        assertEquals(
                "token 2 was cut by mirostat-v2's last draw (its surprise was above mu=2.0), so it cannot be accepted;"
                        + " accept the token the chain chose",
                assertThrows(IllegalArgumentException.class, () -> mirostat.accept(2))
                        .getMessage());
        mirostat.accept(5);
        double mu = mirostat.mu();
        assertEquals(2.0 - 0.1 * (-Math.log(0.377540668798145) / Math.log(2) - 1), mu, 1e-9);
        mirostat.accept(5);
        assertEquals(mu, mirostat.mu(), 0.0, "one draw moves mu once");
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of(
                        (Executable) () -> new TopNSigma(-1),
                        "top-n-sigma n=-1.0 must be a finite number >= 0; use 0 to disable"),
                Arguments.of(
                        (Executable) () -> new TopNSigma(Double.NaN), "top-n-sigma n=NaN must be a finite number >= 0"),
                Arguments.of(
                        (Executable) () -> new TypicalP(0), "typical-p p=0.0 must be in (0, 1]; use 1.0 to disable"),
                Arguments.of((Executable) () -> new TypicalP(1.5), "typical-p p=1.5 must be in (0, 1]"),
                Arguments.of((Executable) () -> new Xtc(1.5, 0.1, 0), "xtc probability 1.5 must be in [0, 1]"),
                Arguments.of(
                        (Executable) () -> new Xtc(0.5, 0.7, 0),
                        "xtc threshold 0.7 must be in (0, 0.5]: above 0.5 no two tokens can reach it"),
                Arguments.of(
                        (Executable) () -> new MirostatV2(0, 0.1, 0),
                        "mirostat-v2 tau=0.0 must be a finite number of bits > 0"),
                Arguments.of(
                        (Executable) () -> new MirostatV2(5, -0.1, 0),
                        "mirostat-v2 eta=-0.1 must be a finite number >= 0"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badSettings")
    void refusesBadSettingsWithAMessageThatTeaches(Executable call, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    /** Top-n-sigma's cut is the model's: dividing the logits by any T leaves the same tokens. */
    @Test
    void topNSigmaKeepsTheSameTokensAtEveryTemperature() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            double[] logits = new double[2 + random.nextInt(200)];
            for (int i = 0; i < logits.length; i++) {
                logits[i] = random.nextGaussian() * 3;
            }
            double n = random.nextDouble(0.1, 3);
            double t = Math.pow(10, random.nextDouble(-2, 2));
            double[] cold = new TopNSigma(n).apply(logits);
            double[] hot = new TopNSigma(n).apply(new Temperature(t).apply(logits));
            for (int i = 0; i < logits.length; i++) {
                assertEquals(
                        cold[i] == Double.NEGATIVE_INFINITY, hot[i] == Double.NEGATIVE_INFINITY, "n=" + n + " T=" + t);
            }
        }
    }

    private static double[] numbers(String text) {
        return Arrays.stream(text.strip().split("\\s+"))
                .mapToDouble(Double::parseDouble)
                .toArray();
    }
}
