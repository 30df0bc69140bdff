package tempered.notebook;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import tempered.format.Html;
import tempered.generate.Sample;
import tempered.generate.Step;

/**
 * A generated text as HTML, each token shaded by its probability: once under the raw model (T = 1) and once
 * under the chain that chose it, one above the other, so you can see where the sampler took a token the
 * model found unlikely. Hovering a token shows both probabilities.
 *
 * <p>The shade is logarithmic: probability 1 is deep blue, 1e-6 and below white, since the probabilities of
 * chosen tokens span many orders of magnitude. A legend under the two lines shows the shade of each power of ten,
 * so a reader can put a number on a colour without hovering.
 */
public final class TokenHeatmap {
    private TokenHeatmap() {}

    /** The two shaded lines for one sample, after its prompt in plain text. */
    public static String html(String prompt, Sample sample) {
        if (sample == null || prompt == null) {
            throw new IllegalArgumentException("give the prompt and a sample from a Generation");
        }
        return "<div class=\"tempered-heatmap\" style=\"font-family:monospace;line-height:1.9\">"
                + line("raw model (T = 1)", prompt, sample.steps(), Step::rawProbability, true)
                + line("sampler chain", prompt, sample.steps(), Step::probability, false)
                + legend()
                + "</div>";
    }

    /** One swatch per power of ten, from 1e-6 (white) to 1 (deep blue), in the shades the lines use. */
    static String legend() {
        StringBuilder out = new StringBuilder("<div style=\"font-size:smaller;margin-top:4px\"><b>probability:</b>");
        String[] labels = {"0.000001 or less", "0.00001", "0.0001", "0.001", "0.01", "0.1", "1"};
        for (int i = 0; i < labels.length; i++) {
            double t = i / 6.0;
            out.append(String.format(
                    Locale.ROOT,
                    " <span style=\"background-color:%s;color:%s;padding:0 4px;border:1px solid #ccc\">%s</span>",
                    Shading.colour(t),
                    textColour(t),
                    labels[i]));
        }
        return out.append("</div>").toString();
    }

    private static String textColour(double t) {
        return t > 0.55 ? "#ffffff" : "#111111";
    }

    private static String line(
            String label, String prompt, List<Step> steps, ToDoubleFunction<Step> probability, boolean raw) {
        StringBuilder out = new StringBuilder("<div><b>")
                .append(escape(label))
                .append(":</b> <span style=\"color:#666\">")
                .append(escape(prompt))
                .append("</span>");
        for (Step step : steps) {
            double p = probability.applyAsDouble(step);
            double t = p > 0 ? Math.max(0, Math.min(1, 1 + Math.log10(p) / 6)) : 0;
            String title = raw
                    ? String.format(Locale.ROOT, "raw p = %.3g", p)
                    : String.format(Locale.ROOT, "p = %.3g (raw %.3g)", p, step.rawProbability());
            out.append(String.format(
                    Locale.ROOT,
                    "<span title=\"%s\" style=\"background-color:%s;color:%s\">%s</span>",
                    title,
                    Shading.colour(t),
                    textColour(t),
                    escape(step.token())));
        }
        return out.append("</div>").toString();
    }

    private static String escape(String text) {
        return Html.escape(text).replace("\n", "⏎");
    }
}
