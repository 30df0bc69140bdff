package tempered.playground;

import java.util.ArrayList;
import java.util.List;
import tempered.format.Numbers;
import tempered.sampling.SamplerSettings;

/**
 * One control a playground can show, with the notebook that teaches it: a slider for one sampler setting, or the
 * switch for the order of the chain. A playground shows the temperature and the draw buttons; a notebook opts
 * into the rest ({@link Playground#controls}, {@link Playground#upToNotebook}), so a learner never meets a knob
 * that no notebook has explained yet.
 *
 * <p>Each slider offers a fixed list of values, one of which turns its sampler off; the playground's starting
 * value is added to the list when it is not on it. XTC's threshold and mirostat's eta keep their starting values
 * (llama.cpp's defaults, 0.1, unless set): their sliders are XTC's probability and mirostat's target tau.
 *
 * <pre>{@code
 * Control.TOP_P.text(1.0);        // "off"
 * Control.TEMPERATURE.text(0);    // "0 (greedy)"
 * Control.TOP_K.notebook();       // 5
 * }</pre>
 */
public enum Control {
    /** The temperature T: 0 (greedy), then 0.01 to 100 on a log scale. Always shown. */
    TEMPERATURE("temperature", "T", 1),
    /** Top-k, 0 (off) to 100, or the vocabulary's size when it is smaller. */
    TOP_K("topK", "top-k", 5),
    /** Top-p, 0.01 to 1 (off). */
    TOP_P("topP", "top-p", 5),
    /** Min-p, 0 (off) to 1. */
    MIN_P("minP", "min-p", 5),
    /** The switch between temperature first (transformers; vLLM too, unless both top-p and min-p are on) and temperature last (llama.cpp). */
    ORDER("order", "order", 5),
    /** Top-n-sigma, 0 (off) to 4 standard deviations. */
    TOP_N_SIGMA("topNSigma", "top-n-sigma", 5),
    /** Locally typical sampling, 0.01 to 1 (off). */
    TYPICAL_P("typicalP", "typical-p", 5),
    /** XTC's share of steps, 0 (off) to 1, at the starting threshold. */
    XTC("xtcProbability", "XTC", 5),
    /** Mirostat v2's target surprise tau, 0 (off) to 10 bits, at the starting eta. */
    MIROSTAT_V2("mirostatTau", "mirostat", 5);

    private static final String[] MANTISSAS = {
        "1", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "2", "2.2", "2.4", "2.5", "2.6", "2.8", "3",
        "3.2", "3.5", "3.8", "4", "4.5", "5", "5.5", "6", "6.5", "7", "7.5", "8", "8.5", "9", "9.5"
    };

    private final String key;
    private final String label;
    private final int notebook;

    Control(String key, String label, int notebook) {
        this.key = key;
        this.label = label;
        this.notebook = notebook;
    }

    /** The setting's name on the page ({@code topK}); the order switch's is {@code order}. */
    public String key() {
        return key;
    }

    /** The name beside the slider ({@code top-k}). */
    public String label() {
        return label;
    }

    /** The notebook that teaches it: 1 for the temperature, 5 (sampling strategies) for the others. */
    public int notebook() {
        return notebook;
    }

    /** A slug for the page's class names: {@code top-k}, {@code typical-p}. */
    String slug() {
        return this == TEMPERATURE ? "temperature" : label.toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether this is a slider (every control but the order switch). */
    boolean slider() {
        return this != ORDER;
    }

    /** The value of this control's setting in {@code settings}; NaN for the order switch. */
    double read(SamplerSettings settings) {
        return switch (this) {
            case TEMPERATURE -> settings.temperature();
            case TOP_K -> settings.topK();
            case TOP_P -> settings.topP();
            case MIN_P -> settings.minP();
            case TOP_N_SIGMA -> settings.topNSigma();
            case TYPICAL_P -> settings.typicalP();
            case XTC -> settings.xtcProbability();
            case MIROSTAT_V2 -> settings.mirostatTau();
            case ORDER -> Double.NaN;
        };
    }

    /** The value that turns this control's sampler off. */
    double off() {
        return switch (this) {
            case TOP_P, TYPICAL_P, TEMPERATURE -> 1.0;
            default -> 0.0;
        };
    }

    /** Whether {@code settings} use this control's sampler (the temperature always counts as used). */
    boolean isOn(SamplerSettings settings) {
        return this == TEMPERATURE || (slider() && read(settings) != off());
    }

    /** The values the slider offers, from left to right, with {@code start} among them. */
    double[] positions(int vocabularySize, double start) {
        List<Double> values = new ArrayList<>();
        switch (this) {
            case TEMPERATURE -> {
                values.add(0.0);
                for (int exponent = -2; exponent <= 1; exponent++) {
                    for (String m : MANTISSAS) {
                        values.add(Double.parseDouble(m + "e" + exponent));
                    }
                }
                values.add(100.0);
            }
            case TOP_K -> {
                for (int k = 0; k <= Math.min(vocabularySize, 100); k++) {
                    values.add((double) k);
                }
            }
            case TOP_P, TYPICAL_P -> steps(values, 1, 100, 100.0);
            case MIN_P -> steps(values, 0, 100, 100.0);
            case TOP_N_SIGMA -> steps(values, 0, 40, 10.0);
            case XTC -> steps(values, 0, 20, 20.0);
            case MIROSTAT_V2 -> steps(values, 0, 20, 2.0);
            case ORDER -> {}
        }
        if (slider() && !values.contains(start)) {
            int at = 0;
            while (at < values.size() && values.get(at) < start) {
                at++;
            }
            values.add(at, start);
        }
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static void steps(List<Double> values, int from, int to, double per) {
        for (int i = from; i <= to; i++) {
            values.add(i / per);
        }
    }

    /** {@code settings} with this control's setting at {@code value}. */
    SamplerSettings apply(SamplerSettings settings, double value) {
        return switch (this) {
            case TEMPERATURE -> settings.withTemperature(value);
            case TOP_K -> settings.withTopK((int) value);
            case TOP_P -> settings.withTopP(value);
            case MIN_P -> settings.withMinP(value);
            case TOP_N_SIGMA -> settings.withTopNSigma(value);
            case TYPICAL_P -> settings.withTypicalP(value);
            case XTC -> settings.withXtc(value, settings.xtcThreshold());
            case MIROSTAT_V2 -> settings.withMirostatV2(value, settings.mirostatEta());
            case ORDER -> settings;
        };
    }

    /** A value as the slider shows it: {@code off} where the sampler is off, {@code 0 (greedy)} for T = 0. */
    public String text(double value) {
        if (this == TEMPERATURE) {
            return value == 0 ? "0 (greedy)" : Numbers.format(value);
        }
        if (value == off()) {
            return "off";
        }
        return this == TOP_K
                ? Integer.toString((int) value)
                : Numbers.format(value) + (this == MIROSTAT_V2 ? " bits" : "");
    }

    /** The control whose {@link #key} is {@code key}. */
    static Control byKey(String key) {
        for (Control c : values()) {
            if (c.key.equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no playground control is called " + key);
    }
}
