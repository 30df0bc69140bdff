// Shared setup for the notebooks that run GPT-2 itself, loaded after setup.jsh.
//
// It opens GPT-2 from TEMPERED_MODEL_DIR or the Hugging Face cache and never downloads. When the model is not
// there, it prints a short message with the command that fetches it, and `gpt2` stays null. Every cell that
// needs the model starts with `if (gpt2Ready())`, which then prints one line instead of running the cell.
// Nothing here throws: the kernel would show an exception as a long stack trace, never as one line.
// It imports nothing: setup.jsh imports every package once (importing one again can reset earlier variables).

Gpt2Model gpt2 = null;
Generator generator = null;

try {
    gpt2 = Models.open();
    generator = new Generator(gpt2);
    if (gpt2.randomWeights()) {
        System.out.println("A stand-in is loaded, NOT GPT-2: a model of GPT-2's shape with random weights, as the tests build it.");
        System.out.println("Every cell runs, but the words it writes are nonsense, and no sentence about GPT-2's own text applies to it.");
        System.out.println("For GPT-2 itself: ./lab download, unset TEMPERED_MODEL_DIR, then restart the kernel.");
        System.out.println("The stand-in: " + String.format(Locale.ROOT, "%,d", gpt2.info().parameters())
                + " parameters, from " + gpt2.info().file().getFileName());
    } else {
        System.out.println("GPT-2 is ready: " + gpt2);
    }
} catch (ModelNotFoundException e) {
    boolean named = Setting.of("tempered.model.dir", "TEMPERED_MODEL_DIR", Setting.current()).isPresent();
    System.out.println(named ? "GPT-2 could not be opened: " + e.getMessage()
            : "GPT-2 is not on this machine yet. Fetch it once (about 655 MB) with ./lab download in the project folder,");
    System.out.println("then restart the kernel and run this notebook again. Until then, each cell that needs GPT-2 says so in one line.");
} catch (RuntimeException e) {
    System.out.println("GPT-2 could not be opened: " + e.getMessage());
    System.out.println("Each cell that needs GPT-2 says so in one line; fix the cause above, then restart the kernel.");
}

/** True when GPT-2 is loaded; otherwise prints one line saying that this cell needs it. */
boolean gpt2Ready() {
    if (gpt2 == null) {
        System.out.println("This cell needs GPT-2, which is not loaded (./lab download fetches it; then restart the kernel).");
    }
    return gpt2 != null;
}

/**
 * True when the model that ran is GPT-2 itself; false for the tests' random-weights stand-in (or no model). A cell
 * that reads GPT-2's behaviour into an output says so only when this is true.
 */
boolean realGpt2() {
    return gpt2 != null && !gpt2.randomWeights();
}

/** The mean surprisal of a sample's tokens under the raw model, -ln p, in nats per token. */
double meanSurprisalNats(Sample sample) {
    return sample.steps().stream().mapToDouble(step -> -step.rawLogProbability()).average().orElse(0);
}
