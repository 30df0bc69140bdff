package tempered.generate;

import java.util.List;

/** A prompt, the chain that sampled from it, and the samples it gave. */
public record Generation(String prompt, int[] promptIds, String chain, List<Sample> samples) {

    public Generation {
        promptIds = promptIds.clone();
        samples = List.copyOf(samples);
    }

    @Override
    public int[] promptIds() {
        return promptIds.clone();
    }

    /** The first (often the only) sample. */
    public Sample sample() {
        return samples.get(0);
    }

    /** The prompt followed by the first sample's text. */
    public String text() {
        return prompt + sample().text();
    }

    @Override
    public String toString() {
        return text();
    }
}
