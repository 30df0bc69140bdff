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
import tempered.sampling.SamplerChain;
import tempered.sampling.SamplerSettings;
import tempered.text.Gpt2Tokenizer;

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
        View view = open(Playground.of(logits, Examples.WORDS).temperature(0.8).seed(42))
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
    void aMaskedTokenAndATieFollowTheLibrarysRules() {
        double[] logits = {2, Double.NEGATIVE_INFINITY, 2, 1, 0.5};
        View view = open(Playground.of(logits, LETTERS).seed(3)).get(0);
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
        View view = open(Playground.of(logits, labels)).get(0);
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
                .temperature(0.8)
                .topK(40)
                .topP(0.95)
                .minP(0.05)
                .temperatureLast(true)
                .seed(7);
        String html = playground.html();
        assertTrue(html.contains("\"encoding\":\"f32\""), "a model's floats travel as 4 bytes each");
        View view = open(html).get(0);
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
                Playground.of(logits, Examples.GREETINGS),
                Playground.of(logits, Examples.GREETINGS).temperature(2));
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
    void aScreenshotOfThePlaygroundIsNotBlank() throws IOException {
        View view = open(Playground.of(Examples.WORD_LOGITS, Examples.WORDS)
                        .title("The cat slept on the ...")
                        .seed(1))
                .get(0);
        view.click("tpg-draw-100");
        byte[] png = view.root.getScreenshotAs(OutputType.BYTES);
        Files.write(Path.of("target", "playground-screenshot.png"), png);
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
        return open(html);
    }

    private static List<View> open(String... html) {
        WebElement body = page(html);
        List<View> views = new ArrayList<>();
        for (WebElement root : body.findElements(By.className("tempered-playground"))) {
            views.add(new View(root));
        }
        assertEquals(html.length, views.size());
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
    private record View(WebElement root) {

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

        void click(String classes) {
            element(classes).click();
        }

        /** The chain the page shows, rebuilt with the library from the settings it shows. */
        SamplerChain chain() {
            SamplerSettings settings = new SamplerSettings(
                    value("tpg-temperature-value"),
                    (int) value("tpg-top-k-value"),
                    value("tpg-top-p-value"),
                    value("tpg-min-p-value"),
                    1.0,
                    seed());
            return element("tpg-last").isSelected() ? settings.temperatureLast() : settings.temperatureFirst();
        }

        long seed() {
            String chain = text("tpg-chain");
            return chain.endsWith("greedy") ? 0 : Long.parseLong(chain.replaceAll(".*seed=(-?\\d+)\\)$", "$1"));
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
            int[] shown =
                    Playground.of(logits, labels(logits.length)).bars(rows()).shownIds();
            double rest = 1;
            for (int i = 0; i < shown.length; i++) {
                assertEquals(d.prob(shown[i]), value("tpg-row-" + i + ".tpg-p"), CLOSE, chain + " bar " + i);
                rest -= d.prob(shown[i]);
            }
            if (shown.length < logits.length) {
                assertEquals(Math.max(0, rest), value("tpg-rest.tpg-p"), CLOSE, chain + " the rest");
            }
            return expected;
        }

        /** The tallies against the library's first {@code draws} tokens with the page's chain and seed. */
        void assertDrawsAgreeWith(double[] logits, int draws) {
            assertEquals(draws, (int) value("tpg-status"), "the page drew since its settings last changed");
            SamplerChain chain = chain();
            int[] shown =
                    Playground.of(logits, labels(logits.length)).bars(rows()).shownIds();
            int[] counts = new int[shown.length + 1];
            for (int i = 0; i < draws; i++) {
                int id = chain.next(logits);
                int row = shown.length;
                for (int j = 0; j < shown.length; j++) {
                    row = shown[j] == id ? j : row;
                }
                counts[row]++;
            }
            for (int i = 0; i < shown.length; i++) {
                assertEquals(counts[i], (int) value("tpg-row-" + i + ".tpg-count"), chain + " draws of bar " + i);
            }
            if (shown.length < logits.length) {
                assertEquals(counts[shown.length], (int) value("tpg-rest.tpg-count"), chain + " draws of the rest");
            }
        }

        int rows() {
            return root.findElements(By.cssSelector(".tpg-p")).size()
                    - (root.findElements(By.cssSelector(".tpg-rest")).isEmpty() ? 0 : 1);
        }

        private static List<String> labels(int size) {
            return Collections.nCopies(size, "");
        }
    }
}
