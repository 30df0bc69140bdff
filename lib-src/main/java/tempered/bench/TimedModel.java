package tempered.bench;

import tempered.model.Decoder;
import tempered.model.LanguageModel;
import tempered.text.Tokenizer;

/**
 * A language model that counts the time spent inside it: wrapped around GPT-2 and handed to the generator,
 * it splits a generation's time into the model's steps and everything else (sampling, recording, decoding text).
 */
final class TimedModel implements LanguageModel {
    private final LanguageModel model;
    private long nanos;

    TimedModel(LanguageModel model) {
        this.model = model;
    }

    /** Nanoseconds spent in the model's decoders since the last call, which starts the count over. */
    long takeNanos() {
        long taken = nanos;
        nanos = 0;
        return taken;
    }

    @Override
    public float[] nextLogits(int... tokens) {
        return model.nextLogits(tokens);
    }

    @Override
    public int contextLength() {
        return model.contextLength();
    }

    @Override
    public Tokenizer tokenizer() {
        return model.tokenizer();
    }

    @Override
    public Decoder newDecoder(int batch) {
        Decoder decoder = model.newDecoder(batch);
        return new Decoder() {
            @Override
            public float[][] append(int[][] tokens) {
                long start = System.nanoTime();
                try {
                    return decoder.append(tokens);
                } finally {
                    nanos += System.nanoTime() - start;
                }
            }

            @Override
            public int length() {
                return decoder.length();
            }

            @Override
            public void close() {
                decoder.close();
            }
        };
    }
}
