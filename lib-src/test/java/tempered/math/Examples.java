package tempered.math;

import java.util.List;

/** The worked examples the notebooks teach with, shared by the tests: the greetings (notebook 01), the five words and the fruit (notebook 02). */
public final class Examples {
    private Examples() {}

    public static final List<String> WORDS = List.of("ceiling", "floor", "mat", "car", "grass");
    public static final double[] WORD_LOGITS = {-49.82, -46.40, -45.25, -47.30, -48.32};

    public static final List<String> GREETINGS = List.of("Ni Hao", "Konnichiwa", "Hola", "Namaste", "Hello", "Ciao");
    public static final double[] GREETING_LOGITS = {0.1, 0, 0.5, 1, 4, 0.6};

    public static final List<String> FRUITS = List.of("apple", "banana", "cherry");
    public static final double[] FRUIT_PROBS = {0.5, 0.3, 0.2};
}
