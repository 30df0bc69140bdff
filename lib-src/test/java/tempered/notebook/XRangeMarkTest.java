package tempered.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class XRangeMarkTest {
    private static final double[] T = Charts.logRange(0.2, 5, 41);

    private static LineChart chart() {
        double[] y = new double[T.length];
        for (int i = 0; i < T.length; i++) {
            y[i] = Math.log(T[i]);
        }
        return LineChart.of("c", "temperature T (log scale)", "y", T)
                .line("y", y)
                .logX();
    }

    /** Pixels of the translucent band's grey on white, whatever rounding the blend does. */
    private static int shaded(BufferedImage image, int fromX, int toX) {
        int n = 0;
        for (int x = fromX; x < toX; x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r == g && g == b && r >= 226 && r <= 238) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                n += image.getRGB(x, y) == rgb ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void theRangeUsedInPracticeIsShadedAndTheApiLimitDashed() {
        BufferedImage plain = chart().image();
        BufferedImage marked = chart().band("used in practice", 0.7, 1)
                .referenceAtX("APIs stop at 2", 2)
                .image();
        assertEquals(plain.getHeight(), marked.getHeight());
        assertTrue(
                shaded(marked, 0, marked.getWidth()) > shaded(plain, 0, plain.getWidth()) + 5000,
                "a band of light grey from the bottom of the plot to its top");
        int greyBefore = count(plain, Palette.REFERENCE.getRGB());
        assertTrue(
                count(marked, Palette.REFERENCE.getRGB()) > greyBefore + 100,
                "the dashed line at T = 2 and the labels are drawn in the reference grey");
        assertEquals(
                java.util.List.of(
                        new LineChart.XRange("used in practice", 0.7, 1), new LineChart.XRange("APIs stop at 2", 2, 2)),
                chart().band("used in practice", 0.7, 1)
                        .referenceAtX("APIs stop at 2", 2)
                        .xRanges());
    }

    @Test
    void aBandNeedsItsEndsInOrderAndALogAxisNeedsThemAboveZero() {
        assertEquals(
                "the band 'b' runs from 1.0 to 0.7; give two finite x values, the smaller first",
                assertThrows(IllegalArgumentException.class, () -> chart().band("b", 1, 0.7))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> chart().referenceAtX("r", Double.NaN));
        assertEquals(
                "'zero' is at x = 0.0, but the x axis is logarithmic and shows only values above 0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> chart().referenceAtX("zero", 0).image())
                        .getMessage());
    }
}
