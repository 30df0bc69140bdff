package tempered.notebook;

import java.util.List;
import java.util.Map;
import tempered.format.Html;

/**
 * Texts side by side as one HTML table, one column each, with measured figures in rows under them: for reading
 * generations at different settings against each other, with the numbers that tell them apart beside them.
 *
 * <p>Texts are shown as given (cut them first to what a reader can compare), left-aligned, with their line
 * breaks; everything is HTML-escaped.
 *
 * <pre>{@code
 * SideBySide.html(List.of("T = 0.3", "T = 0.9"), List.of("a calm text", "a wild text"),
 *         Map.of("repeated 3-grams", List.of("12%", "2%")));
 * // <table class="tempered-side-by-side">... one column per text, one row per figure
 * }</pre>
 */
public final class SideBySide {
    private static final String CELL = "text-align:left;vertical-align:top;padding:4px 8px";

    private SideBySide() {}

    /** One column per heading and text; each figure is a row with one value per column. */
    public static String html(List<String> headings, List<String> texts, Map<String, List<String>> figures) {
        if (headings == null || texts == null || headings.isEmpty() || headings.size() != texts.size()) {
            throw new IllegalArgumentException(
                    "give one heading per text, and at least one text; got " + (headings == null ? 0 : headings.size())
                            + " headings and " + (texts == null ? 0 : texts.size()) + " texts");
        }
        StringBuilder html = new StringBuilder("<table class=\"tempered-side-by-side\"><thead><tr><th></th>");
        headings.forEach(h -> html.append("<th style=\"")
                .append(CELL)
                .append("\">")
                .append(escape(h))
                .append("</th>"));
        html.append("</tr></thead><tbody><tr><th></th>");
        texts.forEach(t -> html.append("<td style=\"")
                .append(CELL)
                .append(";white-space:pre-wrap;min-width:14em\">")
                .append(escape(t))
                .append("</td>"));
        html.append("</tr>");
        figures.forEach((name, values) -> {
            if (values == null || values.size() != texts.size()) {
                throw new IllegalArgumentException("figure '" + name + "' has " + (values == null ? 0 : values.size())
                        + " values for " + texts.size() + " texts; give one value per text");
            }
            html.append("<tr><th style=\"")
                    .append(CELL)
                    .append("\">")
                    .append(escape(name))
                    .append("</th>");
            values.forEach(v -> html.append("<td style=\"")
                    .append(CELL)
                    .append(";font-variant-numeric:tabular-nums\">")
                    .append(escape(v))
                    .append("</td>"));
            html.append("</tr>");
        });
        return html.append("</tbody></table>").toString();
    }

    private static String escape(String text) {
        return Html.escape(text);
    }
}
