package tempered.notebook;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The dart picture of one draw ({@link Charts#dart}) for a vocabulary too large to draw token by token: the tokens
 * that {@code labels} names, which must come first in id order, each get their coloured segment of the line, and all
 * the tokens after them share one grey, hatched segment at its end, "the other N tokens". Each of those stretches is
 * far too thin to see, a millionth of the line or less, but together they can hold most of it. The token under the
 * dart is the one {@link tempered.math.Distribution#sample} draws for that u, named at the end of each row, or "the
 * other tokens" with their total probability when the dart lands in the tail.
 *
 * <p>What it leaves out: which of the tail's tokens the dart hits, and their order inside the grey segment.
 *
 * <pre>{@code
 * double[] logits = new double[1002];
 * Arrays.fill(logits, -5);
 * logits[0] = 2; logits[1] = 1;                           // two named tokens, then 1,000 unlikely ones
 * DartWithTail.draw(logits, List.of("yes", "no"), 0.9, 0.5, 1, 2).getWidth();   // 720
 * }</pre>
 */
public final class DartWithTail {
    private DartWithTail() {}

    /**
     * One row per temperature: a segment per named token, then the rest of the vocabulary as one, and the dart
     * {@code u} in [0, 1) across them all. {@code labels} names fewer tokens than there are logits.
     */
    public static BufferedImage draw(double[] logits, List<String> labels, double u, double... temperatures) {
        return DartChart.drawWithTail(logits, labels, u, Palette.QUALITATIVE, temperatures);
    }
}
