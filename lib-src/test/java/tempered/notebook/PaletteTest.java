package tempered.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaletteTest {

    @Test
    void temperaturesGetTheSequentialRampInTheirOrder() {
        Color[] colours = Palette.colours(List.of("T=0.5", "T = 2", "T=1"));
        assertEquals(Palette.ramp(0), colours[0], "the coldest gets the darkest");
        assertEquals(Palette.ramp(1), colours[1], "the hottest gets the lightest, wherever it is in the legend");
        assertEquals(Palette.ramp(0.5), colours[2]);
        assertEquals(0.5, Palette.temperature("T = 0.5 (slope 2)").getAsDouble());
        assertEquals(100, Palette.temperature("T=100").getAsDouble());
    }

    @Test
    void otherNamesAndRepeatedTemperaturesGetTheQualitativePalette() {
        assertArrayEquals(Palette.QUALITATIVE, Palette.colours(List.of("by hand", "library")));
        assertArrayEquals(Palette.QUALITATIVE, Palette.colours(List.of("T=1", "expected")));
        assertArrayEquals(Palette.QUALITATIVE, Palette.colours(List.of("T=1 by hand", "T=1 library")));
        assertArrayEquals(Palette.QUALITATIVE, Palette.colours(List.of("e^x  (T = 1)", "e^(x/2)  (T = 2)")));
    }

    @Test
    void theRampReadsInGrayscaleAndOnWhite() {
        double previous = -1;
        for (int i = 0; i <= 20; i++) {
            Color colour = Palette.ramp(i / 20.0);
            double luminance = Palette.luminance(colour);
            assertTrue(luminance > previous, "lightness rises steadily, so the order survives grayscale: " + colour);
            previous = luminance;
            assertTrue(contrastWithWhite(colour) >= 3, "at least 3:1 against white (WCAG, graphics): " + colour);
        }
        assertTrue(contrastWithWhite(Palette.REFERENCE) >= 3, "a reference line is readable too");
        for (Color colour : Palette.QUALITATIVE) {
            assertTrue(
                    contrastWithWhite(colour) >= 2, "no near-white line colour such as Okabe-Ito's yellow: " + colour);
        }
    }

    private static double contrastWithWhite(Color colour) {
        return 1.05 / (Palette.luminance(colour) + 0.05);
    }
}
