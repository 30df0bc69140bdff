package tempered.playground;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tempered.math.Examples;
import tempered.sampling.SamplerSettings;

class PlaygroundTest {
    private static final Playground WORDS = Playground.of(Examples.WORD_LOGITS, Examples.WORDS);

    @Test
    void theStartingFiguresAreTheLibrarysForTheStartingChain() {
        assertEquals("temperature(1) -> random(seed=0)", WORDS.chain().toString());
        Figures f = WORDS.figures();
        assertEquals(0.9514, f.entropy(), 1e-4);
        assertEquals(Math.exp(f.entropy()), f.perplexity(), 1e-12);
        assertEquals(0.66571, f.topProbability(), 1e-5);
        assertEquals(3, f.tokensFor90Percent(), "mat, floor and car: 0.666 + 0.211 + 0.086");
        assertEquals(5, f.tokensLeft());
        assertEquals(
                "entropy 0.9514 nats, perplexity 2.5893, top token's probability 0.6657, 90% of the mass in 3 tokens, 5 tokens left",
                f.toString());

        Playground cut =
                WORDS.temperature(0.8).topK(2).minP(0.3).topP(0.9).seed(7).temperatureLast(true);
        assertEquals(
                "top-k(2) -> top-p(0.9) -> min-p(0.3) -> temperature(0.8) -> random(seed=7)",
                cut.chain().toString());
        assertEquals(2, cut.figures().tokensLeft());
        assertEquals("greedy", WORDS.temperature(0).chain().toString());
        assertEquals(1, WORDS.temperature(0).figures().tokensFor90Percent());
    }

    @Test
    void theBarsGoToTheLikeliestTokensByLogitTiesToTheLowerId() {
        Playground tied =
                Playground.of(new double[] {1, 3, Double.NEGATIVE_INFINITY, 3, 2}, List.of("a", "b", "c", "d", "e"));
        assertArrayEquals(new int[] {1, 3, 4, 0, 2}, tied.shownIds());
        assertArrayEquals(new int[] {1, 3}, tied.bars(2).shownIds());
        assertArrayEquals(new int[] {2, 1, 3, 4, 0}, WORDS.bars(99).shownIds());
    }

    @Test
    void theHtmlCarriesAStillPictureTheScriptAndTheFullLogits() {
        String html = WORDS.title("The cat slept on the ...").temperature(0.5).html();
        assertTrue(
                html.startsWith("<div class=\"tempered-playground\" id=\"tempered-playground-"), html.substring(0, 80));
        assertTrue(
                html.contains("<div class=\"tpg-static\">")
                        && html.contains("<script>(function (root, config, engineScript)"),
                "picture and script");
        assertTrue(html.contains(WORDS.temperature(0.5).figures().toString()), "the picture shows the figures");
        assertTrue(html.contains("temperature(0.5) -&gt; random(seed=0)"), "and the chain, escaped");
        assertTrue(html.contains("\"encoding\":\"f64\""), "the five words are not floats, so they travel as doubles");
        Matcher logits = Pattern.compile("\"logits\":\"([A-Za-z0-9+/=]+)\"").matcher(html);
        assertTrue(logits.find());
        ByteBuffer bytes =
                ByteBuffer.wrap(Base64.getDecoder().decode(logits.group(1))).order(ByteOrder.LITTLE_ENDIAN);
        double[] decoded = new double[bytes.remaining() / Double.BYTES];
        for (int i = 0; i < decoded.length; i++) {
            decoded[i] = bytes.getDouble();
        }
        assertArrayEquals(Examples.WORD_LOGITS, decoded, 0.0, "every logit to the bit");
    }

    @Test
    void eachPlaygroundGetsItsOwnId() {
        Pattern id = Pattern.compile("id=\"(tempered-playground-[0-9a-f-]+)\"");
        Matcher first = id.matcher(WORDS.html());
        Matcher second = id.matcher(WORDS.html());
        assertTrue(first.find() && second.find());
        assertNotEquals(first.group(1), second.group(1));
    }

    @Test
    void floatLogitsTravelAsFourBytesEachAndBackExactly() {
        double[] floats = {1.5, -0.25, Double.NEGATIVE_INFINITY, (float) 0.1};
        assertEquals("f32", PageData.encoding(floats));
        assertEquals("f64", PageData.encoding(new double[] {1.5, 0.1}));
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(PageData.base64(floats)))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(16, bytes.remaining());
        for (double x : floats) {
            assertEquals(x, bytes.getFloat(), 0.0);
        }
    }

    @Test
    void noLabelCanCloseTheScript() {
        Playground tricky = Playground.of(new double[] {1, 2}, List.of("</script><b>", "a \"quote\" & \u2028"));
        String html = tricky.html();
        String script = html.substring(html.indexOf("<script>") + "<script>".length(), html.lastIndexOf("</script>"));
        assertFalse(script.contains("</"), "the data holds no closing tag");
        assertTrue(
                script.contains("\"\\u003c/script\\u003e\\u003cb\\u003e\""), script.substring(script.length() - 600));
        assertTrue(script.contains("\"a \\\"quote\\\" \\u0026 \\u2028\""));
        assertTrue(html.contains("&lt;/script&gt;&lt;b&gt;</td>"), "the picture escapes labels too");
    }

    @Test
    void theStillPictureUsesOnlyWhatJupyterLabKeepsInAnUntrustedOutput() {
        // JupyterLab's sanitizer (its allow-list, as of JupyterLab 4) drops <script> and <style>, data-* attributes
        // and any style property it does not know; these are the ones the picture needs and the list allows.
        Set<String> tags = Set.of("div", "table", "tbody", "tr", "th", "td", "b");
        Set<String> properties = Set.of(
                "font-weight",
                "font-family",
                "font-style",
                "font-size",
                "color",
                "border-collapse",
                "padding",
                "text-align",
                "white-space");
        Element picture =
                Jsoup.parse(WORDS.topK(2).bars(3).title("Five words").html()).selectFirst("div.tpg-static");
        for (Element e : picture.getAllElements()) {
            assertTrue(tags.contains(e.tagName()), "tag " + e.tagName());
            for (Attribute a : e.attributes()) {
                assertTrue(Set.of("class", "style").contains(a.getKey()), "attribute " + a.getKey());
                if (a.getKey().equals("style")) {
                    for (String declaration : a.getValue().split(";")) {
                        assertTrue(properties.contains(declaration.split(":")[0].trim()), "style " + declaration);
                    }
                }
            }
        }
        assertTrue(picture.text().contains("mat 0.7595"), "0.666 / (0.666 + 0.211): " + picture.text());
        assertTrue(
                picture.text().contains("2 tokens without a bar cut by top-k(2), which would hold 0.0"),
                "top-k(2) cuts the third bar and, below the bars, grass and ceiling: " + picture.text());
        String unstruck = Jsoup.parse(WORDS.topK(3).bars(3).html())
                .selectFirst("div.tpg-static")
                .text();
        assertTrue(
                unstruck.contains("2 tokens cut by top-k(3), which would hold 0.0"),
                "with every bar kept, the row counts all that top-k cut: " + unstruck);
    }

    @Test
    void barsAndProbabilitiesPrintAsThePageDoes() {
        assertEquals("\u2588".repeat(StaticPicture.BAR_WIDTH), StaticPicture.bar(1.0));
        assertEquals("\u2588\u2588\u258c", StaticPicture.bar(2.5 / StaticPicture.BAR_WIDTH), "two and a half blocks");
        assertEquals("", StaticPicture.bar(0));
        assertEquals("0.6657", StaticPicture.probability(0.66571));
        assertEquals("2.3e-7", StaticPicture.probability(2.345e-7));
        assertEquals("1.0e-12", StaticPicture.probability(1e-12));
        assertEquals("0", StaticPicture.probability(0));
    }

    @Test
    void badInputIsRefusedWithAMessageThatSaysWhatToDo() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Playground.of(new double[] {1, 2}, List.of("a")));
        assertEquals("a playground needs one label per logit: got 2 logits and 1 labels", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Playground.of(new float[] {1}, null));
        assertEquals(
                "tokenizer must not be null; pass the tokenizer of the model the logits come from, e.g."
                        + " Gpt2Tokenizer.get() for GPT-2's",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> WORDS.bars(0));
        assertEquals("bars=0 must be at least 1; the rest of the tokens always get rows of their own", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> WORDS.upToNotebook(0));
        assertEquals("notebook=0 must be at least 1: the notebooks are numbered from 01", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> WORDS.controls(Control.TOP_K, null));
        assertEquals("a control must not be null; pass Control values, e.g. Control.TOP_K", e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> WORDS.stretches(true).controls(Control.XTC));
        assertEquals(
                "the stretches show one distribution, but XTC changes it at every draw; show the stretches or XTC,"
                        + " not both",
                e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> Playground.of(new double[21], java.util.Collections.nCopies(21, ""))
                        .stretches(true));
        assertEquals(
                "stretches in list order need a short list: 21 tokens would make stretches too thin to see; use it"
                        + " on at most 20 tokens, such as the greetings, or bars(n) for the likeliest n",
                e.getMessage());
        assertEquals(
                List.of(
                        Control.TEMPERATURE,
                        Control.TOP_K,
                        Control.TOP_P,
                        Control.MIN_P,
                        Control.ORDER,
                        Control.TOP_N_SIGMA,
                        Control.TYPICAL_P),
                List.copyOf(WORDS.stretches(true).upToNotebook(5).controls()),
                "with the stretches, notebook 5's controls leave out the two that change the distribution at every draw");
        e = assertThrows(IllegalArgumentException.class, () -> WORDS.topP(1.5));
        assertEquals("top-p p=1.5 must be in (0, 1]; use 1.0 to disable", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Playground.of(new double[] {Double.NaN}, List.of("a")));
        assertTrue(e.getMessage().startsWith("logits[0] is NaN"), e.getMessage());
    }

    @Test
    void everySettingOfTheLibrarysSamplersIsAControlOrLeftOutByName() {
        // A sampler added to SamplerSettings without a control fails here until it gets one or is named below.
        Set<String> leftOut = Set.of("repetitionPenalty", "seed", "xtcThreshold", "mirostatEta");
        Set<String> controlled = new java.util.TreeSet<>();
        for (Control c : Control.values()) {
            controlled.add(c.key());
        }
        for (java.lang.reflect.RecordComponent component : SamplerSettings.class.getRecordComponents()) {
            String name = component.getName();
            assertTrue(
                    controlled.contains(name) || leftOut.contains(name),
                    "SamplerSettings." + name + " has no playground control: add one to Control, or name it as left"
                            + " out here and in Playground's Javadoc");
        }
        SamplerSettings all = SamplerSettings.of(0.7)
                .withTopK(7)
                .withTopP(0.9)
                .withMinP(0.05)
                .withTopNSigma(1.5)
                .withTypicalP(0.8)
                .withXtc(0.5, 0.2)
                .withMirostatV2(5, 0.3);
        for (Control c : Control.values()) {
            if (c != Control.ORDER) {
                double value = c.read(all);
                assertEquals(all, c.apply(all, value), c + " reads and writes the same setting");
                assertEquals(value, c.read(c.apply(SamplerSettings.of(1.0), value)), c.toString());
                double[] positions = c.positions(50_257, value);
                assertTrue(
                        java.util.Arrays.stream(positions).anyMatch(x -> x == c.off()),
                        c + ": the slider can turn it off");
            }
        }
    }

    @Test
    void theStandInForSplittableRandomDrawsTheJdksNumbers() {
        for (long seed : new long[] {0, 1, 7, 42, -3, Long.MAX_VALUE, Long.MIN_VALUE}) {
            java.util.SplittableRandom jdk = new java.util.SplittableRandom(seed);
            org.teavm.classlib.java.util.TSplittableRandom page =
                    new org.teavm.classlib.java.util.TSplittableRandom(seed);
            java.util.SplittableRandom jdkSplit = jdk.split();
            org.teavm.classlib.java.util.TSplittableRandom pageSplit = page.split();
            for (int i = 0; i < 1000; i++) {
                assertEquals(jdk.nextDouble(), page.nextDouble(), 0.0, "seed " + seed + " number " + i);
                assertEquals(jdkSplit.nextLong(), pageSplit.nextLong(), "the split stream of seed " + seed);
            }
        }
    }

    @Test
    void numbersPrintAsStringFormatPrintsThem() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            double p = Math.pow(10, -12 * random.nextDouble()) * random.nextDouble();
            String expected = p >= 1e-4
                    ? String.format(java.util.Locale.ROOT, "%.4f", p)
                    : String.format(java.util.Locale.ROOT, "%.1e", p).replaceAll("e-0*(\\d)", "e-$1");
            assertEquals(expected, PageText.probability(p), "p = " + p);
            double x = (random.nextDouble() - 0.5) * 1e4;
            assertEquals(String.format(java.util.Locale.ROOT, "%.2f", x), PageText.fixed(x, 2), "x = " + x);
            int n = random.nextInt(2_000_000_000);
            assertEquals(String.format(java.util.Locale.ROOT, "%,d", n), PageText.grouped(n));
        }
    }

    @Test
    void theStillPictureFollowsTheOptions() {
        Element picture = Jsoup.parse(Playground.of(Examples.GREETING_LOGITS, Examples.GREETINGS)
                        .temperature(0.5)
                        .showLogits(true)
                        .stretches(true)
                        .html())
                .selectFirst("div.tpg-static");
        String text = picture.text();
        assertTrue(text.contains("token logit logit / T probability"), text);
        assertTrue(text.contains("Hello 4.00 8.00 0.9"), text);
        assertTrue(text.contains("Each token's stretch of [0, 1), in list order"), text);
        assertTrue(text.contains("Ni Hao 0.0000 0.0"), text);
        assertTrue(text.contains("Ciao 0.9"), text);
        assertTrue(text.trim().length() > 0);
        Element gpt2 = Jsoup.parse(Playground.of(new float[50_257], tempered.text.Gpt2Tokenizer.get())
                        .bars(3)
                        .html())
                .selectFirst("div.tpg-static");
        assertTrue(gpt2.text().contains("all 50,254 other tokens, not drawn as bars 0.9999"), gpt2.text());
    }

    @Test
    void theEnginesAndTheTextsJavadocExamplesGiveWhatTheyState() {
        PageEngine e = PageEngine.of(Examples.WORD_LOGITS, new int[] {2, 1}, 0);
        e.set("temperature", 0.8);
        assertEquals("temperature(0.8) -> random(seed=0)", e.chain());
        assertEquals("all 3 other tokens, not drawn as bars", e.restLabel(0));
        assertEquals("0.6657", PageText.probability(0.66571));
        assertEquals("2.3e-7", PageText.probability(2.345e-7));
        assertEquals("50,257", PageText.grouped(50257));
        PageEngine one = PageEngine.of(Examples.WORD_LOGITS, new int[] {2, 1, 0, 3}, 0);
        assertEquals("1 other token, not drawn as a bar", one.restLabel(0));
    }

    @Test
    void tokensWhoseProbabilityRoundsToZeroAreNotBlamedOnTheDraw() {
        PageEngine cold = PageEngine.of(Examples.WORD_LOGITS, new int[] {2}, 0);
        cold.set("temperature", 0.001); // e^(-1.15 / 0.001) is below the smallest double
        assertEquals("4 tokens whose probabilities round to 0 at this temperature", cold.restLabel(0));
        PageEngine greedy = PageEngine.of(Examples.WORD_LOGITS, new int[] {2}, 0);
        greedy.set("temperature", 0);
        assertTrue(
                greedy.restLabel(0).startsWith("4 tokens cut by greedy (T = 0), which would hold "),
                greedy.restLabel(0));
    }

    @Test
    void inListOrderEveryTokenGetsABarWhereTheListPutsIt() {
        Playground words = Playground.of(Examples.WORD_LOGITS, Examples.WORDS);
        assertArrayEquals(new int[] {2, 1, 3}, words.bars(3).shownIds(), "by logit unless asked");
        assertArrayEquals(
                new int[] {0, 1, 2, 3, 4}, words.bars(3).listOrder(true).shownIds());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, words.stretches(true).shownIds(), "the stretches need it");
        assertArrayEquals(new int[] {2, 1, 3, 4, 0}, words.shownIds(), "each option makes a new playground");
        Element picture = Jsoup.parse(words.listOrder(true).html()).selectFirst("div.tpg-static");
        List<String> rows = picture.select("tr td:first-child").eachText();
        assertEquals(Examples.WORDS, rows.subList(0, 5), "the still picture's rows in list order");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Playground.of(new double[21], java.util.Collections.nCopies(21, "x"))
                        .listOrder(true));
        assertEquals(
                "a bar for every token in list order needs a short list: 21 tokens would make more bars than fit the"
                        + " page; use it on at most 20 tokens, such as the greetings, or bars(n) for the likeliest n",
                e.getMessage());
    }
}
