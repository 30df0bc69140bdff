package tempered.model;

import java.util.Arrays;

/** The plain way to decode: every step asks the model again about the whole sequence so far. */
final class RecomputingDecoder implements Decoder {
    private final LanguageModel model;
    private final int[][] sequences;

    RecomputingDecoder(LanguageModel model, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch=" + batch + " must be at least 1");
        }
        this.model = model;
        this.sequences = new int[batch][0];
    }

    @Override
    public float[][] append(int[][] tokens) {
        if (tokens.length != sequences.length) {
            throw new IllegalArgumentException(
                    "got tokens for " + tokens.length + " sequences; this decoder holds " + sequences.length);
        }
        float[][] logits = new float[sequences.length][];
        for (int i = 0; i < sequences.length; i++) {
            int[] grown = Arrays.copyOf(sequences[i], sequences[i].length + tokens[i].length);
            System.arraycopy(tokens[i], 0, grown, sequences[i].length, tokens[i].length);
            sequences[i] = grown;
            logits[i] = model.nextLogits(grown);
        }
        return logits;
    }

    @Override
    public int length() {
        return sequences[0].length;
    }

    @Override
    public void close() {
        // Nothing native to free: the sequences are plain arrays.
    }
}
