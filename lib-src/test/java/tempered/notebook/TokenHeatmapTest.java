package tempered.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tempered.generate.Sample;
import tempered.generate.Step;
import tempered.generate.StopReason;

class TokenHeatmapTest {

    @Test
    void shadesEachTokenByItsProbabilityOnALogScaleInTwoLines() {
        Step likely = new Step(262, " the", 1.0, Math.log(0.5), 0.1, 2.0, List.of());
        Step surprising = new Step(27, "<", 1e-7, Math.log(1e-3), 0.1, 2.0, List.of());
        String html = TokenHeatmap.html(
                "A \"quoted\" prompt",
                new Sample(new int[] {262, 27}, " the<", List.of(likely, surprising), StopReason.MAX_NEW_TOKENS));
        assertEquals(2, html.split("<div><b>").length - 1, "a raw line and a chain line");
        assertTrue(html.contains("raw model (T = 1):</b>") && html.contains("sampler chain:</b>"), html);
        assertTrue(
                html.contains("A &quot;quoted&quot; prompt") && html.contains(">&lt;</span>"),
                "text is escaped: " + html);
        // Under the chain " the" had probability 1 (deep blue) and "<" 1e-7 (white, below the 1e-6 floor).
        assertTrue(html.contains("background-color:#08519c;color:#ffffff\"> the</span>"), html);
        assertTrue(html.contains("title=\"p = 1.00e-07 (raw 0.00100)\" style=\"background-color:#ffffff"), html);
        // Under the raw model " the" had 0.5: log10(0.5) / 6 + 1 = 0.95 of the way to deep blue.
        assertTrue(
                html.contains(
                        "title=\"raw p = 0.500\" style=\"background-color:" + Shading.colour(1 + Math.log10(0.5) / 6)),
                html);
        // The legend: one swatch per power of ten, 0.01 two thirds of the way to deep blue.
        assertTrue(
                html.contains("background-color:" + Shading.colour(4 / 6.0) + ";color:#ffffff;padding:0 4px;"
                        + "border:1px solid #ccc\">0.01</span>"),
                html);
        assertTrue(
                html.contains("background-color:#ffffff;color:#111111;padding:0 4px;border:1px solid #ccc\">0.000001"
                        + " or less</span>"),
                html);
    }

    @Test
    void refusesAMissingSample() {
        assertThrows(IllegalArgumentException.class, () -> TokenHeatmap.html("x", null));
    }
}
