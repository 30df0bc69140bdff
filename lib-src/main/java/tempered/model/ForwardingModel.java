package tempered.model;

import java.util.Optional;
import java.util.Set;
import tempered.chat.ChatTemplate;
import tempered.text.Tokenizer;

/**
 * A language model that hands every call to another one, for wrappers that watch what passes through: override
 * {@link #step} to time or check each decoding step, {@link #nextLogits} for one-off questions.
 */
public abstract class ForwardingModel implements LanguageModel {
    private final LanguageModel model;

    protected ForwardingModel(LanguageModel model) {
        if (model == null) {
            throw new IllegalArgumentException("model must not be null; wrap the model you opened");
        }
        this.model = model;
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
    public String name() {
        return model.name();
    }

    @Override
    public int vocabularySize() {
        return model.vocabularySize();
    }

    @Override
    public Set<Integer> stopTokens() {
        return model.stopTokens();
    }

    @Override
    public Optional<ChatTemplate> chatTemplate() {
        return model.chatTemplate();
    }

    @Override
    public Decoder newDecoder(int batch) {
        Decoder decoder = model.newDecoder(batch);
        return new Decoder() {
            @Override
            public float[][] append(int[][] tokens) {
                return step(decoder, tokens);
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

    /** One decoding step of the wrapped model's decoder; this default only runs it. */
    protected float[][] step(Decoder decoder, int[][] tokens) {
        return decoder.append(tokens);
    }
}
