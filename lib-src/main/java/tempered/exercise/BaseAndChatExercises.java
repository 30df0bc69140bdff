package tempered.exercise;

import java.util.Locale;
import tempered.math.Distribution;
import tempered.math.Logits;

/**
 * The checks of notebook 11's exercises, on a base model and its chat model: a prediction of the temperature at which
 * the chat model writes as unsure of each next token as the base model does at T = 1, the min-p threshold that does
 * after temperature what min-p does on the model's own distribution, and the temperature that leaves the chat model's
 * favourite token an even chance. Each takes the learner's answer and the notebook's own measurements, and returns a
 * verdict that does not contain the expected value.
 *
 * <pre>{@code
 * String verdict = BaseAndChatExercises.minPAfterTemperature(Math.sqrt(0.1), 0.1, 2, new float[] {3, 1, 0});
 * verdict.startsWith("right");   // true
 * }</pre>
 */
public final class BaseAndChatExercises {
    private BaseAndChatExercises() {}

    /**
     * Exercise 1, a prediction: of the {@code temperatures} measured, the one at which the chat model's mean entropy
     * per token ({@code chatEntropy[i]} at {@code temperatures[i]}) comes closest to the base model's at T = 1
     * ({@code baseEntropy}). Right when the prediction is that temperature.
     *
     * @throws IllegalArgumentException when the measurements are missing, of different lengths or not finite
     */
    public static String closestTemperature(
            double prediction, double[] temperatures, double[] chatEntropy, double baseEntropy) {
        Inputs.present(temperatures, "the temperatures");
        Inputs.present(chatEntropy, "the chat model's mean entropies");
        if (temperatures.length == 0 || temperatures.length != chatEntropy.length) {
            throw new IllegalArgumentException("give one mean entropy per temperature, got " + temperatures.length
                    + " temperatures and " + chatEntropy.length + " entropies; run the measurement cell first");
        }
        requireFinite(chatEntropy, "the chat model's mean entropies include");
        requireFinite(new double[] {baseEntropy}, "the base model's mean entropy is");
        String notANumber = Check.notANumber("the temperature", prediction);
        if (notANumber != null) {
            return notANumber;
        }
        int closest = 0;
        boolean offered = false;
        for (int i = 0; i < temperatures.length; i++) {
            offered |= temperatures[i] == prediction;
            if (Math.abs(chatEntropy[i] - baseEntropy) < Math.abs(chatEntropy[closest] - baseEntropy)) {
                closest = i;
            }
        }
        String choices = choices(temperatures);
        if (!offered) {
            return Check.notYet("predict one of " + choices.replace(" and ", " or ") + ", the temperatures measured");
        }
        if (prediction != temperatures[closest]) {
            // A prediction is made once: no "try again", which would turn it into trying each temperature in turn.
            return "not yet: " + Check.shown(prediction) + " is not the closest of " + choices
                    + "; keep your prediction and its reason, and read the table after the solution to see why";
        }
        return Check.right("of " + choices + ", the chat model comes closest at T = " + Check.shown(prediction));
    }

    /** "0.5, 1 and 2": the temperatures offered, as a sentence lists them. */
    private static String choices(double[] temperatures) {
        StringBuilder listed = new StringBuilder();
        for (int i = 0; i < temperatures.length; i++) {
            if (i > 0) {
                listed.append(i == temperatures.length - 1 ? " and " : ", ");
            }
            listed.append(Check.shown(temperatures[i]));
        }
        return listed.toString();
    }

    /**
     * Exercise 2: the min-p threshold {@code m} that, applied after temperature {@code t}, keeps exactly the tokens
     * that min-p {@code p} keeps on the model's own distribution (T = 1). Min-p keeps a token when its probability is
     * at least m times the top token's; after temperature that ratio is the raw ratio raised to the power 1/T, so
     * m = p^(1/T). Right within 0.001 of it; the verdict then counts the tokens each keeps on {@code logits}.
     *
     * @throws IllegalArgumentException when p is not in (0, 1], t is not above 0, or the logits are missing
     */
    public static String minPAfterTemperature(double m, double p, double t, float[] logits) {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("min-p p=" + p + " must be in (0, 1]");
        }
        if (!(t > 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("temperature t=" + t + " must be a finite number above 0");
        }
        double[] x = Logits.requireValid(Logits.toDouble(Inputs.present(logits, "the logits array")));
        String verdict = Check.near("m", m, Math.pow(p, 1 / t), 1e-3);
        if (!verdict.startsWith("right")) {
            if (m == 1 && t != 1) {
                // Math.pow(p, 1 / 2) in Java is Math.pow(p, 0) = 1: whole-number division, not a wrong derivation.
                return verdict + " (if you wrote an exponent such as 1 / 2, Java divides whole numbers to 0:"
                        + " write 1.0 / 2)";
            }
            return verdict;
        }
        return verdict
                + String.format(
                        Locale.ROOT,
                        ": on these logits, min-p %s after T = %s keeps %,d tokens, and min-p %s on the model's own"
                                + " distribution keeps %,d",
                        Check.shown(m),
                        Check.shown(t),
                        kept(x, t * Math.log(m)),
                        Check.shown(p),
                        kept(x, Math.log(p)));
    }

    /**
     * Exercise 3: the temperature at which the likeliest token of {@code logits} has probability 0.5. Its probability
     * falls as T rises (every other token's share grows), from 1 as T approaches 0 to 1/n, so there is one such T.
     * Right within 0.001 of it.
     *
     * @throws IllegalArgumentException when the logits are missing, or no temperature gives the top token an even
     *         chance (two or more tokens tie for the largest logit)
     */
    public static String evenChance(double temperature, float[] logits) {
        double[] x = Logits.requireValid(Logits.toDouble(Inputs.present(logits, "the logits array")));
        double expected = evenChanceTemperature(x);
        String notATemperature = Check.notATemperature("the temperature", temperature);
        if (notATemperature != null) {
            return notATemperature;
        }
        return Check.near("the temperature", temperature, expected, 1e-3);
    }

    /** Bisection on log T for a top-token probability of 0.5, between 1e-6 and 1e6. */
    private static double evenChanceTemperature(double[] logits) {
        double lo = Math.log(1e-6);
        double hi = Math.log(1e6);
        if (top(logits, Math.exp(lo)) <= 0.5 || top(logits, Math.exp(hi)) >= 0.5) {
            throw new IllegalArgumentException("no temperature between 1e-6 and 1e6 gives the top token of these logits"
                    + " a probability of 0.5 (two tokens tie for the top, or there are only two); pass the notebook's"
                    + " logits");
        }
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (top(logits, Math.exp(mid)) > 0.5) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    private static double top(double[] logits, double temperature) {
        Distribution distribution = Distribution.of(logits, temperature);
        return distribution.prob(distribution.argmax());
    }

    private static int kept(double[] logits, double logRatio) {
        double threshold = logits[Logits.argmax(logits)] + logRatio;
        int kept = 0;
        for (double x : logits) {
            kept += x >= threshold ? 1 : 0;
        }
        return kept;
    }

    private static void requireFinite(double[] values, String what) {
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(
                        what + " " + value + "; run the measurement cell again, with the models loaded");
            }
        }
    }
}
