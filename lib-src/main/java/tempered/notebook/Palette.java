package tempered.notebook;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The colours of the charts. Unordered series (tokens, samplers, prompts) get Okabe and Ito's qualitative palette,
 * which stays distinguishable with the common colour-vision deficiencies. Series that are temperatures, being
 * ordered, get a sequential ramp instead: from a deep indigo for the coldest to an orange for the hottest, its
 * lightness rising steadily, so the order still reads in grayscale, and its lightest colour keeps a contrast of at
 * least 3:1 with white (the WCAG minimum for graphics). Reference lines and expected values are grey.
 *
 * <p>A series counts as a temperature when its name starts with one, as the notebooks name them: {@code "T=0.5"},
 * {@code "T = 2"}, {@code "T = 0.5 (slope 2)"}. When every series of a chart is named so, with distinct
 * temperatures, the ramp is used, spread evenly by rank so neighbours differ as much as they can.
 */
final class Palette {
    // Okabe and Ito's palette without its yellow (#F0E442), which is too light for a line on white.
    static final Color[] QUALITATIVE = {
        new Color(0x0072B2),
        new Color(0xE69F00),
        new Color(0x009E73),
        new Color(0xCC79A7),
        new Color(0x56B4E9),
        new Color(0xD55E00),
        new Color(0x000000)
    };

    /** The sequential ramp's anchors, coldest first; between them colours are interpolated. */
    private static final Color[] RAMP = {
        new Color(0x1f0c48), new Color(0x6b1d81), new Color(0xb8356b), new Color(0xdd5e18)
    };

    /** Reference lines (an asymptote, y = x): a mid grey, dark enough to read, light enough to stay behind the data. */
    static final Color REFERENCE = new Color(0x707070);

    /** Bars of expected values beside observed ones. */
    static final Color EXPECTED = new Color(0xB0B0B0);

    private static final Pattern TEMPERATURE = Pattern.compile("^T\\s*=\\s*([0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)");

    private Palette() {}

    /** The colours of {@code names}, in order: the ramp by temperature when all are temperatures, else qualitative. */
    static Color[] colours(Collection<String> names) {
        List<Double> temperatures = new ArrayList<>();
        for (String name : names) {
            OptionalDouble t = temperature(name);
            if (t.isEmpty() || temperatures.contains(t.getAsDouble())) {
                return QUALITATIVE;
            }
            temperatures.add(t.getAsDouble());
        }
        if (temperatures.size() < 2) {
            return QUALITATIVE;
        }
        List<Double> sorted = temperatures.stream().sorted().toList();
        Color[] colours = new Color[temperatures.size()];
        for (int i = 0; i < colours.length; i++) {
            colours[i] = ramp((double) sorted.indexOf(temperatures.get(i)) / (colours.length - 1));
        }
        return colours;
    }

    /** The temperature a series name starts with, if it does. */
    static OptionalDouble temperature(String name) {
        Matcher m = TEMPERATURE.matcher(name);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }

    /** The sequential ramp at {@code t} in [0, 1]: 0 the coldest colour, 1 the hottest. */
    static Color ramp(double t) {
        double x = Math.max(0, Math.min(1, t)) * (RAMP.length - 1);
        int i = Math.min((int) x, RAMP.length - 2);
        double f = x - i;
        Color a = RAMP[i];
        Color b = RAMP[i + 1];
        return new Color(
                (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * f),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * f),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * f));
    }

    /** WCAG's relative luminance of a colour, 0 for black to 1 for white. */
    static double luminance(Color colour) {
        return 0.2126 * linear(colour.getRed())
                + 0.7152 * linear(colour.getGreen())
                + 0.0722 * linear(colour.getBlue());
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
