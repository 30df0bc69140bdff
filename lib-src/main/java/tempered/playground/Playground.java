package tempered.playground;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import tempered.math.Distribution;
import tempered.math.Logits;
import tempered.math.Ranking;
import tempered.sampling.SamplerChain;
import tempered.sampling.SamplerSettings;
import tempered.text.Gpt2Tokenizer;
import tempered.text.Tokenizer;

/**
 * An interactive view of one next-token distribution, as one self-contained HTML fragment for a notebook:
 * sliders for T (0, then 0.01 to 100 on a log scale), top-k, top-p and min-p, a switch for the order
 * (temperature first as transformers and vLLM, or last as llama.cpp), bars for the likeliest tokens and one
 * for all the rest, live figures (entropy, perplexity, the top token's probability, the tokens that hold 90% of
 * the mass) and a "draw" button that draws seeded tokens and tallies them beside the bars.
 *
 * <p>The page carries the full logits and computes with the library's formulas, mirrored in its script step by
 * step: its figures equal {@link #figures()} for the same settings (to 1e-9, checked in a real browser), and
 * its draws are those of {@link #chain()} with the same seed (it reproduces {@link java.util.SplittableRandom}).
 * Nothing is loaded from the network and no widget library or server is involved. Where the script does not
 * run (an untrusted notebook, a viewer that strips scripts), a still picture of the starting settings, drawn
 * here in Java, stays in its place.
 *
 * <p>Only the likeliest tokens by logit are labelled: no setting changes that order, so they are the only ones
 * that can get a bar; a draw outside them counts in "the rest". Masked tokens ({@code -Infinity}) stay masked.
 * It leaves out the repetition penalty and dynamic temperature.
 *
 * <pre>{@code
 * html(Playground.of(new double[] {-49.82, -46.40, -45.25, -47.30, -48.32},
 *         List.of("ceiling", "floor", "mat", "car", "grass")).temperature(0.8).html());
 * Playground.of(gpt2Logits, Gpt2Tokenizer.get()).topK(40).temperatureLast(true).chain();
 * // top-k(40) -> temperature(1) -> random(seed=0)
 * }</pre>
 */
public final class Playground {
    private static final String SCRIPT = resource("playground.js");
    private static final String STYLE = resource("playground.css");

    private final double[] logits;
    private final List<String> labels;
    private final Tokenizer tokenizer;
    private final SamplerSettings settings;
    private final boolean temperatureLast;
    private final int bars;
    private final String title;

    private Playground(
            double[] logits,
            List<String> labels,
            Tokenizer tokenizer,
            SamplerSettings settings,
            boolean temperatureLast,
            int bars,
            String title) {
        this.logits = logits;
        this.labels = labels;
        this.tokenizer = tokenizer;
        this.settings = settings;
        this.temperatureLast = temperatureLast;
        this.bars = bars;
        this.title = title;
    }

    /** A playground for logits with one label each (the greetings, the five words). */
    public static Playground of(double[] logits, List<String> labels) {
        Logits.requireValid(logits);
        if (labels == null || labels.size() != logits.length) {
            throw new IllegalArgumentException("a playground needs one label per logit: got " + logits.length
                    + " logits and " + (labels == null ? "no" : labels.size()) + " labels");
        }
        // Not indexOf(null): List.of's lists throw on it.
        int missing = -1;
        for (int i = labels.size() - 1; i >= 0; i--) {
            missing = labels.get(i) == null ? i : missing;
        }
        if (missing >= 0) {
            throw new IllegalArgumentException("a playground needs a label for every logit, but label " + missing
                    + " is null; use \"\" for a token without one");
        }
        return new Playground(
                logits.clone(),
                List.copyOf(labels),
                null,
                SamplerSettings.of(1.0),
                false,
                Math.min(10, logits.length),
                "");
    }

    /** A playground for a model's logits over its whole vocabulary, labelled by its tokenizer, tokens in quotes. */
    public static Playground of(float[] logits, Tokenizer tokenizer) {
        if (tokenizer == null) {
            throw new IllegalArgumentException(
                    "tokenizer must not be null; use Gpt2Tokenizer.get() for GPT-2's logits");
        }
        double[] wide = Logits.toDouble(logits);
        Logits.requireValid(wide);
        requireVocabulary(wide.length, tokenizer);
        return new Playground(wide, null, tokenizer, SamplerSettings.of(1.0), false, Math.min(10, wide.length), "");
    }

    /**
     * Logits from the tokenizer's model: one per token it knows. GPT-2's is known to have 50,257; another tokenizer
     * must at least know the last id (a model may pad its output past its tokenizer's vocabulary, never short of it).
     */
    private static void requireVocabulary(int count, Tokenizer tokenizer) {
        boolean gpt2 = tokenizer == Gpt2Tokenizer.get();
        boolean fits;
        if (gpt2) {
            fits = count == Gpt2Tokenizer.VOCABULARY_SIZE;
        } else {
            try {
                tokenizer.token(count - 1);
                fits = true;
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                fits = false;
            }
        }
        if (!fits) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "a playground labels logits with %s, which knows %s tokens, but there are %,d logits: they come"
                            + " from another model, or were cut. Pass that model's tokenizer, or labels of your own"
                            + " with Playground.of(double[], List)",
                    tokenizer,
                    gpt2 ? String.format(Locale.ROOT, "%,d", Gpt2Tokenizer.VOCABULARY_SIZE) : "fewer",
                    count));
        }
    }

    /** A heading above the view. */
    public Playground title(String value) {
        return new Playground(logits, labels, tokenizer, settings, temperatureLast, bars, value == null ? "" : value);
    }

    /** The starting temperature: 0 is greedy; the slider offers 0 and 0.01 to 100. */
    public Playground temperature(double value) {
        return with(settings.withTemperature(value));
    }

    /** The starting top-k; 0 turns it off. */
    public Playground topK(int value) {
        return with(settings.withTopK(value));
    }

    /** The starting top-p; 1 turns it off. */
    public Playground topP(double value) {
        return with(settings.withTopP(value));
    }

    /** The starting min-p; 0 turns it off. */
    public Playground minP(double value) {
        return with(settings.withMinP(value));
    }

    /** The seed of the draws: the page's first n draws are {@link #chain()}'s first n. */
    public Playground seed(long value) {
        return with(settings.withSeed(value));
    }

    /** True for llama.cpp's order (temperature after the truncation samplers), false for transformers' and vLLM's. */
    public Playground temperatureLast(boolean value) {
        return new Playground(logits, labels, tokenizer, settings, value, bars, title);
    }

    /** How many of the likeliest tokens get a bar of their own (10 unless set); the rest share one. */
    public Playground bars(int value) {
        if (value < 1) {
            throw new IllegalArgumentException(
                    "bars=" + value + " must be at least 1; the rest of the tokens always get one more");
        }
        return new Playground(
                logits, labels, tokenizer, settings, temperatureLast, Math.min(value, logits.length), title);
    }

    private Playground with(SamplerSettings value) {
        return new Playground(logits, labels, tokenizer, value, temperatureLast, bars, title);
    }

    /** The chain the starting settings describe, in the order chosen. */
    public SamplerChain chain() {
        return temperatureLast ? settings.temperatureLast() : settings.temperatureFirst();
    }

    /** The figures the page shows at its starting settings, computed by the library. */
    public Figures figures() {
        return Figures.of(chain().distribution(logits));
    }

    /** The ids that get a bar: the likeliest by logit, ties to the lower id. */
    public int[] shownIds() {
        return Ranking.top(logits, bars);
    }

    /**
     * The view as HTML for {@code display(..., "text/html")}: a still picture of the starting settings, the
     * page's script, which replaces it with the interactive view, and its data. Each call gets a new id, so
     * any number of playgrounds can share a notebook.
     */
    public String html() {
        // Random, not seeded: a playground shown after a kernel restart must not take the id of one still on screen.
        String id = "tempered-playground-" + UUID.randomUUID();
        SamplerChain chain = chain();
        Distribution d = chain.distribution(logits);
        int[] top = shownIds();
        List<String> shown = new ArrayList<>();
        double[] probs = new double[top.length];
        double rest = 0;
        for (int i = 0; i < top.length; i++) {
            shown.add(label(top[i]));
            probs[i] = d.prob(top[i]);
        }
        boolean[] isShown = new boolean[logits.length];
        for (int t : top) {
            isShown[t] = true;
        }
        for (int i = 0; i < logits.length; i++) {
            rest += isShown[i] ? 0 : d.prob(i);
        }
        return "<div class=\"tempered-playground\" id=\"" + id + "\"><style>" + STYLE + "</style>"
                + StaticPicture.html(
                        title, chain.toString(), shown, probs, rest, logits.length - top.length, Figures.of(d))
                + "<script>(" + SCRIPT + ")(document.getElementById(\"" + id + "\"), " + config(top, shown)
                + ");</script></div>";
    }

    private String config(int[] top, List<String> shown) {
        double[] minPLogs = new double[100];
        for (int i = 0; i < minPLogs.length; i++) {
            // The page's min-p slider gives (i + 1) / 100; ln p from Java keeps the boundary the library's to the bit.
            minPLogs[i] = Math.log((i + 1) / 100.0);
        }
        return "{\"size\":" + logits.length
                + ",\"encoding\":" + PageData.string(PageData.encoding(logits))
                + ",\"logits\":" + PageData.string(PageData.base64(logits))
                + ",\"top\":" + PageData.ints(top)
                + ",\"labels\":" + PageData.strings(shown)
                + ",\"title\":" + PageData.string(title)
                + ",\"seed\":" + PageData.string(Long.toString(settings.seed()))
                + ",\"minPLogs\":" + PageData.numbers(minPLogs)
                + ",\"start\":{\"temperature\":" + PageData.number(settings.temperature())
                + ",\"topK\":" + settings.topK()
                + ",\"topP\":" + PageData.number(settings.topP())
                + ",\"minP\":" + PageData.number(settings.minP())
                + ",\"minPLog\":" + PageData.number(settings.minP() > 0 ? Math.log(settings.minP()) : 0)
                + ",\"temperatureLast\":" + temperatureLast + "}}";
    }

    private String label(int id) {
        return labels != null ? labels.get(id) : Gpt2Tokenizer.quoted(tokenizer.token(id));
    }

    private static String resource(String name) {
        try (InputStream in = Playground.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the playground's " + name + " is missing from the library; rebuild it with mvn -B package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the playground's " + name + ": " + e.getMessage(), e);
        }
    }
}
