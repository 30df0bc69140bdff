package tempered.sampling;

import tempered.math.Logits;

/**
 * Always picks the likeliest token (ties: the lowest id): what T = 0 means in llama.cpp, vLLM and the OpenAI API.
 *
 * <p>On ties llama.cpp's greedy sampler takes the first token in its candidate list, which is the lowest id
 * only while no earlier sampler (top-k, top-p, a softmax) has sorted the list by probability.
 *
 * <pre>{@code
 * new Greedy().pick(new double[] {1, 3, 3});  // 1
 * }</pre>
 */
public record Greedy() implements Picker {

    @Override
    public int pick(double[] logits) {
        return Logits.argmax(logits);
    }

    @Override
    public String toString() {
        return "greedy";
    }
}
