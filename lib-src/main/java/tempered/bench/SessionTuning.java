package tempered.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tempered.model.OnnxModel;
import tempered.model.SessionSettings;

/**
 * What each ONNX Runtime setting buys: batch-1 decoding with one setting changed from Tempered's defaults,
 * against the defaults in the same run (runs alternate, and each run's ratio is taken before the median).
 *
 * <p>Each variant is opened with its system property set ({@link SessionSettings}) and closed before the next,
 * so only two models are in memory at once.
 */
final class SessionTuning {
    private SessionTuning() {}

    static void measure(Path model, String name, Scale scale, Measurements figures, PrintStream log) {
        Map<String, Map<String, String>> variants = new LinkedHashMap<>();
        variants.put("1 thread", Map.of(SessionSettings.THREADS, "1"));
        variants.put("no spinning", Map.of(SessionSettings.SPINNING, "false"));
        variants.put("optimisation extended", Map.of(SessionSettings.OPTIMIZATION, "extended"));
        variants.put("optimisation basic", Map.of(SessionSettings.OPTIMIZATION, "basic"));
        variants.put("no optimisation", Map.of(SessionSettings.OPTIMIZATION, "none"));
        int steps = Math.max(8, scale.decodeSteps() / 4);
        try (OnnxModel defaults = OnnxModel.open(model)) {
            for (Map.Entry<String, Map<String, String>> variant : variants.entrySet()) {
                log.println(name + " decoding with " + variant.getKey() + " ...");
                try (OnnxModel changed = openWith(model, variant.getValue())) {
                    double[] ratios = new double[scale.runs()];
                    for (int run = -1; run < scale.runs(); run++) {
                        double usual = Decoding.tokens(defaults, steps);
                        double other = Decoding.tokens(changed, steps);
                        if (run >= 0) {
                            ratios[run] = usual / other;
                        }
                    }
                    figures.add(Figure.of(
                            name + " decoding with " + variant.getKey() + " / with the defaults", "x", ratios));
                }
            }
        }
    }

    private static OnnxModel openWith(Path model, Map<String, String> properties) {
        Map<String, String> saved = new LinkedHashMap<>();
        properties.keySet().forEach(key -> saved.put(key, System.getProperty(key)));
        properties.forEach(System::setProperty);
        try {
            return OnnxModel.open(model);
        } finally {
            saved.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }
}
