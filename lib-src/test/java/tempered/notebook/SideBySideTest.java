package tempered.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SideBySideTest {

    @Test
    void oneColumnPerTextAndOneRowPerFigureEscaped() {
        Map<String, List<String>> figures = new LinkedHashMap<>();
        figures.put("repeated 3-grams", List.of("12%", "2%"));
        figures.put("surprisal", List.of("3.1 nats", "6.0 nats"));
        String html = SideBySide.html(
                List.of("T = 0.3", "T = 0.9"), List.of("a <b>calm</b> text", "a \"wild\" & text"), figures);
        assertEquals(3, html.split("<tr>", -1).length - 1 - 1, "a row of texts and one per figure after the headings");
        assertEquals(2, html.split("white-space:pre-wrap", -1).length - 1, "two text cells");
        assertTrue(
                html.contains("a &lt;b&gt;calm&lt;/b&gt; text") && html.contains("a &quot;wild&quot; &amp; text"),
                html);
        assertTrue(
                html.indexOf("repeated 3-grams") < html.indexOf("surprisal") && html.contains(">6.0 nats</td>"), html);
    }

    @Test
    void refusesFiguresThatDoNotFitTheTexts() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> SideBySide.html(List.of("a"), List.of("x", "y"), Map.of()));
        assertEquals("give one heading per text, and at least one text; got 1 headings and 2 texts", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> SideBySide.html(List.of("a", "b"), List.of("x", "y"), Map.of("n", List.of("1"))));
        assertEquals("figure 'n' has 1 values for 2 texts; give one value per text", e.getMessage());
    }
}
