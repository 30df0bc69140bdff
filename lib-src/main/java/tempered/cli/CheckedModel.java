package tempered.cli;

import java.util.OptionalInt;
import java.util.stream.IntStream;
import tempered.model.Decoder;
import tempered.model.ForwardingModel;
import tempered.model.LanguageModel;
import tempered.model.ModelNotFoundException;

/**
 * A language model whose every logit vector is checked as it comes out: NaN or an infinity from the model
 * itself means a broken model file, which is what the message says (not the advice for typed-in logits).
 */
final class CheckedModel extends ForwardingModel {
    private final String name;

    CheckedModel(LanguageModel model, String name) {
        super(model);
        this.name = name;
    }

    @Override
    public float[] nextLogits(int... tokens) {
        return check(super.nextLogits(tokens));
    }

    @Override
    protected float[][] step(Decoder decoder, int[][] tokens) {
        float[][] logits = decoder.append(tokens);
        for (float[] row : logits) {
            check(row);
        }
        return logits;
    }

    float[] check(float[] logits) {
        OptionalInt bad = IntStream.range(0, logits.length)
                .filter(i -> !Float.isFinite(logits[i]))
                .findFirst();
        if (bad.isPresent()) {
            int id = bad.getAsInt();
            long count = IntStream.range(0, logits.length)
                    .filter(i -> !Float.isFinite(logits[i]))
                    .count();
            throw new ModelNotFoundException(
                    "the model " + name + " produced " + logits[id] + " as the logit of token " + id
                            + (count > 1 ? " (and " + (count - 1) + " more that are not finite)" : "")
                            + "; a working model never does, so the"
                            + " model file is damaged or is not an export Tempered runs. Fetch it again, or use another model");
        }
        return logits;
    }
}
