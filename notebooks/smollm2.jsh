// Shared setup for the notebooks that run SmolLM2-135M, its base model and its chat model, loaded after setup.jsh.
//
// It opens both models and never downloads. Each is looked for first where a setting names its folder
// (TEMPERED_SMOLLM2_DIR for the base model, TEMPERED_SMOLLM2_INSTRUCT_DIR for the chat model, or the system properties
// tempered.smollm2.dir and tempered.smollm2.instruct.dir), else in the Hugging Face cache, where
// ./lab download --model ... puts it. For each model it prints one line: what was opened (the real model and its
// file, or the tests' random-weights stand-in, said plainly), or why not and the command that fetches it. A model
// that is not there stays null; every cell that needs it starts with `if (modelsReady())` or `if (chatReady())`,
// which then prints one line instead of running the cell. Nothing here throws: the kernel would show an exception as
// a long stack trace, never as one line. It imports nothing: setup.jsh imports every package once.

/** The two repositories, as the hub names them, and the command that fetches each (about 135 MB each in int8). */
String SMOLLM2_BASE_REPO = "onnx-community/SmolLM2-135M-ONNX";
String SMOLLM2_CHAT_REPO = "HuggingFaceTB/SmolLM2-135M-Instruct";

/** Opens one of the two models, or returns null; either way it prints one line saying what happened. */
OnnxModel openSmolLM2(String label, String property, String variable, String repo) {
    Optional<Setting> named = Setting.of(property, variable, Setting.current());
    String fetch = "./lab download --model " + repo + " --variant int8";
    try {
        OnnxModel model = Models.open(named.map(Setting::value).orElse(repo));
        if (model.randomWeights()) {
            System.out.println(label + ": a STAND-IN is loaded, NOT SmolLM2: random weights in a tiny Llama shape, as the tests build it; every cell runs, but its words are nonsense. Loaded: " + model + ". For the real model: " + fetch + (named.isPresent() ? ", unset " + variable : "") + ", then restart the kernel.");
        } else {
            System.out.println(label + " is ready: " + model + ".");
        }
        return model;
    } catch (ModelNotFoundException e) {
        System.out.println(named.isPresent()
                ? label + " could not be opened from " + named.get() + ": " + e.getMessage()
                : label + " is not on this machine yet: fetch it once with " + fetch + " in the project folder (about 135 MB), then restart the kernel.");
    } catch (RuntimeException e) {
        System.out.println(label + " could not be opened: " + e.getMessage() + (named.isPresent() ? " (" + named.get() + ")" : ""));
    }
    return null;
}

OnnxModel base = openSmolLM2("SmolLM2-135M (the base model)", "tempered.smollm2.dir", "TEMPERED_SMOLLM2_DIR", SMOLLM2_BASE_REPO);
OnnxModel chat = openSmolLM2("SmolLM2-135M-Instruct (the chat model)", "tempered.smollm2.instruct.dir", "TEMPERED_SMOLLM2_INSTRUCT_DIR", SMOLLM2_CHAT_REPO);

/** True when the chat model is loaded; otherwise prints one line saying that this cell needs it. */
boolean chatReady() {
    if (chat == null) {
        System.out.println("This cell needs SmolLM2-135M-Instruct, which is not loaded (see the first cell's lines for how to fetch it; then restart the kernel).");
    }
    return chat != null;
}

/** True when both models are loaded; otherwise prints one line saying that this cell needs them. */
boolean modelsReady() {
    if (base == null || chat == null) {
        System.out.println("This cell needs both SmolLM2 models, and " + (base == null && chat == null ? "neither is" : base == null ? "the base model is not" : "the chat model is not") + " loaded (see the first cell's lines for how to fetch them; then restart the kernel).");
    }
    return base != null && chat != null;
}

/** True when {@code model} is loaded and is the real SmolLM2, not the tests' random-weights stand-in. */
boolean realModel(OnnxModel model) {
    return model != null && !model.randomWeights();
}

/**
 * True when both loaded models are the real SmolLM2. A cell that reads the models' behaviour into its output says so
 * only when this is true; with the stand-ins it says what to look for instead.
 */
boolean realModels() {
    return realModel(base) && realModel(chat);
}
