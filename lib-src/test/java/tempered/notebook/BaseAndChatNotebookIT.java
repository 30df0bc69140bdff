package tempered.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tempered.chat.ChatTemplate;
import tempered.chat.Message;
import tempered.generate.GenerationSettings;
import tempered.generate.Generator;
import tempered.generate.Sample;
import tempered.generate.Step;
import tempered.hub.Models;
import tempered.math.Distribution;
import tempered.math.TemperatureSolver;
import tempered.model.ModelNotFoundException;
import tempered.model.OnnxModel;
import tempered.notebook.kernel.CellOutput;
import tempered.notebook.kernel.NotebookExecutor;
import tempered.sampling.SamplerChain;

/**
 * Notebook 11, base and chat, run against the two stand-ins of {@link SmolLM2StandIns}: every figure a cell computes
 * is computed again here, independently where the library allows (the library's {@link Generator} for the
 * notebook's hand-written generation loop, whole-prefix passes without a cache for the logits it keeps), and looked
 * for in the cell that shows it. Without the models, every cell says so in one line. What the notebook's text says
 * about the real SmolLM2 files is checked when they are in the Hugging Face cache, and skipped with its reason
 * otherwise.
 */
class BaseAndChatNotebookIT {
    private static final String NOTEBOOK = "11-base-and-chat.ipynb";
    private static final Path NOTEBOOKS = Path.of(System.getProperty("tempered.notebooks", "notebooks"));
    private static final String NEPAL = "Write about Nepal.";
    private static final List<String> REQUESTS = List.of(
            "What is the capital of Australia?",
            "Explain why the sky is blue.",
            "Write a short poem about the sea.",
            "Give me three tips for sleeping better.");
    private static final double[] TEMPERATURES = {0.5, 1, 2};
    private static final long[] SEEDS = {1, 2};
    private static final int ANSWER_LENGTH = 48;

    private static NotebookCells cells() {
        return NotebookCells.of(NOTEBOOK);
    }

    private static OnnxModel open(Path folder) {
        return OnnxModel.open(folder);
    }

    private static String chatPrompt(OnnxModel chat, String request) {
        ChatTemplate template = chat.chatTemplate().orElseThrow();
        return template.render(List.of(Message.user(request)), true);
    }

    private static String prompt(OnnxModel model, boolean chat, String request) {
        return chat ? chatPrompt(model, request) : request + "\n";
    }

    private static String f(String format, Object... values) {
        return String.format(Locale.ROOT, format, values);
    }

    @Test
    void setupSaysThatStandInsRanAndNotSmolLM2() {
        NotebookCells cells = cells();
        cells.shows(
                "bc-setup",
                "SmolLM2-135M (the base model): a STAND-IN is loaded, NOT SmolLM2",
                "SmolLM2-135M-Instruct (the chat model): a STAND-IN is loaded, NOT SmolLM2");
        // Every interpretation of SmolLM2's behaviour gives way to what to look for.
        cells.shows("bc-difference", "The stand-ins ran: two sets of random weights, neither tuned");
        cells.shows("bc-nepal-figures", "The stand-in ran: its texts are noise at any T.");
        cells.shows("bc-same-entropy", "The stand-ins ran: two sets of random weights, neither tuned, so where their");
        cells.shows("bc-nepal-chat", "The stand-in ran: these texts are noise at both temperatures.");
        cells.shows("bc-nepal-base", "The stand-in ran: its texts are noise at any T. With SmolLM2-135M, look at");
        cells.shows("bc-gf-min-p-texts", "The stand-in ran: its texts are noise under either chain.");
        cells.shows(
                "bc-min-p",
                "Top-p 0.9 and min-p 0.1, temperature first, on the ",
                " kept positions of chat stand-in (random weights):",
                "The stand-in ran: its distributions are random, over 296 tokens.");
        assertFalse(cells.text("bc-nepal-figures").contains("So on "), cells.text("bc-nepal-figures"));
    }

    @Test
    void chatTemplateIsRenderedAndCountedAsTheLibraryDoes() {
        NotebookCells cells = cells();
        try (OnnxModel chat = open(SmolLM2StandIns.instruct())) {
            String prompt = chatPrompt(chat, NEPAL);
            cells.shows(
                    "bc-template",
                    prompt,
                    f(
                            "The chat model reads %d tokens; the request alone is %d.",
                            chat.tokenizer().encode(prompt).length,
                            chat.tokenizer().encode(NEPAL).length),
                    "Its answer ends when it writes one of: <|endoftext|>, <|im_end|>",
                    "The base model's text ends when it writes one of: <|endoftext|>, <|im_end|>");
        }
    }

    @Test
    void firstTokenFiguresAreEachModelsOwn() {
        NotebookCells cells = cells();
        try (OnnxModel base = open(SmolLM2StandIns.base());
                OnnxModel chat = open(SmolLM2StandIns.instruct())) {
            float[] baseFirst = base.nextLogits(base.tokenizer().encode(NEPAL + "\n"));
            float[] chatFirst = chat.nextLogits(chat.tokenizer().encode(chatPrompt(chat, NEPAL)));
            cells.showsTable("bc-first-token");
            assertEquals(10, count(cells.text("bc-first-token"), "<tr>") - 1, cells.text("bc-first-token"));
            cells.shows(
                    "bc-first-token",
                    f(">%.4f</td>", Distribution.of(baseFirst, 1).top(1).get(0).prob()),
                    f(">%.4f</td>", Distribution.of(chatFirst, 1).top(1).get(0).prob()));
            String table = flat(cells.text("bc-first-figures"));
            for (double t : TEMPERATURES) {
                for (String who : List.of("base", "chat")) {
                    Distribution d = Distribution.of(who.equals("base") ? baseFirst : chatFirst, t);
                    assertTrue(
                            table.contains(f(
                                    "%s stand-in (random weights) | T = %s | %.4f | %.4f | %d |",
                                    who,
                                    t == 1 ? "1" : t == 2 ? "2" : "0.5",
                                    d.entropy(),
                                    d.prob(d.argmax()),
                                    d.tokensForMass(0.9))),
                            who + " at T = " + t + " not in: " + table);
                }
            }
            // Each column names the model that ran.
            String firstTokens = flat(cells.text("bc-first-token"));
            for (String column :
                    List.of("base stand-in (random weights): token", "chat stand-in (random weights): p")) {
                assertTrue(firstTokens.contains(" | " + column + " | "), column + " not in: " + firstTokens);
            }
            cells.showsImage("bc-gf-ranks");
            String playgrounds = cells.text("bc-playground");
            assertEquals(2, count(playgrounds, "tempered-playground\""), "two playgrounds");
            // Notebook 05's controls, which the text under the first-token figures promises on both playgrounds.
            for (String control : List.of("topK", "topP", "minP")) {
                assertTrue(
                        count(playgrounds, "\"key\":\"" + control + "\"") >= 2,
                        control + " is not on both playgrounds");
            }
        }
    }

    /** The notebook's 48 answers, written again by the library's Generator with the same chains and limits. */
    private record Answers(Map<String, List<Sample>> byModelAndT, Map<String, Integer> stepsOfT1Seed1) {}

    private static Answers answers(OnnxModel base, OnnxModel chat) {
        Map<String, List<Sample>> groups = new HashMap<>();
        Map<String, Integer> kept = new HashMap<>();
        for (OnnxModel model : List.of(base, chat)) {
            boolean isChat = model == chat;
            Generator generator = new Generator(model);
            for (String request : REQUESTS) {
                for (double t : TEMPERATURES) {
                    for (long seed : SEEDS) {
                        Sample sample = generator
                                .generate(
                                        prompt(model, isChat, request),
                                        SamplerChain.builder().temperature(t).random(seed),
                                        GenerationSettings.of(ANSWER_LENGTH).withAlternatives(1))
                                .sample();
                        groups.computeIfAbsent((isChat ? "chat" : "base") + t, k -> new ArrayList<>())
                                .add(sample);
                        if (t == 1 && seed == 1) {
                            kept.merge(isChat ? "chat" : "base", sample.steps().size(), Integer::sum);
                        }
                    }
                }
            }
        }
        return new Answers(groups, kept);
    }

    @Test
    void wholeAnswersMeasuredByHandAgreeWithTheLibrarysGenerator() {
        NotebookCells cells = cells();
        try (OnnxModel base = open(SmolLM2StandIns.base());
                OnnxModel chat = open(SmolLM2StandIns.instruct())) {
            Answers answers = answers(base, chat);
            int tokens = 0;
            for (List<Sample> group : answers.byModelAndT().values()) {
                for (Sample s : group) {
                    tokens += s.steps().size();
                }
            }
            cells.matches("bc-measure", f("Measured 48 answers, %d tokens, in \\d+ s;", tokens));
            cells.shows(
                    "bc-measure",
                    f(
                            "kept the logits of %d positions of base stand-in (random weights) and %d of chat stand-in",
                            answers.stepsOfT1Seed1().get("base"),
                            answers.stepsOfT1Seed1().get("chat")));
            String table = flat(cells.text("bc-helpers-stats"));
            for (String who : List.of("base", "chat")) {
                for (double t : TEMPERATURES) {
                    List<Sample> group = answers.byModelAndT().get(who + t);
                    double entropy = 0;
                    double top = 0;
                    int count = 0;
                    for (Sample s : group) {
                        for (Step step : s.steps()) {
                            entropy += step.entropy();
                            top += step.alternatives().get(0).probability();
                            count++;
                        }
                    }
                    String row = f(
                            "%s stand-in (random weights) | T = %s | 8 | %d | %.2f (",
                            who, t == 1 ? "1" : t == 2 ? "2" : "0.5", count, entropy / count);
                    assertTrue(table.contains(row), row + " not in: " + table);
                    assertTrue(table.contains(f(") | %.3f (", top / count)), f("%.3f", top / count) + " in " + table);
                }
            }
            cells.showsImage("bc-charts");
            assertEquals(2, cells.cell("bc-charts").displays().size(), "two charts");
            for (double t : TEMPERATURES) {
                List<Sample> b = answers.byModelAndT().get("base" + t);
                List<Sample> c = answers.byModelAndT().get("chat" + t);
                double mean = 0;
                int chatSurer = 0;
                for (int i = 0; i < b.size(); i++) {
                    double difference = meanEntropy(c.get(i)) - meanEntropy(b.get(i));
                    mean += difference / b.size();
                    chatSurer += difference < 0 ? 1 : 0;
                }
                String shown = t == 1 ? "1" : t == 2 ? "2" : "0.5";
                cells.matches(
                        "bc-difference",
                        Pattern.quote(f(
                                        "T = %s: chat minus base, mean entropy per token, answer by answer, %+.2f nats"
                                                + " (95%% interval",
                                        shown, mean))
                                + "[^\\n]*"
                                + Pattern.quote(f("the chat model was the surer in %d of the 8 pairs.", chatSurer)));
            }
            assertEquals(3, count(cells.text("bc-difference"), "8 pairs): "));
        }
    }

    @Test
    void nepalFiguresAreMeasuredOnEveryText() {
        NotebookCells cells = cells();
        try (OnnxModel base = open(SmolLM2StandIns.base());
                OnnxModel chat = open(SmolLM2StandIns.instruct())) {
            GenerationSettings eight = GenerationSettings.of(80).withSamples(8).withAlternatives(1);
            for (OnnxModel model : List.of(chat, base)) {
                boolean isChat = model == chat;
                String id = isChat ? "bc-nepal-figures" : "bc-nepal-base";
                String who = isChat ? "chat stand-in (random weights)" : "base stand-in (random weights)";
                List<Sample> calm = new Generator(model)
                        .generate(
                                prompt(model, isChat, NEPAL),
                                SamplerChain.builder().temperature(0.5).random(1),
                                eight)
                        .samples();
                List<Sample> wild = new Generator(model)
                        .generate(
                                prompt(model, isChat, NEPAL),
                                SamplerChain.builder().temperature(2).random(1),
                                eight)
                        .samples();
                double difference = 0;
                for (int i = 0; i < 8; i++) {
                    difference += (surprisal(wild.get(i)) - surprisal(calm.get(i))) / 8;
                }
                cells.shows(
                        id,
                        f("%s at T = 0.5: mean surprisal %.2f nats per token (95%% interval", who, meanSurprisal(calm)),
                        f("%d of 8 ended by themselves", ended(calm)),
                        f("%s at T = 2: mean surprisal %.2f nats per token", who, meanSurprisal(wild)),
                        f("T = 2 minus T = 0.5, seed by seed: %+.2f nats per token", difference));
            }
            cells.showsTable("bc-nepal-chat");
            cells.shows("bc-nepal-chat", ">T = 0.5, seed 1</th>", ">T = 2, seed 2</th>", ">mean surprisal</th>");
            cells.showsTable("bc-nepal-base");
        }
    }

    /** The raw logits at every step of the T = 1, seed 1 answers, each from one pass over its whole prefix, no cache. */
    private static List<float[]> positions(OnnxModel model, boolean isChat) {
        List<float[]> positions = new ArrayList<>();
        for (String request : REQUESTS) {
            String prompt = prompt(model, isChat, request);
            Sample sample = new Generator(model)
                    .generate(
                            prompt,
                            SamplerChain.builder().temperature(1).random(1),
                            GenerationSettings.of(ANSWER_LENGTH).withAlternatives(0))
                    .sample();
            int[] promptIds = model.tokenizer().encode(prompt);
            int[] ids = sample.tokenIds();
            for (int step = 0; step < ids.length; step++) {
                int[] prefix = Arrays.copyOf(promptIds, promptIds.length + step);
                System.arraycopy(ids, 0, prefix, promptIds.length, step);
                positions.add(model.nextLogits(prefix));
            }
        }
        return positions;
    }

    private static double meanEntropy(List<float[]> positions, double t) {
        double sum = 0;
        for (float[] logits : positions) {
            sum += Distribution.of(logits, t).entropy();
        }
        return sum / positions.size();
    }

    @Test
    void sameEntropyAndTheTwoCutsAreRecomputedWithoutTheCache() {
        NotebookCells cells = cells();
        try (OnnxModel base = open(SmolLM2StandIns.base());
                OnnxModel chat = open(SmolLM2StandIns.instruct())) {
            List<float[]> basePositions = positions(base, false);
            List<float[]> chatPositions = positions(chat, true);
            double target = meanEntropy(basePositions, 1);
            // The T at which the chat model's mean entropy reaches the target, by bisection on T itself.
            double low = 0.01;
            double high = 100;
            for (int i = 0; i < 60; i++) {
                double mid = (low + high) / 2;
                if (meanEntropy(chatPositions, mid) < target) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            List<Double> perPosition = new ArrayList<>();
            for (float[] logits : chatPositions) {
                perPosition.add(TemperatureSolver.forEntropy(logits, target));
            }
            Collections.sort(perPosition);
            cells.showsImage("bc-same-entropy");
            cells.shows(
                    "bc-same-entropy",
                    f(
                            "base stand-in (random weights): the mean reaches %.2f nats at T = 1.00;"
                                    + " position by position, the median T is",
                            target),
                    f(
                            "chat stand-in (random weights): the mean reaches %.2f nats at T = %.2f; position by"
                                    + " position, the median T is %.2f",
                            target, low, perPosition.get(perPosition.size() / 2)),
                    f("%d positions).", chatPositions.size()));
            String table = flat(cells.text("bc-min-p"));
            for (String cut : List.of("top-p 0.9", "min-p 0.1")) {
                SamplerChain.Builder builder = SamplerChain.builder().temperature(2);
                SamplerChain chain = (cut.startsWith("top") ? builder.topP(0.9) : builder.minP(0.1)).random(1);
                List<Integer> kept = new ArrayList<>();
                for (float[] logits : chatPositions) {
                    double[] p = chain.distribution(logits, new int[0]).probs();
                    kept.add((int) Arrays.stream(p).filter(x -> x > 0).count());
                }
                Collections.sort(kept);
                String row = f("T = 2 | %s | %d |", cut, kept.get(kept.size() / 2));
                assertTrue(table.contains(row), row + " not in: " + table);
            }
        }
    }

    @Test
    void exercisesStartUnansweredAndArithmeticOrderIsShown() {
        NotebookCells cells = cells();
        for (String id : List.of("bc-ex1", "bc-ex2", "bc-ex3")) {
            cells.shows(id, "not yet: ");
        }
        cells.shows(
                "bc-order",
                "(0.1 + 0.2) + 0.3 = 0.6000000000000001, but 0.1 + (0.2 + 0.3) = 0.6",
                "The same pass, run twice: none of the 296 logits differ; the likeliest token is the same.",
                "The prompt one token at a time, through the cache: ",
                "The prompt as one row of a batch of four: ",
                "The gap between the two largest logits here is ",
                ": if no logit moves by as much as half of it, this argmax cannot flip.");
        cells.shows(
                "bc-gf-min-p-texts",
                "temperature(3) -&gt; top-p(0.9) -&gt; random(seed=1)",
                "temperature(3) -&gt; min-p(0.1) -&gt; random(seed=1)",
                "Top-p minus min-p, seed by seed: ");
    }

    @Test
    void withoutTheModelsEveryCellSaysSoInOneLine(@TempDir Path emptyCache) {
        cells(); // the stand-ins are installed with the first run, so that the settings restored below are theirs
        List<String> settings = List.of(
                SmolLM2StandIns.BASE_PROPERTY,
                SmolLM2StandIns.INSTRUCT_PROPERTY,
                "TEMPERED_SMOLLM2_DIR",
                "TEMPERED_SMOLLM2_INSTRUCT_DIR",
                "HF_HUB_CACHE");
        Map<String, String> saved = new HashMap<>();
        settings.forEach(name -> saved.put(name, System.getProperty(name)));
        List<CellOutput> outputs;
        try {
            // A property wins over the variable of the same name, and a blank one counts as unset.
            settings.forEach(name -> System.setProperty(name, ""));
            System.setProperty("HF_HUB_CACHE", emptyCache.toString());
            try (NotebookExecutor executor = new NotebookExecutor()) {
                outputs = executor.run(NOTEBOOKS.resolve(NOTEBOOK));
            }
        } finally {
            saved.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
        List<String> ids = NotebookCells.codeCellIds(NOTEBOOKS.resolve(NOTEBOOK));
        assertEquals(
                "SmolLM2-135M (the base model) is not on this machine yet: fetch it once with ./lab download --model"
                        + " onnx-community/SmolLM2-135M-ONNX --variant int8 in the project folder (about 135 MB), then"
                        + " restart the kernel.\n"
                        + "SmolLM2-135M-Instruct (the chat model) is not on this machine yet: fetch it once with ./lab"
                        + " download --model HuggingFaceTB/SmolLM2-135M-Instruct --variant int8 in the project folder"
                        + " (about 135 MB), then restart the kernel.\n",
                outputs.get(0).allText());
        for (int i = 1; i < outputs.size(); i++) {
            String shown = outputs.get(i).allText();
            String needs = shown.replace("(0.1 + 0.2) + 0.3 = 0.6000000000000001, but 0.1 + (0.2 + 0.3) = 0.6\n", "");
            assertTrue(
                    needs.matches(
                            "This cell needs (both SmolLM2 models, and neither is|SmolLM2-135M-Instruct, which is not)"
                                    + " loaded \\(see the first cell's lines for how to fetch (them|it); then restart the"
                                    + " kernel\\)\\.\n"),
                    ids.get(i) + " shows more than one line without the models:\n" + shown);
        }
    }

    @Test
    void whatTheNotebookSaysOfTheRealSmolLM2FilesHolds() {
        OnnxModel base;
        OnnxModel chat;
        try {
            base = Models.open("onnx-community/SmolLM2-135M-ONNX");
        } catch (ModelNotFoundException e) {
            Assumptions.abort("needs SmolLM2-135M in the Hugging Face cache (./lab download --model"
                    + " onnx-community/SmolLM2-135M-ONNX --variant int8), which is not here: " + e.getMessage());
            return;
        }
        try {
            chat = Models.open("HuggingFaceTB/SmolLM2-135M-Instruct");
        } catch (ModelNotFoundException e) {
            base.close();
            Assumptions.abort("needs SmolLM2-135M-Instruct in the Hugging Face cache (./lab download --model"
                    + " HuggingFaceTB/SmolLM2-135M-Instruct --variant int8), which is not here: " + e.getMessage());
            return;
        }
        try (base;
                chat) {
            assertFalse(base.randomWeights() || chat.randomWeights(), "the cache holds stand-ins, not SmolLM2");
            assertEquals(49_152, base.vocabularySize(), "the notebook speaks of a vocabulary of 49,152 tokens");
            assertEquals(49_152, chat.vocabularySize());
            String prompt = chatPrompt(chat, NEPAL);
            assertTrue(prompt.startsWith("<|im_start|>system\n"), "the template adds a system turn: " + prompt);
            assertTrue(prompt.endsWith("<|im_start|>assistant\n"), prompt);
            List<String> stops = new ArrayList<>();
            chat.stopTokens().forEach(id -> stops.add(chat.tokenizer().token(id)));
            assertTrue(stops.contains("<|im_end|>"), "the chat model stops at <|im_end|>: " + stops);
        }
    }

    private static double meanEntropy(Sample sample) {
        double sum = 0;
        for (Step step : sample.steps()) {
            sum += step.entropy();
        }
        return sum / sample.steps().size();
    }

    private static double surprisal(Sample sample) {
        double sum = 0;
        for (Step step : sample.steps()) {
            sum -= step.rawLogProbability();
        }
        return sum / sample.steps().size();
    }

    private static double meanSurprisal(List<Sample> samples) {
        double sum = 0;
        for (Sample s : samples) {
            sum += surprisal(s) / samples.size();
        }
        return sum;
    }

    private static int ended(List<Sample> samples) {
        int ended = 0;
        for (Sample s : samples) {
            ended += s.stopToken().isPresent() ? 1 : 0;
        }
        return ended;
    }

    /** An HTML table as text: each cell's content followed by " | ", rows run together. */
    private static String flat(String html) {
        String text = html.replaceAll("<[^>]+>", " | ").replace("&quot;", "\"").replace("&gt;", ">");
        return text.replaceAll("(\\s*\\|\\s*)+", " | ");
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
