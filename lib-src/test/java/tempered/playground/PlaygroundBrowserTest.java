package tempered.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import tempered.math.Distribution;
import tempered.math.Examples;
import tempered.math.Logits;
import tempered.model.synthetic.SyntheticTokenizer;
import tempered.sampling.SamplerChain;
import tempered.sampling.SamplerSettings;
import tempered.text.Gpt2Tokenizer;
import tempered.text.HubTokenizer;
import tempered.text.TokenizerConfig;

/**
 * The playground in a real browser: each slider moved, the order flipped, and every figure, bar and tally on
 * the page compared with the library's for the settings the page shows.
 */
class PlaygroundBrowserTest {
    private static final double CLOSE = 1e-9;
    private static final List<String> LETTERS = List.of("a", "b", "c", "d", "e");

    @TempDir
    static Path folder;

    private static ChromeDriver browser;
    private static int pages;

    @BeforeAll
    static void startTheBrowser() {
        Assumptions.assumeTrue(Chromium.installed(), "Chromium is not installed");
        browser = Chromium.start(folder.resolve("profile"));
    }

    @AfterAll
    static void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everySliderAndTheOrderSwitchShowTheLibrarysFigures() {
        double[] logits = Examples.WORD_LOGITS;
        View view = open(Playground.of(logits, Examples.WORDS)
                        .upToNotebook(5)
                        .temperature(0.8)
                        .seed(42))
                .get(0);
        view.assertAgreesWith(logits);
        assertEquals("temperature(0.8) -> random(seed=42)", view.text("tpg-chain"));

        view.move("temperature", Keys.ARROW_LEFT, Keys.ARROW_LEFT);
        assertEquals(0.7, view.value("tpg-temperature-value"));
        view.assertAgreesWith(logits);
        view.move("temperature", Keys.END);
        assertEquals(100.0, view.value("tpg-temperature-value"));
        view.assertAgreesWith(logits);
        view.move("temperature", Keys.HOME, Keys.ARROW_RIGHT);
        assertEquals(0.01, view.value("tpg-temperature-value"));
        view.assertAgreesWith(logits);
        view.move("temperature", Keys.HOME);
        assertEquals("0 (greedy)", view.text("tpg-temperature-value"));
        assertEquals("greedy", view.text("tpg-chain"));
        view.assertAgreesWith(logits);

        view.move("temperature", Keys.END);
        view.move("temperature", Keys.ARROW_LEFT.toString().repeat(59));
        assertEquals(1.5, view.value("tpg-temperature-value"));
        view.move("top-k", Keys.HOME, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        view.assertAgreesWith(logits);
        view.move("top-p", Keys.END, Keys.ARROW_LEFT.toString().repeat(10));
        assertEquals(0.9, view.value("tpg-top-p-value"));
        view.assertAgreesWith(logits);
        view.move("min-p", Keys.HOME, Keys.ARROW_RIGHT.toString().repeat(20));
        assertEquals(0.2, view.value("tpg-min-p-value"));
        Figures first = view.assertAgreesWith(logits);
        assertEquals(
                "temperature(1.5) -> top-k(3) -> top-p(0.9) -> min-p(0.2) -> random(seed=42)", view.text("tpg-chain"));

        view.click("tpg-last");
        Figures last = view.assertAgreesWith(logits);
        assertEquals(
                "top-k(3) -> top-p(0.9) -> min-p(0.2) -> temperature(1.5) -> random(seed=42)", view.text("tpg-chain"));
        assertTrue(
                last.tokensLeft() < first.tokensLeft(),
                "at T = 1.5, cutting before heating keeps fewer tokens: " + first + " / " + last);
        view.click("tpg-first");
        assertEquals(first, view.assertAgreesWith(logits));
    }

    @Test
    void theNewSamplersOnThePageAreTheLibrarysToo() {
        double[] logits = Logits.toDouble(smallVocabulary(400));
        View view = open(Playground.of(logits, Collections.nCopies(logits.length, "t"))
                        .controls(Control.TOP_N_SIGMA, Control.TYPICAL_P, Control.XTC, Control.MIROSTAT_V2)
                        .seed(9))
                .get(0);
        view.move("top-n-sigma", Keys.HOME, Keys.ARROW_RIGHT.toString().repeat(15));
        assertEquals(1.5, view.value("tpg-top-n-sigma-value"));
        assertEquals("temperature(1) -> top-n-sigma(1.5) -> random(seed=9)", view.text("tpg-chain"));
        view.assertAgreesWith(logits);
        view.click("tpg-draw-1000");
        view.assertDrawsAgreeWith(logits, 1000);

        view.move("top-n-sigma", Keys.HOME);
        view.move("typical-p", Keys.END, Keys.ARROW_LEFT.toString().repeat(20));
        assertEquals(0.8, view.value("tpg-typical-p-value"));
        view.assertAgreesWith(logits);
        view.click("tpg-draw-100");
        view.assertDrawsAgreeWith(logits, 100);

        view.move("typical-p", Keys.END);
        view.move("xtc", Keys.HOME, Keys.ARROW_RIGHT.toString().repeat(10));
        assertEquals(0.5, view.value("tpg-xtc-value"));
        view.assertAgreesWith(logits);
        view.click("tpg-draw-100");
        view.assertDrawsAgreeWith(logits, 100);

        view.move("xtc", Keys.HOME);
        view.move("mirostat", Keys.HOME, Keys.ARROW_RIGHT.toString().repeat(8));
        assertEquals("4 bits", view.text("tpg-mirostat-value"));
        assertEquals("temperature(1) -> mirostat-v2(tau=4, eta=0.1, seed=9)", view.text("tpg-chain"));
        view.assertAgreesWith(logits);
        view.click("tpg-draw-100");
        view.assertDrawsAgreeWith(logits, 100);
        view.click("tpg-draw-1");
        view.assertDrawsAgreeWith(logits, 101);
    }

    @Test
    void aPlaygroundShowsTheTemperatureAndTheDrawButtonsUntilANotebookOptsIntoMore() {
        View plain = open(Playground.of(Examples.GREETING_LOGITS, Examples.GREETINGS))
                .get(0);
        assertEquals(List.of("T"), plain.sliderNames());
        assertTrue(plain.root.findElements(By.className("tpg-order")).isEmpty(), "no order switch before notebook 5");
        assertEquals("draw 1 | draw 100 | draw 1,000 | start over", plain.buttons());
        plain.click("tpg-draw-1");
        assertTrue(plain.text("tpg-status").startsWith("1 draw with seed 0; the last: "), plain.text("tpg-status"));
        plain.click("tpg-draw-100");
        assertTrue(plain.text("tpg-status").startsWith("101 draws with seed 0"), plain.text("tpg-status"));

        View five = open(Playground.of(Examples.GREETING_LOGITS, Examples.GREETINGS)
                        .upToNotebook(5))
                .get(0);
        assertEquals(
                List.of("T", "top-k", "top-p", "min-p", "top-n-sigma", "typical-p", "XTC", "mirostat"),
                five.sliderNames());
        assertTrue(five.element("tpg-first").isSelected());
        View chosen = open(Playground.of(Examples.GREETING_LOGITS, Examples.GREETINGS)
                        .controls(Control.TOP_P)
                        .minP(0.1))
                .get(0);
        assertEquals(List.of("T", "top-p", "min-p"), chosen.sliderNames(), "a starting min-p brings its slider");
    }

    @Test
    void theTemperaturesScaleMarksThePracticalRangeAndTakesAClickOnAMark() {
        double[] logits = Examples.WORD_LOGITS;
        View view = open(Playground.of(logits, Examples.WORDS)
                        .controls(Control.TOP_P)
                        .listOrder(true)
                        .seed(5))
                .get(0);
        assertEquals(
                List.of("0.2", "1", "2"),
                view.root.findElements(By.cssSelector(".tpg-mark")).stream()
                        .map(WebElement::getText)
                        .toList());
        WebElement band = view.element("tpg-band");
        int bandFrom = band.getRect().getX();
        int bandTo = bandFrom + band.getRect().getWidth();
        int one = centre(view.element("tpg-mark-1"));
        assertTrue(centre(view.element("tpg-mark-0-2")) < bandFrom, "0.2 lies left of the band");
        assertTrue(Math.abs(bandTo - one) <= 2, "the band ends at T = 1: " + bandTo + " / " + one);
        assertTrue(centre(view.element("tpg-mark-2")) > one, "2 lies right of 1");
        view.move("temperature", Keys.HOME);
        view.click("tpg-mark-0-2");
        assertEquals(0.2, view.value("tpg-temperature-value"));
        assertEquals("temperature(0.2) -> random(seed=5)", view.text("tpg-chain"));
        view.assertAgreesWith(logits);
        view.move("temperature", Keys.ARROW_RIGHT);
        assertEquals(0.22, view.value("tpg-temperature-value"), "the slider moves on from the mark");
        view.click("tpg-mark-2");
        assertEquals("2", view.text("tpg-temperature-value"));
        view.assertAgreesWith(logits);

        view.move("top-p", Keys.END);
        assertEquals("off", view.text("tpg-top-p-value"), "top-p at its right end is off");
        assertTrue(view.root.getText().contains("top token's probability "), "the top token's figure is a probability");
        assertTrue(view.text("tpg-perplexity").matches("\\d+\\.\\d{4}"), view.text("tpg-perplexity"));
        assertEquals(
                Examples.WORDS,
                view.root.findElements(By.cssSelector(".tpg-row.tpg-label:not(.tpg-rest)")).stream()
                        .map(WebElement::getText)
                        .toList(),
                "asked for, the rows follow the list");
        assertTrue(view.restLabels().isEmpty(), "every token has a bar: " + view.restLabels());
    }

    private static int centre(WebElement e) {
        return e.getRect().getX() + e.getRect().getWidth() / 2;
    }

    @Test
    void theLastRowsSayWhatTheTokensWithoutABarHold() {
        float[] logits = vocabulary();
        double[] wide = Logits.toDouble(logits);
        Playground playground = Playground.of(logits, Gpt2Tokenizer.get())
                .bars(3)
                .temperature(2.0)
                .topK(40)
                .topP(0.99)
                .seed(3);
        View view = open(playground).get(0);
        view.assertAgreesWith(wide);
        List<String> rows = view.restLabels();
        assertEquals(playground.engine().restLabels(), rows, "the page's rows are the engine's rows in Java");
        Distribution d = playground.chain().distribution(wide);
        int keptWithABar = 0;
        for (int id : playground.shownIds()) {
            keptWithABar += d.prob(id) > 0 ? 1 : 0;
        }
        int keptWithout = playground.figures().tokensLeft() - keptWithABar;
        assertTrue(keptWithout > 0, "the test needs tokens kept without a bar: " + rows);
        assertEquals(keptWithout + " other tokens kept, not drawn as bars", rows.get(0));
        assertTrue(rows.get(1).startsWith("50,216 tokens cut by top-k(40), which would hold "), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.contains("cut by top-p(0.99)")), rows.toString());
        assertTrue(rows.get(rows.size() - 1).equals("1 token masked in the logits"), rows.toString());
        view.click("tpg-draw-1000");
        view.assertDrawsAgreeWith(wide, 1000);

        view.move("top-k", Keys.HOME);
        view.move("top-p", Keys.END);
        assertEquals(
                List.of("50,253 other tokens kept, not drawn as bars", "1 token masked in the logits"),
                view.restLabels());
        View words = open(Playground.of(Examples.WORD_LOGITS, Examples.WORDS).bars(2))
                .get(0);
        assertEquals(
                List.of("all 3 other tokens, not drawn as bars"),
                words.restLabels(),
                "nothing cut, nothing masked: all of them, no 'kept'");
    }

    @Test
    void theStretchesShowWhereEachDrawsULanded() {
        double[] logits = Examples.GREETING_LOGITS;
        Playground playground = Playground.of(logits, Examples.GREETINGS)
                .temperature(2.0)
                .seed(42)
                .stretches(true);
        View view = open(playground).get(0);
        SamplerChain chain = view.chain();
        Distribution d = chain.distribution(logits);
        double end = 0;
        for (int id = 0; id < logits.length; id++) {
            end += d.prob(id);
            assertEquals(end, view.value("tpg-piece-" + id), CLOSE, "stretch of " + Examples.GREETINGS.get(id));
        }
        view.click("tpg-draw-1");
        view.click("tpg-draw-100");
        view.assertDrawsAgreeWith(logits, 101);
        SplittableRandom random = new SplittableRandom(42);
        double[] us = new double[101];
        for (int i = 0; i < us.length; i++) {
            us[i] = random.nextDouble();
        }
        SamplerChain again = chain.fresh();
        int[] tokens = again.next(logits, new int[0], 101);
        List<WebElement> items = view.root.findElements(By.cssSelector(".tpg-dart-item"));
        assertEquals(5, items.size(), "the last five draws are listed");
        for (int back = 0; back < items.size(); back++) {
            WebElement item = items.get(back);
            double u = Double.parseDouble(item.getDomAttribute("data-value"));
            int token = Integer.parseInt(item.getDomAttribute("data-token"));
            assertEquals(us[100 - back], u, 0.0, "draw " + (101 - back) + "'s u is the picker's number");
            assertEquals(tokens[100 - back], token);
            double from = token == 0 ? 0 : view.value("tpg-piece-" + (token - 1));
            assertTrue(from <= u && u < view.value("tpg-piece-" + token), "u " + u + " lands in its token's stretch");
            assertTrue(item.getText().startsWith("draw " + (101 - back) + ": u = "), item.getText());
        }
        assertEquals(100, view.root.findElements(By.cssSelector(".tpg-dart")).size(), "a dart per draw, up to 100");
        view.move("temperature", Keys.HOME);
        view.click("tpg-draw-1");
        assertEquals("T = 0 is greedy: a draw takes no u, it takes the likeliest token", view.text("tpg-dart-note"));
    }

    @Test
    void logitsAndLogitsOverTCanBeShown() {
        View view = open(Playground.of(Examples.WORD_LOGITS, Examples.WORDS)
                        .temperature(0.5)
                        .showLogits(true))
                .get(0);
        assertEquals("-45.25", view.text("tpg-row-0.tpg-logit"), "mat, the likeliest");
        assertEquals("-90.50", view.text("tpg-row-0.tpg-scaled"));
        view.move("temperature", Keys.HOME);
        assertEquals("\u2014", view.text("tpg-row-0.tpg-scaled"), "at T = 0, x / T has no value");
    }

    @Test
    void aSmolLm2ShapedTokenizerLabelsItsOwnVocabulary() {
        int size = 400;
        HubTokenizer tokenizer = HubTokenizer.of(
                "synthetic",
                SyntheticTokenizer.tokenizerJson(size),
                TokenizerConfig.parse(SyntheticTokenizer.configJson()));
        float[] logits = smallVocabulary(size);
        View view = open(Playground.of(logits, tokenizer).bars(4)).get(0);
        view.assertAgreesWith(Logits.toDouble(logits));
        int top = Logits.argmax(logits);
        assertEquals(Gpt2Tokenizer.quoted(tokenizer.token(top)), view.text("tpg-row-0.tpg-label"));
    }

    @Test
    void aMaskedTokenAndATieFollowTheLibrarysRules() {
        double[] logits = {2, Double.NEGATIVE_INFINITY, 2, 1, 0.5};
        View view = open(Playground.of(logits, LETTERS).upToNotebook(5).seed(3)).get(0);
        view.assertAgreesWith(logits);
        assertTrue(
                view.element("tpg-row-4").getAttribute("class").contains("tpg-cut"),
                "the masked token b is struck through");

        view.move("temperature", Keys.HOME);
        Figures greedy = view.assertAgreesWith(logits);
        assertEquals(1.0, greedy.topProbability());
        assertEquals(1.0, view.value("tpg-row-0.tpg-p"), "T = 0 takes the first of the tied tokens, a");
        assertEquals(0.0, view.value("tpg-row-1.tpg-p"), "and leaves c, tied with it, nothing");
        view.click("tpg-draw-100");
        assertEquals(100.0, view.value("tpg-row-0.tpg-count"), "greedy draws are all a");

        view.move("temperature", Keys.ARROW_RIGHT.toString().repeat(64));
        view.move("top-k", Keys.HOME, Keys.ARROW_RIGHT);
        Figures one = view.assertAgreesWith(logits);
        assertEquals(1, one.tokensLeft(), "top-k(1) keeps the lower id of a tie");
        view.click("tpg-draw-100");
        view.assertDrawsAgreeWith(logits, 100);

        view.move("top-k", Keys.HOME);
        view.click("tpg-draw-1000");
        view.assertDrawsAgreeWith(logits, 1000);
        assertEquals(0.0, view.value("tpg-row-4.tpg-count"), "a masked token is never drawn");
    }

    @Test
    void topPAndMinPCutExactlyAtTheirBoundaries() {
        // llama.cpp's hand-checkable table: {0.1, 0.2, 0.3, 0.4}; top-p 0.7 keeps exactly 0.4 + 0.3.
        double[] logits = Logits.fromProbs(0.1, 0.2, 0.3, 0.4);
        List<String> labels = LETTERS.subList(0, 4);
        View view = open(Playground.of(logits, labels).upToNotebook(5)).get(0);
        view.move("top-p", Keys.HOME, Keys.ARROW_RIGHT.toString().repeat(69));
        assertEquals(0.7, view.value("tpg-top-p-value"));
        Figures topP = view.assertAgreesWith(logits);
        assertEquals(2, topP.tokensLeft());
        assertEquals(4.0 / 7, view.value("tpg-row-0.tpg-p"), 1e-12);

        view.move("top-p", Keys.END);
        // min-p 0.25 puts the threshold at 0.25 * 0.4 = 0.1, exactly on the least likely token.
        view.move("min-p", Keys.HOME, Keys.ARROW_RIGHT.toString().repeat(25));
        assertEquals(0.25, view.value("tpg-min-p-value"));
        view.assertAgreesWith(logits);
        view.click("tpg-last");
        view.assertAgreesWith(logits);
    }

    @Test
    void aWholeVocabularyFromAModelAgreesAndDrawsTheSameTokens() {
        float[] logits = vocabulary();
        double[] wide = Logits.toDouble(logits);
        Playground playground = Playground.of(logits, Gpt2Tokenizer.get())
                .upToNotebook(5)
                .temperature(0.8)
                .topK(40)
                .topP(0.95)
                .minP(0.05)
                .temperatureLast(true)
                .seed(7);
        assertTrue(playground.html().contains("\"encoding\":\"f32\""), "a model's floats travel as 4 bytes each");
        View view = open(playground).get(0);
        view.assertAgreesWith(wide);
        view.click("tpg-draw-100");
        view.assertDrawsAgreeWith(wide, 100);

        view.click("tpg-first");
        view.assertAgreesWith(wide);
        view.move("top-k", Keys.HOME);
        view.move("top-p", Keys.END);
        view.move("min-p", Keys.HOME);
        view.move("temperature", Keys.END);
        Figures hot = view.assertAgreesWith(wide);
        assertTrue(hot.tokensFor90Percent() > 10_000, "at T = 100 the mass spreads over the vocabulary: " + hot);
        view.move("temperature", Keys.ARROW_LEFT.toString().repeat(70));
        view.click("tpg-draw-1000");
        view.assertDrawsAgreeWith(wide, 1000);
    }

    @Test
    void twoPlaygroundsOnOnePageKeepToThemselves() {
        double[] logits = Examples.GREETING_LOGITS;
        List<View> views = open(
                Playground.of(logits, Examples.GREETINGS).controls(Control.ORDER),
                Playground.of(logits, Examples.GREETINGS)
                        .controls(Control.ORDER)
                        .temperature(2));
        View first = views.get(0);
        View second = views.get(1);
        first.move("temperature", Keys.HOME);
        second.click("tpg-last");
        assertEquals(0.0, first.value("tpg-temperature-value"));
        assertEquals(2.0, second.value("tpg-temperature-value"));
        assertTrue(first.element("tpg-first").isSelected(), "the order switches are separate radio groups");
        assertTrue(second.element("tpg-last").isSelected());
        first.assertAgreesWith(logits);
        second.assertAgreesWith(logits);
    }

    @Test
    void withoutJavaScriptTheStillPictureStays() {
        Playground playground = Playground.of(Examples.WORD_LOGITS, Examples.WORDS)
                .title("Five words")
                .temperature(0.5);
        browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        try {
            WebElement root = page(playground.html()).findElement(By.className("tempered-playground"));
            assertTrue(root.findElements(By.className("tpg-live")).isEmpty(), "no script ran");
            WebElement picture = root.findElement(By.className("tpg-static"));
            assertTrue(picture.isDisplayed());
            String text = picture.getText();
            assertTrue(text.contains(playground.figures().toString()), text);
            Distribution d = playground.chain().distribution(Examples.WORD_LOGITS);
            assertTrue(text.contains("mat " + StaticPicture.probability(d.prob(2))), text);
            assertTrue(text.contains("Five words") && text.contains("temperature(0.5) -> random(seed=0)"), text);
        } finally {
            browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        }
        View live = open(playground).get(0);
        assertTrue(live.root.findElements(By.className("tpg-static")).isEmpty(), "the script replaces the picture");
    }

    @Test
    void screenshotsOfThePlaygroundsAreNotBlank() throws IOException {
        View words = open(Playground.of(Examples.WORD_LOGITS, Examples.WORDS)
                        .title("The cat slept on the ...")
                        .seed(1))
                .get(0);
        words.click("tpg-draw-100");
        shoot(words, "playground-screenshot.png");
        View greetings = open(Playground.of(Examples.GREETING_LOGITS, Examples.GREETINGS)
                        .title("Draw a greeting")
                        .temperature(2.0)
                        .seed(42)
                        .stretches(true)
                        .showLogits(true))
                .get(0);
        greetings.click("tpg-draw-100");
        shoot(greetings, "playground-stretches.png");
        View gpt2 = open(Playground.of(vocabulary(), Gpt2Tokenizer.get())
                        .title("A GPT-2-sized vocabulary, notebook 5's controls")
                        .upToNotebook(5)
                        .bars(6)
                        .temperature(1.5)
                        .topK(40)
                        .topP(0.95)
                        .minP(0.05)
                        .seed(7))
                .get(0);
        gpt2.click("tpg-draw-1000");
        shoot(gpt2, "playground-notebook5.png");
    }

    private static void shoot(View view, String name) throws IOException {
        byte[] png = view.root.getScreenshotAs(OutputType.BYTES);
        Files.write(Path.of("target", name), png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(image.getWidth() > 300 && image.getHeight() > 200, image.getWidth() + " x " + image.getHeight());
        assertTrue(
                colours.size() > 50,
                "text, bars and tallies in many shades, not a blank box: " + colours.size() + " colours");
    }

    /** Logits for a vocabulary of {@code size}: a few likely tokens above a long tail. */
    private static float[] smallVocabulary(int size) {
        SplittableRandom random = new SplittableRandom(size);
        float[] logits = new float[size];
        for (int i = 0; i < size; i++) {
            logits[i] = (float) (random.nextGaussian() * (i % 37 == 0 ? 1 : 2) + (i % 37 == 0 ? 6 : 0));
        }
        return logits;
    }

    /** GPT-2-sized logits as a model emits them: 50,257 floats, a tie at the top, a masked token. */
    private static float[] vocabulary() {
        SplittableRandom random = new SplittableRandom(2024);
        float[] logits = new float[Gpt2Tokenizer.VOCABULARY_SIZE];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) (3 * random.nextGaussian() - 80);
        }
        logits[262] = -60;
        logits[13] = -60;
        logits[50256] = Float.NEGATIVE_INFINITY;
        return logits;
    }

    private static List<View> open(Playground... playgrounds) {
        String[] html = new String[playgrounds.length];
        for (int i = 0; i < html.length; i++) {
            html[i] = playgrounds[i].html();
        }
        WebElement body = page(html);
        List<View> views = new ArrayList<>();
        List<WebElement> roots = body.findElements(By.className("tempered-playground"));
        assertEquals(html.length, roots.size());
        for (int i = 0; i < roots.size(); i++) {
            views.add(new View(roots.get(i), playgrounds[i]));
        }
        return views;
    }

    /** Writes the fragments into one page, opens it from a file and returns its body. */
    private static WebElement page(String... html) {
        Path file = folder.resolve("page-" + ++pages + ".html");
        try {
            Files.writeString(
                    file,
                    "<!doctype html><html><head><meta charset=\"utf-8\"></head><body>" + String.join("<hr>", html)
                            + "</body></html>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        browser.get(file.toUri().toString());
        return browser.findElement(By.tagName("body"));
    }

    /** One playground on the page, read through the values its script writes into {@code data-value}. */
    private record View(WebElement root, Playground start) {

        WebElement element(String classes) {
            return root.findElement(By.cssSelector("." + classes));
        }

        double value(String classes) {
            return Double.parseDouble(element(classes).getDomAttribute("data-value"));
        }

        String text(String classes) {
            return element(classes).getText();
        }

        void move(String slider, CharSequence... keys) {
            element("tpg-slider.tpg-" + slider).sendKeys(keys);
        }

        /** Clicks, then waits until the draws it started are all made (they run in slices). */
        void click(String classes) {
            element(classes).click();
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (root.getDomAttribute("data-busy") != null) {
                assertTrue(System.nanoTime() < deadline, "the page still draws after 2 minutes");
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }

        List<String> sliderNames() {
            return root.findElements(By.cssSelector(".tpg-name")).stream()
                    .map(WebElement::getText)
                    .toList();
        }

        String buttons() {
            return String.join(
                    " | ",
                    root.findElements(By.cssSelector(".tpg-draw button")).stream()
                            .map(WebElement::getText)
                            .toList());
        }

        List<String> restLabels() {
            return root.findElements(By.cssSelector(".tpg-rest.tpg-label")).stream()
                    .map(WebElement::getText)
                    .toList();
        }

        /** The chain the page shows, rebuilt with the library from the starting settings and the sliders it shows. */
        SamplerChain chain() {
            SamplerSettings settings = start.engine().settings();
            for (Control c : start.controls()) {
                if (c != Control.ORDER) {
                    settings = c.apply(settings, value("tpg-" + c.slug() + "-value"));
                }
            }
            boolean last = root.findElements(By.className("tpg-last")).isEmpty()
                    ? start.isTemperatureLast()
                    : element("tpg-last").isSelected();
            return last ? settings.temperatureLast() : settings.temperatureFirst();
        }

        /** Every figure and bar against the library's; returns the library's figures. */
        Figures assertAgreesWith(double[] logits) {
            SamplerChain chain = chain();
            assertEquals(chain.toString(), text("tpg-chain"));
            Distribution d = chain.distribution(logits);
            Figures expected = Figures.of(d);
            assertEquals(expected.entropy(), value("tpg-entropy"), CLOSE, chain + " entropy");
            assertEquals(
                    expected.perplexity(),
                    value("tpg-perplexity"),
                    CLOSE * expected.perplexity(),
                    chain + " perplexity");
            assertEquals(expected.topProbability(), value("tpg-top"), CLOSE, chain + " top token");
            assertEquals(expected.tokensFor90Percent(), (int) value("tpg-mass90"), chain + " tokens for 90%");
            assertEquals(expected.tokensLeft(), (int) value("tpg-kept"), chain + " tokens left");
            assertEquals(String.format(Locale.ROOT, "%.4f nats", expected.entropy()), text("tpg-entropy"));
            int[] shown = start.shownIds();
            double rest = 1;
            for (int i = 0; i < shown.length; i++) {
                assertEquals(d.prob(shown[i]), value("tpg-row-" + i + ".tpg-p"), CLOSE, chain + " bar " + i);
                rest -= d.prob(shown[i]);
            }
            List<WebElement> kept = root.findElements(By.cssSelector(".tpg-rest-kept.tpg-p"));
            if (rest > CLOSE) {
                assertEquals(1, kept.size(), chain + ": a row holds the tokens kept without a bar");
                assertEquals(
                        rest,
                        Double.parseDouble(kept.get(0).getDomAttribute("data-value")),
                        CLOSE,
                        chain + " the other tokens kept");
            }
            return expected;
        }

        /** The tallies against the library's first {@code draws} tokens with the page's chain and seed. */
        void assertDrawsAgreeWith(double[] logits, int draws) {
            assertEquals(draws, (int) value("tpg-status"), "the page drew since its settings last changed");
            SamplerChain chain = chain();
            int[] shown = start.shownIds();
            int[] counts = new int[shown.length + 1];
            for (int id : chain.next(logits, new int[0], draws)) {
                int row = shown.length;
                for (int j = 0; j < shown.length; j++) {
                    row = shown[j] == id ? j : row;
                }
                counts[row]++;
            }
            for (int i = 0; i < shown.length; i++) {
                assertEquals(counts[i], (int) value("tpg-row-" + i + ".tpg-count"), chain + " draws of bar " + i);
            }
            if (counts[shown.length] > 0) {
                assertEquals(
                        counts[shown.length], (int) value("tpg-rest-kept.tpg-count"), chain + " draws of the rest");
            }
        }
    }
}
