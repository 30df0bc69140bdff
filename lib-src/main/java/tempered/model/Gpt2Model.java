package tempered.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tempered.text.Gpt2Tokenizer;

/**
 * GPT-2 through ONNX Runtime: token ids in, next-token logits out, in any of the three export styles on the
 * Hugging Face hub ({@link ExportStyle}).
 *
 * <p>The sizes (layers, heads, head size, vocabulary) are read from the session's input and output shapes,
 * so any GPT-2 size loads. Generation goes through a {@link KvCache}, which owns the keys and values between
 * steps. The model is safe to share between threads as long as each thread uses its own cache (ONNX
 * Runtime sessions run concurrently); a cache itself refuses concurrent use. It leaves out fp16 exports and
 * attention sinks.
 *
 * <pre>{@code
 * try (Gpt2Model gpt2 = Gpt2Model.open(Path.of("models/gpt2"))) {
 *     float[] logits = gpt2.nextLogits(Gpt2Tokenizer.encode("The cat sat on the"));
 *     Gpt2Tokenizer.token(Logits.argmax(logits));   // the likeliest next token, with its leading space
 * }
 * }</pre>
 *
 * @see <a href="https://cdn.openai.com/better-language-models/language_models_are_unsupervised_multitask_learners.pdf">Radford et al., 2019</a>
 */
public final class Gpt2Model implements LanguageModel, AutoCloseable {
    private static final Pattern PAST = Pattern.compile("past_key_values\\.(\\d+)\\.(key|value)");
    private static final Pattern PRESENT = Pattern.compile("present\\.(\\d+)\\.(key|value)");
    private static final Set<String> KNOWN_INPUTS =
            Set.of("input_ids", "attention_mask", "position_ids", "use_cache_branch");

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final ModelInfo info;
    private final boolean attentionMask;
    private final boolean idsAreInt32;
    private final String[] pastNames;
    private final String[] presentNames;
    private final Set<String> outputs;
    private final Set<String> presentOutputs;

    private Gpt2Model(Path file, OrtSession session, Gpt2Config config) throws OrtException {
        this.session = session;
        Map<String, NodeInfo> inputInfo = session.getInputInfo();
        Map<String, NodeInfo> outputInfo = session.getOutputInfo();
        Set<String> inputNames = inputInfo.keySet();
        Set<String> outputNames = outputInfo.keySet();

        int pastLayers = countLayers(inputNames, PAST);
        int presentLayers = countLayers(outputNames, PRESENT);
        boolean unknownInput = inputNames.stream()
                .anyMatch(n -> !KNOWN_INPUTS.contains(n) && !PAST.matcher(n).matches());
        boolean cacheBranch = inputNames.contains("use_cache_branch");
        if (!inputNames.contains("input_ids")
                || !outputNames.contains("logits")
                || unknownInput
                || (pastLayers > 0 && pastLayers != presentLayers)
                || (cacheBranch && pastLayers == 0)) {
            throw new IllegalArgumentException(
                    file.getFileName() + " is not a GPT-2 decoder layout Tempered knows: found inputs "
                            + new TreeSet<>(inputNames) + " and outputs " + new TreeSet<>(outputNames)
                            + "; expected input_ids, attention_mask, optional position_ids, past_key_values.N.key/value and"
                            + " use_cache_branch, and outputs logits and present.N.key/value (an Optimum text-generation export)");
        }
        ExportStyle style =
                cacheBranch ? ExportStyle.MERGED : pastLayers > 0 ? ExportStyle.WITH_PAST : ExportStyle.NO_PAST;
        this.attentionMask = inputNames.contains("attention_mask");
        TensorInfo ids = (TensorInfo) inputInfo.get("input_ids").getInfo();
        if (ids.type != OnnxJavaType.INT64 && ids.type != OnnxJavaType.INT32) {
            throw new IllegalArgumentException(
                    "input_ids of " + file.getFileName() + " are " + ids.type + "; Tempered feeds int64 or int32 ids");
        }
        this.idsAreInt32 = ids.type == OnnxJavaType.INT32;

        int layers = Math.max(pastLayers, presentLayers);
        if (layers == 0) {
            layers = config.layers()
                    .orElseThrow(
                            () -> new IllegalArgumentException(
                                    file.getFileName()
                                            + " has neither past inputs nor present outputs, and no config.json says how many layers it has"));
        }
        long[] kvShape = layers == pastLayers
                ? shape(inputInfo, "past_key_values.0.key")
                : presentLayers > 0 ? shape(outputInfo, "present.0.key") : new long[0];
        if (pastLayers > 0 && shapeType(inputInfo, "past_key_values.0.key") != OnnxJavaType.FLOAT) {
            throw new IllegalArgumentException(
                    file.getFileName() + " keeps its cache in " + shapeType(inputInfo, "past_key_values.0.key")
                            + "; Tempered runs float32 (and int8-weight) exports, not fp16");
        }
        int heads = kvShape.length == 4 && kvShape[1] > 0
                ? (int) kvShape[1]
                : config.heads().orElse(-1);
        int headSize = kvShape.length == 4 && kvShape[3] > 0
                ? (int) kvShape[3]
                : config.embedding().isPresent() && heads > 0
                        ? config.embedding().getAsInt() / heads
                        : -1;
        if (heads <= 0 || headSize <= 0) {
            throw new IllegalArgumentException("could not tell the number of heads and head size of "
                    + file.getFileName() + " from its cache shapes " + Arrays.toString(kvShape)
                    + "; put GPT-2's config.json beside it");
        }
        long[] logitsShape = shape(outputInfo, "logits");
        int vocabulary = logitsShape.length == 3 && logitsShape[2] > 0
                ? (int) logitsShape[2]
                : config.vocabulary().orElse(Gpt2Tokenizer.VOCABULARY_SIZE);
        if (vocabulary != Gpt2Tokenizer.VOCABULARY_SIZE) {
            throw new IllegalArgumentException(file.getFileName() + " has a vocabulary of " + vocabulary
                    + " tokens, not GPT-2's 50,257; Tempered's tokenizer is GPT-2's, so use a GPT-2 export");
        }
        // GPT-2 saw 1,024 positions; the ONNX file does not say, config.json does.
        int context = config.contextLength().orElse(1024);
        this.info = new ModelInfo(
                file, style, inputNames.contains("position_ids"), layers, heads, headSize, vocabulary, context);

        this.pastNames = new String[2 * layers];
        this.presentNames = new String[2 * layers];
        for (int i = 0; i < layers; i++) {
            pastNames[2 * i] = "past_key_values." + i + ".key";
            pastNames[2 * i + 1] = "past_key_values." + i + ".value";
            presentNames[2 * i] = "present." + i + ".key";
            presentNames[2 * i + 1] = "present." + i + ".value";
        }
        Set<String> wanted = new LinkedHashSet<>();
        wanted.add("logits");
        if (style.caches()) {
            wanted.addAll(Arrays.asList(presentNames));
        }
        this.outputs = Set.copyOf(wanted);
        wanted.remove("logits");
        this.presentOutputs = Set.copyOf(wanted);
    }

    /**
     * Loads a model folder (Hugging Face layout) or an .onnx decoder file.
     *
     * @throws ModelNotFoundException when there is no decoder there, or it cannot be loaded
     * @throws IllegalArgumentException when it is not a GPT-2 decoder, or this user may not read it
     */
    public static Gpt2Model open(Path path) {
        Path file = ModelFolder.decoder(path);
        Gpt2Config config = Gpt2Config.read(ModelFolder.folderOf(file));
        ModelFolder.requireReadable(file);
        OrtSession session;
        try (OrtSession.SessionOptions options = SessionSettings.options()) {
            // ONNX Runtime would also print a failing node's error on stderr, in colour; the exception carries it.
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
            session = OrtEnvironment.getEnvironment().createSession(file.toString(), options);
        } catch (OrtException e) {
            throw new ModelNotFoundException(
                    "could not load " + file.toAbsolutePath() + ": " + firstLine(e.getMessage())
                            + ". The file may be incomplete or corrupt: delete it and fetch it again with: "
                            + ModelFolder.DOWNLOAD_COMMAND,
                    e);
        }
        try {
            return new Gpt2Model(file, session, config);
        } catch (OrtException | RuntimeException e) {
            closeQuietly(session);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("could not read the inputs of " + file + ": " + e.getMessage(), e);
        }
    }

    public ModelInfo info() {
        return info;
    }

    /** A new, empty cache for {@code batch} sequences that grow together. Close it when done. */
    public KvCache newCache(int batch) {
        return new KvCache(this, batch);
    }

    @Override
    public Decoder newDecoder(int batch) {
        return newCache(batch);
    }

    @Override
    public int contextLength() {
        return info.contextLength();
    }

    /** The logits for the token after {@code tokens}, from one pass over them. */
    @Override
    public float[] nextLogits(int... tokens) {
        try (KvCache cache = newCache(1)) {
            return cache.append(tokens);
        }
    }

    /**
     * The logits at every position of {@code tokens}, from one pass with no cache: row {@code i} predicts the
     * token after {@code tokens[i]}. The tests compare it with cached steps.
     */
    float[][] logitsAtEveryPosition(int... tokens) {
        requireTokens(tokens, "tokens");
        requireFits(0, tokens.length);
        long[] mask = ones(tokens.length);
        try (Step step = run(new int[][] {tokens}, mask, tokens.length, positions(1, 0, tokens.length), false, null)) {
            return step.logits(0);
        }
    }

    /**
     * The next-token logits for several prompts of any lengths in one batch: shorter ones are padded on the
     * left and masked, so each row equals {@link #nextLogits} of its prompt.
     *
     * @throws IllegalArgumentException when the prompts differ in length and the export counts positions
     *         itself (older merged and no-past exports), so padding would shift them
     */
    float[][] nextLogits(List<int[]> prompts) {
        if (prompts == null || prompts.isEmpty()) {
            throw new IllegalArgumentException("prompts must hold at least one token list");
        }
        int longest = 0;
        int shortest = Integer.MAX_VALUE;
        for (int[] prompt : prompts) {
            requireTokens(prompt, "each prompt");
            longest = Math.max(longest, prompt.length);
            shortest = Math.min(shortest, prompt.length);
        }
        requireFits(0, longest);
        if (longest != shortest && (!info.positionIds() || !attentionMask)) {
            throw new IllegalArgumentException("this " + info.style()
                    + " export counts positions itself, so prompts of " + shortest + " to " + longest
                    + " tokens cannot share a batch; run them one at a time or use a model.onnx export");
        }
        int batch = prompts.size();
        int[][] padded = new int[batch][longest];
        long[] mask = new long[batch * longest];
        long[] positions = new long[batch * longest];
        for (int row = 0; row < batch; row++) {
            int[] prompt = prompts.get(row);
            int pad = longest - prompt.length;
            Arrays.fill(padded[row], 0, pad, Gpt2Tokenizer.END_OF_TEXT);
            System.arraycopy(prompt, 0, padded[row], pad, prompt.length);
            for (int i = 0; i < longest; i++) {
                mask[row * longest + i] = i < pad ? 0 : 1;
                // Transformers gives padding position 1; any value works, since nothing attends to it.
                positions[row * longest + i] = i < pad ? 1 : i - pad;
            }
        }
        try (Step step = run(padded, mask, longest, positions, false, null)) {
            float[][] logits = new float[batch][];
            for (int row = 0; row < batch; row++) {
                logits[row] = step.lastLogits(row);
            }
            return logits;
        }
    }

    /** One forward pass. The caller owns the returned step and must close it. */
    Step run(int[][] tokens, long[] mask, int maskLength, long[] positions, boolean useCache, OnnxTensor[] past) {
        return run(tokens, mask, maskLength, positions, useCache, past, null);
    }

    /** One forward pass; with {@code into}, the logits are written there (one token per row) instead of into a new output. */
    Step run(
            int[][] tokens,
            long[] mask,
            int maskLength,
            long[] positions,
            boolean useCache,
            OnnxTensor[] past,
            LogitsBuffer into) {
        int batch = tokens.length;
        int length = tokens[0].length;
        List<OnnxTensor> created = new ArrayList<>();
        try {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            long[] idShape = {batch, length};
            if (idsAreInt32) {
                int[] flat = new int[batch * length];
                for (int row = 0; row < batch; row++) {
                    System.arraycopy(tokens[row], 0, flat, row * length, length);
                }
                inputs.put(
                        "input_ids",
                        track(created, OnnxTensor.createTensor(environment, IntBuffer.wrap(flat), idShape)));
            } else {
                long[] flat = new long[batch * length];
                for (int row = 0; row < batch; row++) {
                    for (int i = 0; i < length; i++) {
                        flat[row * length + i] = tokens[row][i];
                    }
                }
                inputs.put(
                        "input_ids",
                        track(created, OnnxTensor.createTensor(environment, LongBuffer.wrap(flat), idShape)));
            }
            if (attentionMask) {
                inputs.put(
                        "attention_mask",
                        track(created, OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), new long[] {
                            batch, maskLength
                        })));
            }
            if (info.positionIds()) {
                inputs.put(
                        "position_ids",
                        track(created, OnnxTensor.createTensor(environment, LongBuffer.wrap(positions), idShape)));
            }
            if (info.style() == ExportStyle.MERGED) {
                inputs.put(
                        "use_cache_branch",
                        track(created, OnnxTensor.createTensor(environment, new boolean[] {useCache})));
            }
            if (info.style().caches()) {
                OnnxTensor[] pastTensors = past;
                if (pastTensors == null) {
                    pastTensors = new OnnxTensor[pastNames.length];
                    long[] empty = {batch, info.heads(), 0, info.headSize()};
                    for (int i = 0; i < pastTensors.length; i++) {
                        // Java arrays refuse a zero dimension; an empty buffer gives the zero-length past.
                        pastTensors[i] =
                                track(created, OnnxTensor.createTensor(environment, FloatBuffer.allocate(0), empty));
                    }
                }
                for (int i = 0; i < pastNames.length; i++) {
                    inputs.put(pastNames[i], pastTensors[i]);
                }
            }
            if (into != null) {
                return new Step(
                        session.run(inputs, presentOutputs, Map.of("logits", into.tensor)), length, into.view());
            }
            return new Step(session.run(inputs, outputs), length, null);
        } catch (OrtException e) {
            throw new IllegalStateException(
                    "ONNX Runtime failed on " + info.file().getFileName() + " with a batch of " + batch + " x " + length
                            + " tokens: " + firstLine(e.getMessage()),
                    e);
        } finally {
            for (OnnxTensor tensor : created) {
                tensor.close();
            }
        }
    }

    /** A buffer for the logits of one token per row, which {@link KvCache} reuses from step to step. */
    LogitsBuffer logitsBuffer(int batch) {
        return new LogitsBuffer(environment, batch, info.vocabulary());
    }

    void requireFits(int past, int added) {
        if (past + added > info.contextLength()) {
            throw new IllegalArgumentException(
                    "the sequence would be " + (past + added) + " tokens, but this model sees at most "
                            + info.contextLength() + "; shorten the prompt or generate fewer tokens");
        }
    }

    static void requireTokens(int[] tokens, String what) {
        if (tokens == null || tokens.length == 0) {
            throw new IllegalArgumentException(
                    what + " must hold at least one token id; an empty prompt gives the model nothing to continue");
        }
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= Gpt2Tokenizer.VOCABULARY_SIZE) {
                throw new IllegalArgumentException(
                        what + "[" + i + "] = " + tokens[i] + " is not a GPT-2 token id; ids run from 0 to 50256");
            }
        }
    }

    static long[] ones(int count) {
        long[] values = new long[count];
        Arrays.fill(values, 1);
        return values;
    }

    static long[] positions(int batch, int start, int length) {
        long[] values = new long[batch * length];
        for (int row = 0; row < batch; row++) {
            for (int i = 0; i < length; i++) {
                values[row * length + i] = start + i;
            }
        }
        return values;
    }

    @Override
    public void close() {
        closeQuietly(session);
    }

    @Override
    public String toString() {
        return "GPT-2 (" + String.format(Locale.ROOT, "%,d", info.parameters()) + " parameters, " + info.style() + ", "
                + info.file().getFileName() + ")";
    }

    private static OnnxTensor track(List<OnnxTensor> created, OnnxTensor tensor) {
        created.add(tensor);
        return tensor;
    }

    private static int countLayers(Set<String> names, Pattern pattern) {
        int layers = 0;
        for (String name : names) {
            Matcher matcher = pattern.matcher(name);
            if (matcher.matches()) {
                layers = Math.max(layers, Integer.parseInt(matcher.group(1)) + 1);
            }
        }
        return layers;
    }

    private static long[] shape(Map<String, NodeInfo> info, String name) {
        NodeInfo node = info.get(name);
        return node != null && node.getInfo() instanceof TensorInfo tensor ? tensor.getShape() : new long[0];
    }

    private static OnnxJavaType shapeType(Map<String, NodeInfo> info, String name) {
        return ((TensorInfo) info.get(name).getInfo()).type;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // Closing only frees native memory; there is nothing a caller could do about a failure here.
        }
    }

    /** The outputs of one pass: logits for every position, and the present keys and values. */
    final class Step implements AutoCloseable {
        private final OrtSession.Result result;
        private final int length;
        private FloatBuffer logits;

        Step(OrtSession.Result result, int length, FloatBuffer logits) {
            this.result = result;
            this.length = length;
            this.logits = logits;
        }

        /** The logits at the last position of one row of the batch; read each row once. */
        float[] lastLogits(int row) {
            FloatBuffer all = logitsBuffer();
            int vocabulary = info.vocabulary();
            if (all.hasArray() && all.arrayOffset() == 0 && all.capacity() == vocabulary) {
                // One row, one position (every decoding step at batch 1): ONNX Runtime's copy is already the row.
                return all.array();
            }
            float[] logits = new float[vocabulary];
            all.position(((row * length) + length - 1) * vocabulary);
            all.get(logits);
            return logits;
        }

        /** The logits at every position of one row. */
        float[][] logits(int row) {
            FloatBuffer all = logitsBuffer();
            int vocabulary = info.vocabulary();
            float[][] logits = new float[length][vocabulary];
            for (int i = 0; i < length; i++) {
                all.position((row * length + i) * vocabulary);
                all.get(logits[i]);
            }
            return logits;
        }

        /** The logits the run wrote into a cache's buffer, or else ONNX Runtime's copy of its output, kept for all rows. */
        private FloatBuffer logitsBuffer() {
            if (logits == null) {
                logits = ((OnnxTensor) result.get("logits").orElseThrow()).getFloatBuffer();
            }
            return logits;
        }

        /** The present keys and values, in past-input order; they stay valid until this step is closed. */
        OnnxTensor[] presents() {
            OnnxTensor[] tensors = new OnnxTensor[presentNames.length];
            for (int i = 0; i < tensors.length; i++) {
                tensors[i] = (OnnxTensor) result.get(presentNames[i]).orElseThrow();
            }
            return tensors;
        }

        @Override
        public void close() {
            result.close();
        }
    }
}
