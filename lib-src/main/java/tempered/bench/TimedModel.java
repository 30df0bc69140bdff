package tempered.bench;

import tempered.model.Decoder;
import tempered.model.ForwardingModel;
import tempered.model.LanguageModel;

/**
 * A language model that counts the time spent inside it: wrapped around GPT-2 and handed to the generator,
 * it splits a generation's time into the model's steps and everything else (sampling, recording, decoding text).
 */
final class TimedModel extends ForwardingModel {
    private long nanos;

    TimedModel(LanguageModel model) {
        super(model);
    }

    /** Nanoseconds spent in the model's decoders since the last call, which starts the count over. */
    long takeNanos() {
        long taken = nanos;
        nanos = 0;
        return taken;
    }

    @Override
    protected float[][] step(Decoder decoder, int[][] tokens) {
        long start = System.nanoTime();
        try {
            return decoder.append(tokens);
        } finally {
            nanos += System.nanoTime() - start;
        }
    }
}
