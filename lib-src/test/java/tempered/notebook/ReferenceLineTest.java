package tempered.notebook;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

class ReferenceLineTest {

    private static Rectangle2D drawn(double[] y, double level) {
        XYChart chart = ChartFrame.xyChart("x", "y", List.of("data"));
        chart.addSeries("data", new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, y);
        ReferenceLine line = new ReferenceLine("a reference with a long name", level);
        chart.addAnnotation(line);
        BitmapEncoder.getBufferedImage(chart);
        return line.labelBox();
    }

    @Test
    void theNameSitsAboveTheRightEndWhenTheDataLeaveItClear() {
        Rectangle2D box = drawn(new double[] {0, 1, 2, 3, 4, 5, 4, 3, 2, 1, 0}, 9);
        assertTrue(box.getCenterX() > 360, "right half: " + box);
    }

    @Test
    void theNameMovesWhereTheDataWouldRunThroughIt() {
        // A line that ends on the reference, right where its name would be written.
        double[] rising = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9.5};
        Rectangle2D box = drawn(rising, 9.5);
        Rectangle2D unmoved = drawn(new double[] {0, 1, 2, 3, 4, 5, 4, 3, 2, 1, 0}, 9.5);
        assertTrue(!box.equals(unmoved), "the name left its usual place: " + box);
    }
}
