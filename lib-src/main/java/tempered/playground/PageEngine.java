package tempered.playground;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import org.teavm.jso.JSExport;
import tempered.math.Distribution;
import tempered.sampling.Greedy;
import tempered.sampling.LogitsProcessor;
import tempered.sampling.SamplerChain;
import tempered.sampling.SamplerSettings;
import tempered.sampling.Temperature;

/**
 * The arithmetic of one playground, done by the library: the chain its settings describe, the figures, each bar's
 * probability, the rows for the tokens without a bar, and the seeded draws. It is the only place the page's
 * numbers come from: the build compiles this class, and the library code it calls, to JavaScript with TeaVM
 * ({@code engine.js} beside the page's script), and the still picture calls it here, in Java.
 *
 * <p>The methods marked {@link JSExport} are what the page's script calls. Only the JavaScript runtime differs
 * from the JVM: its {@code Math.exp} and {@code Math.log} may round a last bit differently, which the browser
 * tests bound (figures to 1e-9, the same tokens drawn).
 *
 * <pre>{@code
 * // not run: PageEngine.of is package-private; PlaygroundTest checks these values
 * PageEngine e = PageEngine.of(new double[] {-49.82, -46.40, -45.25, -47.30, -48.32}, new int[] {2, 1}, 0);
 * e.set("temperature", 0.8);
 * e.chain();                 // "temperature(0.8) -> random(seed=0)"
 * e.restLabel(0);            // "all 3 other tokens, not drawn as bars"
 * }</pre>
 */
public final class PageEngine {
    /** How many of the latest draws keep their uniform number u, for the picture of darts. */
    static final int DARTS = 1000;

    private static final int[] NO_HISTORY = new int[0];

    private final double[] logits;
    private final int[] shown;
    private final int[] row;
    private final long seed;
    private SamplerSettings settings;
    private boolean last;

    // What the settings give, computed when first asked for after a change.
    private SamplerChain chain;
    private Distribution distribution;
    private Figures figures;
    private List<Rest> rest;
    private double[] stretchEnds;

    // The draws since the settings last changed.
    private int[] counts;
    private int draws;
    private int lastDrawn;
    private SplittableRandom darts;
    private final double[] us = new double[DARTS];
    private final int[] drawn = new int[DARTS];

    private PageEngine(double[] logits, int[] shown, long seed) {
        this.logits = logits;
        this.shown = shown;
        this.seed = seed;
        this.row = new int[logits.length];
        java.util.Arrays.fill(row, shown.length);
        for (int i = 0; i < shown.length; i++) {
            row[shown[i]] = i;
        }
        this.settings = SamplerSettings.of(1.0).withSeed(seed);
        changed();
    }

    /** An engine for {@code logits}, with bars for the ids {@code shown} (in that order), drawing with {@code seed}. */
    static PageEngine of(double[] logits, int[] shown, long seed) {
        return new PageEngine(logits, shown, seed);
    }

    /**
     * The page's engine: the logits in base64 as little-endian floats ({@code f32}) or doubles ({@code f64}), the
     * ids that get bars separated by commas, and the seed as text (a long does not fit a JavaScript number).
     */
    @JSExport
    public static PageEngine load(String base64, String encoding, String shownIds, String seed) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
        boolean narrow = encoding.equals("f32");
        double[] logits = new double[bytes.remaining() / (narrow ? Float.BYTES : Double.BYTES)];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = narrow ? bytes.getFloat() : bytes.getDouble();
        }
        List<Integer> ids = new ArrayList<>();
        for (int from = 0; from < shownIds.length(); ) {
            int comma = shownIds.indexOf(',', from);
            int to = comma < 0 ? shownIds.length() : comma;
            ids.add(Integer.parseInt(shownIds.substring(from, to)));
            from = to + 1;
        }
        int[] shown = new int[ids.size()];
        for (int i = 0; i < shown.length; i++) {
            shown[i] = ids.get(i);
        }
        return new PageEngine(logits, shown, Long.parseLong(seed));
    }

    /** Sets one setting by its page name ({@link Control#key}, or {@code xtcThreshold}, {@code mirostatEta}). */
    @JSExport
    public void set(String key, double value) {
        SamplerSettings s = settings;
        settings = switch (key) {
            case "xtcThreshold" -> s.withXtc(s.xtcProbability(), value);
            case "mirostatEta" -> s.withMirostatV2(s.mirostatTau(), value);
            default -> Control.byKey(key).apply(s, value);
        };
        changed();
    }

    /** True for llama.cpp's order (temperature last), false for transformers' and vLLM's. */
    @JSExport
    public void temperatureLast(boolean value) {
        last = value;
        changed();
    }

    /** The settings now. */
    SamplerSettings settings() {
        return settings;
    }

    private void changed() {
        chain = null;
        counts = new int[shown.length + 1];
        draws = 0;
        lastDrawn = -1;
        darts = new SplittableRandom(seed);
    }

    private SamplerChain chain0() {
        if (chain == null) {
            chain = last ? settings.temperatureLast() : settings.temperatureFirst();
            distribution = chain.distribution(logits);
            figures = Figures.of(distribution);
            rest = null;
            stretchEnds = null;
        }
        return chain;
    }

    /** The chain, as its legend reads: {@code top-k(40) -> temperature(0.8) -> random(seed=7)}. */
    @JSExport
    public String chain() {
        return chain0().toString();
    }

    Distribution distribution() {
        chain0();
        return distribution;
    }

    Figures figures() {
        chain0();
        return figures;
    }

    @JSExport
    public double entropy() {
        return figures().entropy();
    }

    @JSExport
    public double perplexity() {
        return figures().perplexity();
    }

    @JSExport
    public double top() {
        return figures().topProbability();
    }

    @JSExport
    public int mass90() {
        return figures().tokensFor90Percent();
    }

    @JSExport
    public int kept() {
        return figures().tokensLeft();
    }

    @JSExport
    public int size() {
        return logits.length;
    }

    /** The probability of bar {@code i}. */
    @JSExport
    public double probability(int i) {
        return distribution().prob(shown[i]);
    }

    /** The logit of bar {@code i}, as text: {@code -45.25}, {@code -∞} for a masked token. */
    @JSExport
    public String logit(int i) {
        return number(logits[shown[i]]);
    }

    /** The logit of bar {@code i} divided by T, as text; {@code —} at T = 0, where it has no value. */
    @JSExport
    public String scaledLogit(int i) {
        double t = settings.temperature();
        return t == 0 ? "\u2014" : number(new Temperature(t).apply(new double[] {logits[shown[i]]})[0]);
    }

    private static String number(double x) {
        return x == Double.NEGATIVE_INFINITY ? "-\u221e" : PageText.fixed(x, 2);
    }

    /**
     * One row for tokens without a bar: those the chain keeps (which a draw can land on, tallied together), those
     * a link of the chain cuts, named, with the mass they held at this temperature before any cut, and those
     * masked in the logits.
     */
    record Rest(String label, int tokens, double mass, double held, boolean kept) {}

    List<Rest> rest() {
        chain0();
        if (rest == null) {
            rest = computeRest();
        }
        return rest;
    }

    private List<Rest> computeRest() {
        List<Rest> rows = new ArrayList<>();
        boolean[] barred = new boolean[logits.length];
        for (int id : shown) {
            barred[id] = true;
        }
        int others = 0;
        double mass = 0;
        for (int i = 0; i < logits.length; i++) {
            if (!barred[i] && distribution.prob(i) > 0) {
                others++;
                mass += distribution.prob(i);
            }
        }
        boolean barsCut = false;
        for (int id : shown) {
            barsCut |= distribution.prob(id) == 0;
        }
        // With bars struck through, a row's count is only of the tokens below the bars: say so, or it reads as
        // everything the link cut.
        String which = barsCut ? " without a bar" : "";
        boolean[] accounted = barred.clone();
        Distribution uncut = Distribution.of(logits, settings.temperature());
        List<Rest> cuts = new ArrayList<>();
        int masked = 0;
        for (int i = 0; i < logits.length; i++) {
            if (!barred[i] && logits[i] == Double.NEGATIVE_INFINITY) {
                masked++;
                accounted[i] = true;
            }
        }
        double[] x = logits;
        for (LogitsProcessor link : chain.processors()) {
            double[] y = link.copy().apply(x, NO_HISTORY);
            int count = 0;
            double held = 0;
            for (int i = 0; i < logits.length; i++) {
                if (!accounted[i] && y[i] == Double.NEGATIVE_INFINITY) {
                    accounted[i] = true;
                    count++;
                    held += uncut.prob(i);
                }
            }
            if (count > 0) {
                cuts.add(cut(count, which, link.toString(), held));
            }
            x = y;
        }
        int count = 0;
        double held = 0;
        for (int i = 0; i < logits.length; i++) {
            if (!accounted[i] && distribution.prob(i) == 0) {
                count++;
                held += uncut.prob(i);
            }
        }
        if (count > 0 && chain.picker() instanceof Greedy) {
            cuts.add(cut(count, which, "greedy (T = 0)", held));
        } else if (count > 0) {
            // No link cut these: at a low temperature their probability is below the smallest double.
            cuts.add(new Rest(
                    PageText.grouped(count) + " " + tokens(count) + which
                            + (count == 1 ? " whose probability rounds" : " whose probabilities round")
                            + " to 0 at this temperature",
                    count,
                    0,
                    held,
                    false));
        }
        if (others > 0) {
            boolean all = cuts.isEmpty() && masked == 0;
            rows.add(new Rest(
                    (all && others > 1 ? "all " : "") + PageText.grouped(others) + " other " + tokens(others)
                            + (all ? "" : " kept") + (others == 1 ? ", not drawn as a bar" : ", not drawn as bars"),
                    others,
                    mass,
                    mass,
                    true));
        }
        rows.addAll(cuts);
        if (masked > 0) {
            rows.add(new Rest(
                    PageText.grouped(masked) + " " + tokens(masked) + " masked in the logits", masked, 0, 0, false));
        }
        return rows;
    }

    private static Rest cut(int count, String which, String by, double held) {
        return new Rest(
                PageText.grouped(count) + " " + tokens(count) + which + " cut by " + by + ", which would hold "
                        + PageText.probability(held) + " uncut",
                count,
                0,
                held,
                false);
    }

    private static String tokens(int count) {
        return count == 1 ? "token" : "tokens";
    }

    /** The labels of the rows for the tokens without a bar. */
    List<String> restLabels() {
        return rest().stream().map(Rest::label).toList();
    }

    /** How many rows the tokens without a bar take. */
    @JSExport
    public int restRows() {
        return rest().size();
    }

    @JSExport
    public String restLabel(int i) {
        return rest().get(i).label();
    }

    /** The probability of the tokens of rest row {@code i} now: 0 for a row of cut tokens. */
    @JSExport
    public double restMass(int i) {
        return rest().get(i).mass();
    }

    /** The probability the tokens of rest row {@code i} held at this temperature with nothing cut. */
    @JSExport
    public double restHeld(int i) {
        return rest().get(i).held();
    }

    /** True for the row of tokens the chain keeps, the only rest row a draw can land on. */
    @JSExport
    public boolean restKept(int i) {
        return rest().get(i).kept();
    }

    /** A probability as the page prints it ({@link PageText#probability}). */
    @JSExport
    public static String probabilityText(double p) {
        return PageText.probability(p);
    }

    /** A count with its thousands grouped: {@code 50,257}. */
    @JSExport
    public static String grouped(int count) {
        return PageText.grouped(count);
    }

    /** A figure to 4 decimals, as the figures print. */
    @JSExport
    public static String fixed4(double x) {
        return PageText.fixed(x, 4);
    }

    /** A control's value as its slider shows it. */
    @JSExport
    public static String text(String key, double value) {
        return Control.byKey(key).text(value);
    }

    /**
     * Draws {@code count} more tokens with the chain, continuing its seeded sequence ({@link SamplerChain#next}),
     * and tallies them by bar, the tokens kept without a bar together; returns the draws since the settings last
     * changed.
     */
    @JSExport
    public int draw(int count) {
        boolean throwsDarts = !(chain0().picker() instanceof Greedy);
        for (int id : chain.next(logits, NO_HISTORY, count)) {
            counts[row[id]]++;
            if (throwsDarts) {
                us[draws % DARTS] = darts.nextDouble();
            }
            drawn[draws % DARTS] = id;
            draws++;
            lastDrawn = id;
        }
        return draws;
    }

    /** The id of the {@code back}-th latest draw (0: the last); -1 for one too far back. */
    @JSExport
    public int drawnAt(int back) {
        return back < 0 || back >= Math.min(draws, DARTS) ? -1 : drawn[(draws - 1 - back) % DARTS];
    }

    /** Starts the draws over: the seeded sequence from its first number, the tallies at 0. */
    @JSExport
    public void reset() {
        changed();
    }

    /** The draws of bar {@code i}; {@code i} = the number of bars for the tokens kept without one. */
    @JSExport
    public int count(int i) {
        return counts[i];
    }

    @JSExport
    public int draws() {
        return draws;
    }

    /** The id of the last token drawn, or -1. */
    @JSExport
    public int lastDrawn() {
        return lastDrawn;
    }

    /** The bar of the last token drawn; the number of bars when it has none. */
    @JSExport
    public int lastRow() {
        return lastDrawn < 0 ? -1 : row[lastDrawn];
    }

    /**
     * The uniform number u in [0, 1) of the {@code back}-th latest draw (0: the last), the one the picker drew
     * with: a random picker takes one number per draw from {@code new SplittableRandom(seed)}. NaN for a greedy
     * draw, which takes none, or one too far back.
     */
    @JSExport
    public double u(int back) {
        boolean greedy = chain0().picker() instanceof Greedy;
        if (greedy || back < 0 || back >= Math.min(draws, DARTS)) {
            return Double.NaN;
        }
        return us[(draws - 1 - back) % DARTS];
    }

    /**
     * Where token {@code id}'s stretch of [0, 1) ends when the tokens are laid in list order, each as long as its
     * probability: a draw's u lands in the stretch of the token it draws.
     */
    @JSExport
    public double stretchEnd(int id) {
        Distribution d = distribution();
        if (stretchEnds == null) {
            stretchEnds = new double[logits.length];
            double sum = 0;
            for (int i = 0; i < logits.length; i++) {
                sum += d.prob(i);
                stretchEnds[i] = sum;
            }
        }
        return stretchEnds[id];
    }
}
