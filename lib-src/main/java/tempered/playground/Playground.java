package tempered.playground;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import tempered.math.Logits;
import tempered.math.Ranking;
import tempered.sampling.SamplerChain;
import tempered.sampling.SamplerSettings;
import tempered.text.Tokenizer;

/**
 * An interactive view of one next-token distribution, as one self-contained HTML fragment for a notebook: a
 * slider for T (0, then 0.01 to 100 on a log scale), bars for the likeliest tokens and rows that say what the other
 * tokens hold, live figures (entropy, perplexity, the top token's probability, the tokens that hold 90% of the
 * mass) and buttons that draw 1, 100 or 1,000 seeded tokens and tally them beside the bars.
 *
 * <p>It shows the temperature and the draw buttons; a notebook opts into the controls it has taught:
 * {@link #controls} names them ({@link Control#TOP_K}, {@link Control#ORDER}, {@link Control#XTC}, ...),
 * {@link #upToNotebook} takes every control taught up to a notebook, and a sampler given a starting value
 * ({@link #topK}, ...) shows its own. Options add the logits and logits / T beside the bars ({@link #showLogits})
 * and, for a short list, a bar for every token in list order ({@link #listOrder}) and each token's stretch of
 * [0, 1) in list order with the u of each draw ({@link #stretches}), as the draw notebook's dart picture shows them.
 * The temperature's slider shades 0.7 to 1, the range used in practice, and marks T = 0.2, 1 and 2 (the most the
 * APIs accept); a click on a mark sets T to it.
 *
 * <p>The page computes with the library itself: {@link PageEngine} and the sampler chain it runs are compiled to
 * JavaScript when the library is built (TeaVM), so its figures are {@link #figures()} and its draws those of
 * {@link #chain()} with the same seed, by construction, and the browser tests check it. Nothing is loaded from the
 * network and no widget library or server is involved. Where the script does not run (an untrusted notebook, a
 * viewer that strips scripts), a still picture of the starting settings, computed by the same engine in Java,
 * stays in its place.
 *
 * <p>Unless the list order is asked for, only the likeliest tokens by logit get a bar: no setting changes that
 * order, so they are the only ones that can. Masked tokens ({@code -Infinity}) stay masked. It leaves out the repetition penalty, DRY and
 * dynamic temperature, which need a text so far or change T by themselves.
 *
 * <pre>{@code
 * html(Playground.of(new double[] {-49.82, -46.40, -45.25, -47.30, -48.32},
 *         List.of("ceiling", "floor", "mat", "car", "grass")).temperature(0.8).html());
 * Playground.of(gpt2Logits, Gpt2Tokenizer.get()).upToNotebook(5).topK(40).temperatureLast(true).chain();
 * // top-k(40) -> temperature(1) -> random(seed=0)
 * }</pre>
 */
public final class Playground {
    private static final String SCRIPT = resource("playground.js");
    private static final String STYLE = resource("playground.css");
    /** Above this many tokens the stretches would be too thin to see or to label. */
    static final int MOST_STRETCHES = 20;

    private final double[] logits;
    private final List<String> labels;
    private final Tokenizer tokenizer;
    // The settings and options change only on a fresh copy, before with() returns it: to its callers a
    // playground never changes.
    private SamplerSettings settings = SamplerSettings.of(1.0);
    private boolean temperatureLast;
    private int bars;
    private String title = "";
    private Set<Control> controls = Collections.unmodifiableSet(EnumSet.of(Control.TEMPERATURE));
    private boolean showLogits;
    private boolean stretches;
    private boolean listOrder;

    private Playground(double[] logits, List<String> labels, Tokenizer tokenizer) {
        this.logits = logits;
        this.labels = labels;
        this.tokenizer = tokenizer;
        this.bars = Math.min(10, logits.length);
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
        return new Playground(logits.clone(), List.copyOf(labels), null);
    }

    /**
     * A playground for a model's logits over its whole vocabulary, labelled by its tokenizer (GPT-2's, SmolLM2's or
     * any other), tokens in quotes. There must be one logit per token id the tokenizer has.
     */
    public static Playground of(float[] logits, Tokenizer tokenizer) {
        if (tokenizer == null) {
            throw new IllegalArgumentException(
                    "tokenizer must not be null; pass the tokenizer of the model the logits come from,"
                            + " e.g. Gpt2Tokenizer.get() for GPT-2's");
        }
        double[] wide = Logits.toDouble(logits);
        Logits.requireValid(wide);
        requireVocabulary(wide.length, tokenizer);
        return new Playground(wide, null, tokenizer);
    }

    private static void requireVocabulary(int count, Tokenizer tokenizer) {
        int size;
        try {
            size = tokenizer.vocabularySize();
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException(tokenizer + " does not say how many tokens it has, so a playground"
                    + " cannot check that the logits are its model's; pass labels of your own with"
                    + " Playground.of(double[], List)");
        }
        if (count != size) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "a playground labels logits with %s, which knows %,d tokens, but there are %,d logits: they come"
                            + " from another model, or were cut. Pass that model's tokenizer, or labels of your own"
                            + " with Playground.of(double[], List)",
                    tokenizer,
                    size,
                    count));
        }
    }

    /** A copy with {@code change} made to it. */
    private Playground with(Consumer<Playground> change) {
        Playground copy = new Playground(logits, labels, tokenizer);
        copy.settings = settings;
        copy.temperatureLast = temperatureLast;
        copy.bars = bars;
        copy.title = title;
        copy.controls = controls;
        copy.showLogits = showLogits;
        copy.stretches = stretches;
        copy.listOrder = listOrder;
        change.accept(copy);
        return copy;
    }

    private Playground with(SamplerSettings value) {
        return with(p -> p.settings = value);
    }

    /** A heading above the view. */
    public Playground title(String value) {
        return with(p -> p.title = value == null ? "" : value);
    }

    /**
     * Shows these controls too, beside the temperature's slider and the draw buttons: those the notebook has
     * taught. {@code controls(Control.TOP_K, Control.TOP_P, Control.MIN_P, Control.ORDER)} is notebook 5's set.
     */
    public Playground controls(Control... more) {
        if (more == null) {
            throw new IllegalArgumentException("controls must not be null; pass Control values, e.g. Control.TOP_K");
        }
        Set<Control> all = EnumSet.copyOf(controls);
        for (Control c : more) {
            if (c == null) {
                throw new IllegalArgumentException(
                        "a control must not be null; pass Control values, e.g. Control.TOP_K");
            }
            all.add(c);
        }
        requireDrawsOneDistribution(all, stretches);
        return with(p -> p.controls = Collections.unmodifiableSet(all));
    }

    /** Shows every control taught in notebooks 1 to {@code notebook} ({@link Control#notebook}). */
    public Playground upToNotebook(int notebook) {
        if (notebook < 1) {
            throw new IllegalArgumentException(
                    "notebook=" + notebook + " must be at least 1: the notebooks are numbered from 01");
        }
        List<Control> taught = new ArrayList<>();
        for (Control c : Control.values()) {
            if (c.notebook() <= notebook && !(stretches && changesEveryDraw(c))) {
                taught.add(c);
            }
        }
        return controls(taught.toArray(new Control[0]));
    }

    /** The controls the page shows, the temperature first. */
    public Set<Control> controls() {
        return controls;
    }

    /** The starting temperature: 0 is greedy; the slider offers 0 and 0.01 to 100. */
    public Playground temperature(double value) {
        return with(settings.withTemperature(value));
    }

    /** The starting top-k, and its slider; 0 turns it off. */
    public Playground topK(int value) {
        return starting(Control.TOP_K, settings.withTopK(value));
    }

    /** The starting top-p, and its slider; 1 turns it off. */
    public Playground topP(double value) {
        return starting(Control.TOP_P, settings.withTopP(value));
    }

    /** The starting min-p, and its slider; 0 turns it off. */
    public Playground minP(double value) {
        return starting(Control.MIN_P, settings.withMinP(value));
    }

    /** The starting top-n-sigma, and its slider; 0 turns it off. */
    public Playground topNSigma(double value) {
        return starting(Control.TOP_N_SIGMA, settings.withTopNSigma(value));
    }

    /** The starting typical-p, and its slider; 1 turns it off. */
    public Playground typicalP(double value) {
        return starting(Control.TYPICAL_P, settings.withTypicalP(value));
    }

    /** XTC's starting share of steps, and its slider (0 turns it off), at this threshold (llama.cpp's is 0.1). */
    public Playground xtc(double probability, double threshold) {
        return starting(Control.XTC, settings.withXtc(probability, threshold));
    }

    /** Mirostat v2 with this starting target tau in bits, and its slider (0 turns it off), at this rate eta. */
    public Playground mirostatV2(double tau, double eta) {
        return starting(Control.MIROSTAT_V2, settings.withMirostatV2(tau, eta));
    }

    private Playground starting(Control control, SamplerSettings value) {
        Playground p = with(value);
        return control.isOn(value) ? p.controls(control) : p;
    }

    /** The seed of the draws: the page's first n draws are {@link #chain()}'s first n. */
    public Playground seed(long value) {
        return with(settings.withSeed(value));
    }

    /** True for llama.cpp's order (temperature after the truncation samplers), false for transformers' and vLLM's. */
    public Playground temperatureLast(boolean value) {
        return with(p -> p.temperatureLast = value);
    }

    /** How many of the likeliest tokens get a bar of their own (10 unless set); rows below say what the rest hold. */
    public Playground bars(int value) {
        if (value < 1) {
            throw new IllegalArgumentException(
                    "bars=" + value + " must be at least 1; the rest of the tokens always get rows of their own");
        }
        return with(p -> p.bars = Math.min(value, logits.length));
    }

    /** With true, each bar shows its token's logit and the logit divided by T, which is what the softmax sees. */
    public Playground showLogits(boolean value) {
        return with(p -> p.showLogits = value);
    }

    /**
     * With true, the page lays every token's stretch of [0, 1) in list order, each as long as its probability, and
     * marks the uniform number u of each draw where it lands, as notebook 3's dart picture does. For a list of at
     * most 20 tokens; each gets a bar, in list order ({@link #listOrder}).
     */
    public Playground stretches(boolean value) {
        requireShortList(value, "stretches in list order need", "stretches too thin to see");
        requireDrawsOneDistribution(controls, value);
        return with(p -> {
            p.stretches = value;
            p.listOrder = value || listOrder;
        });
    }

    /**
     * With true, every token gets a bar, in the order of the list rather than by logit, as a notebook's table of
     * the same tokens shows them. For a list of at most 20 tokens.
     */
    public Playground listOrder(boolean value) {
        requireShortList(value, "a bar for every token in list order needs", "more bars than fit the page");
        return with(p -> p.listOrder = value || stretches);
    }

    private void requireShortList(boolean value, String what, String why) {
        if (value && logits.length > MOST_STRETCHES) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "%s a short list: %,d tokens would make %s; use it on at most %d tokens, such as the greetings,"
                            + " or bars(n) for the likeliest n",
                    what,
                    logits.length,
                    why,
                    MOST_STRETCHES));
        }
    }

    private static boolean changesEveryDraw(Control c) {
        return c == Control.XTC || c == Control.MIROSTAT_V2;
    }

    private static void requireDrawsOneDistribution(Set<Control> controls, boolean stretches) {
        for (Control c : controls) {
            if (stretches && changesEveryDraw(c)) {
                throw new IllegalArgumentException("the stretches show one distribution, but " + c.label()
                        + " changes it at every draw; show the stretches or " + c.label() + ", not both");
            }
        }
    }

    /** Whether the chain starts in llama.cpp's order. */
    boolean isTemperatureLast() {
        return temperatureLast;
    }

    /** The chain the starting settings describe, in the order chosen. */
    public SamplerChain chain() {
        return temperatureLast ? settings.temperatureLast() : settings.temperatureFirst();
    }

    /** The figures the page shows at its starting settings, computed by the library. */
    public Figures figures() {
        return Figures.of(chain().distribution(logits));
    }

    /** The ids that get a bar: the likeliest by logit, ties to the lower id; every id in list order if asked. */
    public int[] shownIds() {
        if (listOrder) {
            int[] all = new int[logits.length];
            Arrays.setAll(all, i -> i);
            return all;
        }
        return Ranking.top(logits, bars);
    }

    /** The engine at the starting settings: what the page computes first, here in Java. */
    PageEngine engine() {
        PageEngine engine = PageEngine.of(logits, shownIds(), settings.seed());
        start().forEach(engine::set);
        engine.temperatureLast(temperatureLast);
        return engine;
    }

    /** Every setting the engine takes, as the page sets them; XTC's threshold before its share, eta before tau. */
    private Map<String, Double> start() {
        Map<String, Double> start = new LinkedHashMap<>();
        start.put("xtcThreshold", settings.xtcThreshold());
        start.put("mirostatEta", settings.mirostatEta());
        for (Control c : Control.values()) {
            if (c.slider()) {
                start.put(c.key(), c.read(settings));
            }
        }
        return start;
    }

    /**
     * The view as HTML for {@code display(..., "text/html")}: a still picture of the starting settings, the
     * page's script and engine, which replace it with the interactive view, and its data. Each call gets a new id,
     * so any number of playgrounds can share a notebook.
     */
    public String html() {
        // Random, not seeded: a playground shown after a kernel restart must not take the id of one still on screen.
        String id = "tempered-playground-" + UUID.randomUUID();
        int[] top = shownIds();
        List<String> shown = new ArrayList<>();
        for (int t : top) {
            shown.add(label(t));
        }
        List<String> inOrder = new ArrayList<>();
        if (stretches) {
            for (int i = 0; i < logits.length; i++) {
                inOrder.add(label(i));
            }
        }
        PageEngine engine = engine();
        return "<div class=\"tempered-playground\" id=\"" + id + "\"><style>" + STYLE + "</style>"
                + StaticPicture.html(title, engine, shown, inOrder, showLogits, figures())
                + "<script>(" + SCRIPT + ")(document.getElementById(\"" + id + "\"), " + config(top, shown, inOrder)
                + ", function () {" + Engine.SCRIPT + "\nreturn {load: load, text: text, probabilityText:"
                + " probabilityText, grouped: grouped, fixed4: fixed4};});</script></div>";
    }

    private String config(int[] top, List<String> shown, List<String> inOrder) {
        List<Map<String, Object>> sliders = new ArrayList<>();
        for (Control c : controls) {
            if (c.slider()) {
                double start = c.read(settings);
                double[] positions = c.positions(logits.length, start);
                int at = 0;
                while (positions[at] != start) {
                    at++;
                }
                Map<String, Object> slider = new LinkedHashMap<>();
                slider.put("key", c.key());
                slider.put("label", c.label());
                slider.put("slug", c.slug());
                slider.put("positions", positions);
                slider.put("start", at);
                sliders.add(slider);
            }
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("size", logits.length);
        config.put("encoding", PageData.encoding(logits));
        config.put("logits", PageData.base64(logits));
        config.put("top", top);
        config.put("labels", shown);
        config.put("listLabels", inOrder);
        config.put("title", title);
        config.put("seed", Long.toString(settings.seed()));
        config.put("controls", sliders);
        config.put("order", controls.contains(Control.ORDER));
        config.put("temperatureLast", temperatureLast);
        config.put("start", start());
        config.put("showLogits", showLogits);
        config.put("stretches", stretches);
        return PageData.json(config);
    }

    private String label(int id) {
        return labels != null ? labels.get(id) : Tokenizer.quoted(tokenizer.token(id));
    }

    static String resource(String name) {
        try (InputStream in = Playground.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the playground's " + name + " is missing from the library; rebuild it"
                        + " with mvn -B package (engine.js is compiled from Java by TeaVM in that build)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the playground's " + name + ": " + e.getMessage(), e);
        }
    }

    /** The engine's script, read when a page first needs it. */
    private static final class Engine {
        static final String SCRIPT = script();

        private static String script() {
            String script = resource("engine.js");
            if (script.toLowerCase(Locale.ROOT).contains("</script")) {
                throw new IllegalStateException("the playground's engine.js contains </script, which would end the"
                        + " page's script early; this is a build defect");
            }
            return script;
        }
    }
}
