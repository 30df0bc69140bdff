package tempered.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tempered.chat.ChatTemplate;
import tempered.text.Gpt2Tokenizer;
import tempered.text.HubTokenizer;
import tempered.text.Tokenizer;

/**
 * A decoder-only language model exported to ONNX, run by ONNX Runtime: token ids in, next-token logits out.
 * GPT-2 ({@link Gpt2Model}) and Llama-shaped models such as SmolLM2, in the layouts Optimum and transformers.js
 * export ({@link ExportStyle}), in float32, int8 ({@code MatMulInteger}) or 4-bit ({@code MatMulNBits}) weights.
 *
 * <p>The sizes (layers, key/value heads, head size, vocabulary) are read from the session's inputs and outputs;
 * {@code config.json} adds what they do not say (the query heads, the context length). With grouped-query
 * attention the cache holds fewer heads than the model attends with: its shape follows the
 * {@code past_key_values} inputs. The tokenizer, the stop tokens and the chat template come from the files beside
 * the model ({@code tokenizer.json}, {@code generation_config.json}, {@code tokenizer_config.json}); GPT-2 uses
 * {@link Gpt2Tokenizer}. Generation goes through a {@link KvCache}, which owns the keys and values between steps.
 * The model is safe to share between threads as long as each thread uses its own cache. It leaves out fp16
 * exports, sliding-window attention and attention sinks.
 *
 * <pre>{@code
 * // not run: needs SmolLM2
 * try (OnnxModel smol = OnnxModel.open(Path.of("SmolLM2-135M-Instruct"))) {
 *     String prompt = smol.chatTemplate().orElseThrow().render(List.of(Message.user("Hi")), true);
 *     float[] logits = smol.nextLogits(smol.tokenizer().encode(prompt));
 * }
 * }</pre>
 */
public sealed class OnnxModel implements LanguageModel, AutoCloseable permits Gpt2Model {
    private static final Pattern PAST = Pattern.compile("past_key_values\\.(\\d+)\\.(key|value)");
    private static final Pattern PRESENT = Pattern.compile("present\\.(\\d+)\\.(key|value)");
    private static final Set<String> KNOWN_INPUTS =
            Set.of("input_ids", "attention_mask", "position_ids", "use_cache_branch");

    /**
     * What the files beside an export say, or GPT-2 fixes, that the ONNX file does not.
     *
     * @param name what messages call the model ({@code GPT-2}, or its repository)
     * @param defaultContext the context length when config.json does not say; 0 when it must
     * @param closeable the tokenizer's native resources, closed with the model, or null
     */
    record Setup(
            String name,
            Architecture architecture,
            Tokenizer tokenizer,
            AutoCloseable closeable,
            Set<Integer> stopTokens,
            Optional<ChatTemplate> chatTemplate,
            String downloadCommand,
            int defaultContext) {}

    private final OrtEnvironment environment = OnnxEnvironment.get();
    private final OrtSession session;
    private final Setup setup;
    private final ModelInfo info;
    private final boolean attentionMask;
    private final boolean idsAreInt32;
    private final String[] pastNames;
    private final String[] presentNames;
    private final Set<String> outputs;
    private final Set<String> presentOutputs;
    private final boolean randomWeights;

    OnnxModel(Path file, OrtSession session, ModelConfig config, Setup setup) throws OrtException {
        this.session = session;
        this.setup = setup;
        this.randomWeights = config.randomWeights();
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
                    file.getFileName() + " is not a "
                            + (setup.architecture() == Architecture.GPT2 ? "GPT-2 " : "")
                            + "decoder layout Tempered knows:"
                            + " found inputs " + new TreeSet<>(inputNames) + " and outputs "
                            + new TreeSet<>(outputNames)
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
        // The cache's shape says how many key/value heads there are; config.json, how many query heads share them.
        int kvHeads = kvShape.length == 4 && kvShape[1] > 0
                ? (int) kvShape[1]
                : config.kvHeads().orElse(config.heads().orElse(-1));
        int heads = setup.architecture() == Architecture.GPT2
                ? kvHeads
                : config.heads().orElse(kvHeads);
        int headSize = kvShape.length == 4 && kvShape[3] > 0
                ? (int) kvShape[3]
                : config.embedding().isPresent() && heads > 0
                        ? config.embedding().getAsInt() / heads
                        : -1;
        if (heads <= 0 || headSize <= 0) {
            throw new IllegalArgumentException("could not tell the number of heads and head size of "
                    + file.getFileName() + " from its cache shapes " + Arrays.toString(kvShape) + "; put "
                    + (setup.architecture() == Architecture.GPT2 ? "GPT-2's" : "the model's")
                    + " config.json beside it");
        }
        if (heads % kvHeads != 0) {
            throw new IllegalArgumentException(file.getFileName() + " keeps " + kvHeads + " key/value heads, but its"
                    + " config.json says " + heads + " query heads, which they cannot share evenly; use the config.json"
                    + " of the same repository");
        }
        long[] logitsShape = shape(outputInfo, "logits");
        int vocabulary = logitsShape.length == 3 && logitsShape[2] > 0
                ? (int) logitsShape[2]
                : config.vocabulary().orElse(setup.tokenizer().vocabularySize());
        requireVocabulary(file, vocabulary);
        int context = config.contextLength().orElse(setup.defaultContext());
        if (context <= 0) {
            throw new IllegalArgumentException("the config.json beside " + file.getFileName()
                    + " does not say how many positions the model sees (max_position_embeddings); put the model's"
                    + " config.json beside it");
        }
        long parameters = setup.architecture() == Architecture.GPT2
                ? ModelInfo.parameters(layers, heads * headSize, vocabulary, context)
                : ModelInfo.llamaParameters(
                        layers,
                        heads,
                        kvHeads,
                        headSize,
                        config.intermediateSize()
                                .orElseThrow(() -> new IllegalArgumentException("the config.json beside "
                                        + file.getFileName() + " does not say how wide the MLP is"
                                        + " (intermediate_size); put the model's config.json beside it")),
                        vocabulary,
                        config.tiedEmbeddings().orElse(false));
        this.info = new ModelInfo(
                file,
                style,
                inputNames.contains("position_ids"),
                layers,
                heads,
                kvHeads,
                headSize,
                vocabulary,
                context,
                setup.architecture(),
                parameters);

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
     * Loads a model folder (Hugging Face layout) or an .onnx decoder file: GPT-2 (as a {@link Gpt2Model}) when its
     * config.json says {@code gpt2} or, without a config.json, when no tokenizer.json is beside it; else the model
     * its config.json names, with the tokenizer.json beside it.
     *
     * @throws ModelNotFoundException when there is no decoder there, it cannot be loaded, or a file beside it is
     *         missing or broken (the message names the command that fetches it)
     * @throws IllegalArgumentException when it is not a decoder Tempered runs, or this user may not read it
     */
    public static OnnxModel open(Path path) {
        Path file = ModelFolder.decoder(path);
        Path folder = ModelFolder.folderOf(file);
        String command = ModelFolder.downloadCommand(folder);
        ModelConfig config = ModelConfig.read(folder, command);
        boolean gpt2 = config.modelType()
                .map(type -> type.equals(Architecture.GPT2.modelType()))
                .orElse(!Files.exists(folder.resolve("tokenizer.json")));
        if (gpt2) {
            return Gpt2Model.open(path);
        }
        Architecture architecture = Architecture.of(config.modelType()
                .orElseThrow(() -> new IllegalArgumentException("the config.json beside " + file.getFileName()
                        + " names no model_type, so Tempered cannot tell which model it is; put the model's"
                        + " config.json beside it")));
        ModelFolder.requireReadable(file);
        String name = ModelFolder.nameOf(folder);
        HubTokenizer tokenizer = tokenizer(folder, name, command);
        try {
            Setup setup = new Setup(
                    name,
                    architecture,
                    tokenizer,
                    tokenizer,
                    stopTokens(config, tokenizer),
                    ChatTemplate.from(tokenizer.config()),
                    command,
                    0);
            return open(file, config, setup, (f, s, c) -> new OnnxModel(f, s, c, setup));
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    /** Makes the model once the session is open; the session is closed if that fails. */
    interface Maker<M extends OnnxModel> {
        M make(Path file, OrtSession session, ModelConfig config) throws OrtException;
    }

    /** Opens a session on {@code file} and makes the model on it. */
    static <M extends OnnxModel> M open(Path file, ModelConfig config, Setup setup, Maker<M> maker) {
        OrtSession session;
        try (OrtSession.SessionOptions options = SessionSettings.options()) {
            // ONNX Runtime would also print a failing node's error on stderr, in colour; the exception carries it.
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
            session = OnnxEnvironment.get().createSession(file.toString(), options);
        } catch (OrtException e) {
            throw new ModelNotFoundException(
                    "could not load " + file.toAbsolutePath() + ": " + firstLine(e.getMessage())
                            + ". The file may be incomplete or corrupt: delete it and fetch it again with: "
                            + setup.downloadCommand(),
                    e);
        }
        try {
            return maker.make(file, session, config);
        } catch (OrtException | RuntimeException e) {
            closeQuietly(session);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("could not read the inputs of " + file + ": " + e.getMessage(), e);
        }
    }

    private static HubTokenizer tokenizer(Path folder, String name, String command) {
        for (String file : List.of("tokenizer.json", "tokenizer_config.json")) {
            if (Files.exists(folder.resolve(file))) {
                ModelFolder.requireReadable(folder.resolve(file));
            }
        }
        if (!Files.isRegularFile(folder.resolve("tokenizer.json"))) {
            throw new ModelNotFoundException("there is no tokenizer.json in " + folder.toAbsolutePath()
                    + ", which a model other than GPT-2 needs; fetch the model's files with: " + command);
        }
        try {
            return HubTokenizer.open(folder, name);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new ModelNotFoundException(
                    e.getMessage() + "; delete it and fetch the model again with: " + command, e);
        }
    }

    /**
     * The ids that end a sample: generation_config.json's (else config.json's) {@code eos_token_id}, one or a list,
     * and the {@code eos_token} tokenizer_config.json names.
     */
    private static Set<Integer> stopTokens(ModelConfig config, HubTokenizer tokenizer) {
        Set<Integer> stops = new TreeSet<>(config.endTokens());
        tokenizer.endOfText().ifPresent(stops::add);
        for (int id : stops) {
            if (id >= tokenizer.vocabularySize()) {
                throw new IllegalArgumentException("eos_token_id " + id + " is outside the tokenizer's "
                        + tokenizer.vocabularySize() + " tokens; use the config files of the model's repository");
            }
        }
        return Set.copyOf(stops);
    }

    /**
     * Refuses a model whose logits do not fit its tokenizer.
     *
     * @throws IllegalArgumentException saying what to use instead
     */
    private void requireVocabulary(Path file, int vocabulary) {
        int tokens = setup.tokenizer().vocabularySize();
        if (vocabulary == tokens) {
            return;
        }
        if (setup.architecture() == Architecture.GPT2) {
            throw new IllegalArgumentException(file.getFileName() + " has a vocabulary of " + vocabulary
                    + " tokens, not GPT-2's 50,257; Tempered's tokenizer is GPT-2's, so use a GPT-2 export");
        }
        throw new IllegalArgumentException(file.getFileName() + " scores "
                + String.format(Locale.ROOT, "%,d", vocabulary) + " tokens, but its tokenizer.json has "
                + String.format(Locale.ROOT, "%,d", tokens) + "; use the tokenizer.json of the model's own repository");
    }

    public ModelInfo info() {
        return info;
    }

    /**
     * Whether this is a stand-in with random weights, as {@code tempered.model.synthetic} builds for the tests and
     * the benchmark (its {@code config.json} says so): it has the real model's shapes, so every computation runs,
     * but the text it writes means nothing, and nothing about the real model's behaviour can be read from it.
     */
    public boolean randomWeights() {
        return randomWeights;
    }

    @Override
    public String name() {
        return setup.name();
    }

    @Override
    public Tokenizer tokenizer() {
        return setup.tokenizer();
    }

    @Override
    public int vocabularySize() {
        return info.vocabulary();
    }

    @Override
    public Set<Integer> stopTokens() {
        return setup.stopTokens();
    }

    @Override
    public Optional<ChatTemplate> chatTemplate() {
        return setup.chatTemplate();
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
        try (ForwardPass pass =
                run(new int[][] {tokens}, mask, tokens.length, positions(1, 0, tokens.length), false, null)) {
            return pass.logits(0);
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
        // Any id will do for padding, since nothing attends to it; GPT-2's is its end of text.
        int pad = tokenizer().endOfText().orElse(0);
        int[][] padded = new int[batch][longest];
        long[] mask = new long[batch * longest];
        long[] positions = new long[batch * longest];
        for (int row = 0; row < batch; row++) {
            int[] prompt = prompts.get(row);
            int padding = longest - prompt.length;
            Arrays.fill(padded[row], 0, padding, pad);
            System.arraycopy(prompt, 0, padded[row], padding, prompt.length);
            for (int i = 0; i < longest; i++) {
                mask[row * longest + i] = i < padding ? 0 : 1;
                // Transformers gives padding position 1; any value works, since nothing attends to it.
                positions[row * longest + i] = i < padding ? 1 : i - padding;
            }
        }
        try (ForwardPass pass = run(padded, mask, longest, positions, false, null)) {
            float[][] logits = new float[batch][];
            for (int row = 0; row < batch; row++) {
                logits[row] = pass.lastLogits(row);
            }
            return logits;
        }
    }

    /** One forward pass. The caller owns the returned pass and must close it. */
    ForwardPass run(
            int[][] tokens, long[] mask, int maskLength, long[] positions, boolean useCache, OnnxTensor[] past) {
        return run(tokens, mask, maskLength, positions, useCache, past, null);
    }

    /** One forward pass; with {@code into}, the logits are written there (one token per row) instead of into a new output. */
    ForwardPass run(
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
                    long[] empty = {batch, info.kvHeads(), 0, info.headSize()};
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
                return new ForwardPass(
                        session.run(inputs, presentOutputs, Map.of("logits", into.tensor)),
                        length,
                        info.vocabulary(),
                        presentNames,
                        into.view());
            }
            return new ForwardPass(session.run(inputs, outputs), length, info.vocabulary(), presentNames, null);
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

    void requireTokens(int[] tokens, String what) {
        if (tokens == null || tokens.length == 0) {
            throw new IllegalArgumentException(
                    what + " must hold at least one token id; an empty prompt gives the model nothing to continue");
        }
        int vocabulary = info.vocabulary();
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= vocabulary) {
                throw new IllegalArgumentException(what + "[" + i + "] = " + tokens[i] + " is not a " + setup.name()
                        + " token id; ids run from 0 to " + (vocabulary - 1));
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
        if (setup.closeable() != null) {
            try {
                setup.closeable().close();
            } catch (Exception e) {
                // Closing only frees native memory; there is nothing a caller could do about a failure here.
            }
        }
    }

    @Override
    public String toString() {
        return setup.name() + " (" + String.format(Locale.ROOT, "%,d", info.parameters()) + " parameters, "
                + info.style() + ", " + info.file().getFileName() + ")";
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
}
