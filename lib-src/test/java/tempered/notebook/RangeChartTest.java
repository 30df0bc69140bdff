package tempered.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import tempered.stats.BootstrapMean;

class RangeChartTest {
    private static final double[] T = {0.5, 1};
    private static final BootstrapMean[] SHARES = {BootstrapMean.of(0.9, 1, 1, 1), BootstrapMean.of(1, 1, 1)};

    /** The bar runs from the interval's low end to its high end, not symmetrically around the mean. */
    @Test
    void barsRunFromLowToHighAndAMeanWithoutSpreadHasNone() {
        XYChart chart = RangeChart.of("Distinct-2", "temperature T", "share")
                .series("distinct-2", T, SHARES)
                .chart();
        XYSeries bar = chart.getSeriesMap().get("distinct-2 \u200b0");
        assertEquals(SHARES[0].low(), bar.getYData()[0], 1e-12);
        assertEquals(SHARES[0].high(), bar.getYData()[1], 1e-12);
        assertTrue(SHARES[0].high() <= 1, "the bar stays at or under 1");
        assertFalse(bar.isShowInLegend());
        assertFalse(chart.getSeriesMap().containsKey("distinct-2 \u200b1"), "all equal at T = 1: no bar");
    }

    @Test
    void seriesSitSideBySidePointsAndReferencesAreKeptInView() {
        XYChart chart = RangeChart.of("Repetition", "temperature T", "share")
                .series("a", T, SHARES)
                .series("b", T, SHARES)
                .point("greedy (T = 0, one text)", 0, 0.4)
                .point("b, greedy", 0, 0.3, "b")
                .reference("human text", 0.02)
                .chart();
        assertEquals(
                chart.getSeriesMap().get("b").getLineColor(),
                chart.getSeriesMap().get("b, greedy").getMarkerColor(),
                "a point takes the colour of the series it belongs to");
        double a = chart.getSeriesMap().get("a").getXData()[0];
        double b = chart.getSeriesMap().get("b").getXData()[0];
        assertTrue(a < 0.5 && b > 0.5 && Math.abs((a + b) / 2 - 0.5) < 1e-12, a + " and " + b);
        assertEquals(0, chart.getSeriesMap().get("greedy (T = 0, one text)").getXData()[0], 0);
        assertTrue(chart.getStyler().getYAxisMin() < 0.02 && chart.getStyler().getXAxisMin() < 0);
        assertEquals(
                720, RangeChart.of("t", "x", "y").series("a", T, SHARES).image().getWidth());
    }

    @Test
    void refusesSeriesThatDoNotMatchTheirX() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> RangeChart.of("t", "x", "y").series("a", new double[] {1}, SHARES));
        assertEquals("series 'a' has 2 means for 1 x values; give one mean per x value", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> RangeChart.of("t", "x", "y").image());
        assertEquals("a range chart needs at least one series; add one with series(...)", e.getMessage());
    }
}
