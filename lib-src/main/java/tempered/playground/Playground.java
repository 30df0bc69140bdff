package tempered.playground;

import java.util.List;
import java.util.Locale;
import tempered.math.Distribution;
import tempered.math.Logits;
import tempered.math.TokenProbability;
import tempered.sampling.SamplerChain;
import tempered.sampling.SamplerSettings;
import tempered.text.Tokenizer;

/**
 * An interactive view of one next-token distribution, as one self-contained HTML fragment for a notebook
 * ({@code display(playground.html(), "text/html")}): sliders for T, top-k, top-p and min-p, the order switch,
 * bars for the top tokens plus one for the rest, live figures and a seeded "draw" button.
 *
 * <p>This first version draws only the static view of the starting settings; the interactive page replaces it.
 *
 * <pre>{@code
 * Playground.of(new double[] {-49.82, -46.40, -45.25, -47.30, -48.32},
 *         List.of("ceiling", "floor", "mat", "car", "grass")).temperature(1.0).html();
 * }</pre>
 */
public final class Playground {
    private final double[] logits;
    private final List<String> labels;
    private final Tokenizer tokenizer;
    private final SamplerSettings settings;
    private final boolean temperatureLast;
    private final int bars;
    private final String title;

    private Playground(double[] logits, List<String> labels, Tokenizer tokenizer, SamplerSettings settings, boolean temperatureLast,
            int bars, String title) {
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
            throw new IllegalArgumentException("a playground needs one label per logit: got " + logits.length + " logits and "
                    + (labels == null ? "no" : labels.size()) + " labels");
        }
        return new Playground(logits.clone(), List.copyOf(labels), null, SamplerSettings.of(1.0), false, Math.min(10, logits.length), "");
    }

    /** A playground for a model's logits over its whole vocabulary, labelled by its tokenizer. */
    public static Playground of(float[] logits, Tokenizer tokenizer) {
        if (tokenizer == null) {
            throw new IllegalArgumentException("tokenizer must not be null; use Gpt2Tokenizer.get() for GPT-2's logits");
        }
        double[] wide = Logits.toDouble(logits);
        Logits.requireValid(wide);
        return new Playground(wide, null, tokenizer, SamplerSettings.of(1.0), false, Math.min(10, wide.length), "");
    }

    public Playground title(String value) {
        return new Playground(logits, labels, tokenizer, settings, temperatureLast, bars, value == null ? "" : value);
    }

    public Playground temperature(double value) {
        return with(new SamplerSettings(value, settings.topK(), settings.topP(), settings.minP(), 1.0, settings.seed()));
    }

    /** 0 turns top-k off. */
    public Playground topK(int value) {
        return with(settings.withTopK(value));
    }

    /** 1 turns top-p off. */
    public Playground topP(double value) {
        return with(settings.withTopP(value));
    }

    /** 0 turns min-p off. */
    public Playground minP(double value) {
        return with(settings.withMinP(value));
    }

    /** The seed of the first draw the "draw" button makes. */
    public Playground seed(long value) {
        return with(settings.withSeed(value));
    }

    /** True for llama.cpp's order (temperature after the truncation samplers), false for transformers' and vLLM's. */
    public Playground temperatureLast(boolean value) {
        return new Playground(logits, labels, tokenizer, settings, value, bars, title);
    }

    /** How many of the top tokens get a bar of their own; the rest share one. */
    public Playground bars(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("bars=" + value + " must be at least 1");
        }
        return new Playground(logits, labels, tokenizer, settings, temperatureLast, Math.min(value, logits.length), title);
    }

    private Playground with(SamplerSettings value) {
        return new Playground(logits, labels, tokenizer, value, temperatureLast, bars, title);
    }

    /** The chain the starting settings describe. */
    public SamplerChain chain() {
        return temperatureLast ? settings.temperatureLast() : settings.temperatureFirst();
    }

    /** The view as HTML for {@code display(..., "text/html")}. */
    public String html() {
        Distribution d = chain().distribution(logits);
        StringBuilder s = new StringBuilder("<div class=\"tempered-playground\">");
        if (!title.isEmpty()) {
            s.append("<b>").append(escape(title)).append("</b><br>");
        }
        s.append("<div>").append(escape(chain().toString())).append("</div><table>");
        double shown = 0;
        for (TokenProbability t : d.top(bars)) {
            shown += t.prob();
            s.append(row(label(t.id()), t.prob()));
        }
        if (bars < logits.length) {
            s.append(row("(all the rest)", Math.max(0, 1 - shown)));
        }
        return s.append("</table></div>").toString();
    }

    private String label(int id) {
        return labels != null ? labels.get(id) : tokenizer.token(id);
    }

    private static String row(String label, double p) {
        return String.format(Locale.ROOT, "<tr><td style=\"text-align:left\">%s</td><td>%.5f</td>"
                + "<td><div style=\"background:#4a7ebb;height:0.9em;width:%.1fpx\"></div></td></tr>", escape(label), p, 300 * p);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
