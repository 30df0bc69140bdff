package tempered.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The benchmark's figures by label, in the order they were measured, with notes on what they mean. */
public final class Measurements {
    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    /** Adds a figure; a label can be measured once per run. */
    public Figure add(Figure figure) {
        if (figures.putIfAbsent(figure.label(), figure) != null) {
            throw new IllegalStateException(figure.label() + " was measured twice");
        }
        return figure;
    }

    public void note(String note) {
        notes.add(note);
    }

    /** The figure with exactly this label. */
    public Optional<Figure> get(String label) {
        return Optional.ofNullable(figures.get(label));
    }

    /** The first figure whose label starts with {@code prefix} (labels end with the sizes a scale measured). */
    public Optional<Figure> find(String prefix) {
        return figures.values().stream()
                .filter(figure -> figure.label().startsWith(prefix))
                .findFirst();
    }

    public List<Figure> all() {
        return List.copyOf(figures.values());
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Every figure on its own line, then the notes. */
    public String format() {
        StringBuilder out = new StringBuilder();
        int width = figures.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Figure figure : figures.values()) {
            out.append("  ").append(figure.format(width)).append('\n');
        }
        for (String note : notes) {
            out.append("  note: ").append(note).append('\n');
        }
        return out.toString();
    }
}
