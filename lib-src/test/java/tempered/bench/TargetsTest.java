package tempered.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each target judged on hand-made figures: met, missed by a little, or unchecked without its figure. */
class TargetsTest {

    /** A run that meets every target, by a small margin. */
    private static Measurements passing() {
        Measurements f = new Measurements();
        f.add(Figure.exact("resident memory after step 10", "MB", 600));
        f.add(Figure.exact("resident memory after the last of 1000 steps", "MB", 649));
        f.add(Figure.of("decoding with the cache, batch 1, 256 tokens", "tokens/s", 40, 41, 42));
        for (int position : new int[] {1, 64, 128, 256}) {
            f.add(Figure.exact("ms per token at position " + position, "ms", 20 + position / 100.0));
            f.add(Figure.exact("without the cache, ms per token at position " + position, "ms", 20 * position));
        }
        f.add(Figure.exact("decoding in a batch of 32, 32 steps", "tokens/s", 8 * 41));
        f.add(Figure.exact("generation as a share of the model step, temperature 0.8, everything recorded", "%", 95));
        f.add(Figure.exact(
                "generation as a share of the model step, llama.cpp's defaults, everything recorded", "%", 97));
        f.add(Figure.exact("int8 decoding / float32 decoding", "x", 3));
        f.add(Figure.exact("int8 prompt processing / float32", "x", 1));
        f.add(Figure.exact("int8 and float32 agree on the likeliest token (60 positions)", "%", 75));
        f.add(Figure.exact("int8's largest probability difference from float32", "", 0.15));
        f.add(Figure.exact("float32 decoding as a share of the bound", "%", 90));
        return f;
    }

    private static Map<String, Targets.Verdict> verdicts(Measurements f) {
        return Targets.check(f).stream().collect(Collectors.toMap(Targets.Result::target, Targets.Result::verdict));
    }

    @Test
    void aRunAtEveryThresholdMeetsEveryTarget() {
        List<Targets.Result> results = Targets.check(passing());
        assertEquals(11, results.size());
        for (Targets.Result result : results) {
            assertEquals(Targets.Verdict.MET, result.verdict(), result.toString());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertTrue(Targets.print(results, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        assertTrue(bytes.toString(StandardCharsets.UTF_8)
                .contains("[met] int8 decoding at >= 3 x float32 decoding, same run"));
    }

    @Test
    void eachTargetIsMissedJustBelowItsThreshold() {
        Map<String, String> below = Map.of(
                "generation as a share of the model step, temperature 0.8, everything recorded",
                        "Generator with temperature 0.8",
                "int8 decoding / float32 decoding", "int8 decoding at >= 3 x",
                "int8 prompt processing / float32", "int8 prompt processing no slower",
                "float32 decoding as a share of the bound", "float32 decoding at >= 90%");
        for (Map.Entry<String, String> entry : below.entrySet()) {
            Measurements f = new Measurements();
            for (Figure figure : passing().all()) {
                f.add(
                        figure.label().equals(entry.getKey())
                                ? Figure.exact(figure.label(), figure.unit(), figure.value() * 0.99)
                                : figure);
            }
            List<Targets.Result> missed = Targets.check(f).stream()
                    .filter(r -> r.verdict() == Targets.Verdict.MISSED)
                    .toList();
            assertEquals(1, missed.size(), entry.getKey());
            assertTrue(
                    missed.get(0).target().startsWith(entry.getValue()),
                    missed.get(0).toString());
            assertFalse(
                    Targets.print(missed, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        }
    }

    @Test
    void memoryCacheAndBatchTargetsUseTheirRatios() {
        Measurements f = new Measurements();
        for (Figure figure : passing().all()) {
            if (figure.label().equals("ms per token at position 256")) {
                f.add(Figure.exact(figure.label(), "ms", 1.51 * 20.01));
            } else if (figure.label().startsWith("resident memory after the last")) {
                f.add(Figure.exact(figure.label(), "MB", 651));
            } else {
                f.add(figure);
            }
        }
        Map<String, Targets.Verdict> verdicts = verdicts(f);
        assertEquals(
                Targets.Verdict.MISSED, verdicts.get("the cache works: the last position at most 1.5 x position 1"));
        assertEquals(Targets.Verdict.MISSED, verdicts.get(Targets.MEMORY_TARGET));
        Measurements shrinking = new Measurements();
        for (Figure figure : passing().all()) {
            shrinking.add(
                    figure.label().startsWith("resident memory after the last")
                            ? Figure.exact(figure.label(), "MB", 300)
                            : figure);
        }
        assertEquals(
                Targets.Verdict.MET, verdicts(shrinking).get(Targets.MEMORY_TARGET), "memory given back is not a leak");
        assertEquals(Targets.Verdict.MET, verdicts.get("batch 32 gives >= 8 x batch-1 throughput"));
    }

    @Test
    void aTargetWithoutItsFigureIsUncheckedNotMissed() {
        Measurements f = new Measurements();
        f.add(Figure.exact("generation as a share of the model step, temperature 0.8, everything recorded", "%", 99));
        Map<String, Targets.Verdict> verdicts = verdicts(f);
        assertEquals(
                Targets.Verdict.MET,
                verdicts.get("Generator with temperature 0.8 at >= 95% of the model step's tokens/s"));
        assertEquals(Targets.Verdict.UNCHECKED, verdicts.get("float32 decoding at >= 90% of the bandwidth bound"));
        assertEquals(Targets.Verdict.UNCHECKED, verdicts.get("int8 decoding at >= 3 x float32 decoding, same run"));
        assertTrue(
                Targets.print(
                        Targets.check(f), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)),
                "nothing missed: unchecked targets do not fail the run");
    }

    @Test
    void figuresShowTheirRangeAndRefuseWhatIsNotANumber() {
        Figure decode = Figure.of("decode", "tokens/s", 36.1, 38.0, 37.6);
        assertEquals(37.6, decode.value());
        assertEquals("decode      37.60 tokens/s  (36.10 to 38.00)", decode.toString());
        assertEquals((38.0 - 36.1) / 37.6, decode.spread(), 1e-12);
        assertEquals("memory      1,543 MB", Figure.exact("memory", "MB", 1543).format(6));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Figure.exact("share", "%", Double.NaN));
        assertEquals("share is NaN (NaN to NaN); a figure must be a finite number", e.getMessage());
        Measurements figures = new Measurements();
        figures.add(decode);
        assertEquals(
                "decode was measured twice",
                assertThrows(IllegalStateException.class, () -> figures.add(decode))
                        .getMessage());
    }
}
