package tempered.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import tempered.math.Examples;
import tempered.math.Softmax;

class BarChartTest {

    @Test
    void temperaturesAreColouredColdToHotAndExpectedBarsGrey() {
        CategoryChart chart = BarChart.of("greetings", Examples.GREETINGS)
                .reference("expected", Softmax.probs(Examples.GREETING_LOGITS, 1))
                .bars("T=5", Softmax.probs(Examples.GREETING_LOGITS, 5))
                .bars("T=0.5", Softmax.probs(Examples.GREETING_LOGITS, 0.5))
                .chart();
        assertEquals(Palette.EXPECTED, chart.getSeriesMap().get("expected").getFillColor());
        assertEquals(Palette.ramp(1), chart.getSeriesMap().get("T=5").getFillColor());
        assertEquals(Palette.ramp(0), chart.getSeriesMap().get("T=0.5").getFillColor());
    }

    @Test
    void aLogAxisShowsTheTailAndRefusesZero() {
        double[] p = Softmax.probs(Examples.GREETING_LOGITS, 0.2);
        CategoryChart chart =
                BarChart.of("tail", Examples.GREETINGS).bars("T=0.2", p).logY().chart();
        // Konnichiwa's probability, the smallest (about 2e-9), sits above 1e-9, the decade below it: the axis' bottom.
        double bottom = Math.floor(Math.log10(p[1]));
        assertEquals(-9, bottom);
        List<Double> placed = chart.getSeriesMap().get("T=0.2").getYData().stream()
                .map(Number::doubleValue)
                .toList();
        for (int i = 0; i < p.length; i++) {
            assertEquals(Math.log10(p[i]) - bottom, placed.get(i), 1e-9, Examples.GREETINGS.get(i));
        }
        assertEquals(
                "1e-9", chart.getStyler().getyAxisTickLabelsFormattingFunction().apply(0.0));
        assertEquals(
                "0.01", chart.getStyler().getyAxisTickLabelsFormattingFunction().apply(7.0));
        assertEquals(
                "'T=1' value 0 is 0.0, but the axis 'probability' is logarithmic and shows only values above 0;"
                        + " use a linear axis or drop that point",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> BarChart.of("z", List.of("a", "b"))
                                        .bars("T=1", new double[] {0, 1})
                                        .logY()
                                        .image())
                        .getMessage());
    }
}
