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
                "entropy 0.9514 nats, perplexity 2.5893, top token 0.6657, 90% of the mass in 3 tokens, 5 tokens left",
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
                html.contains("<div class=\"tpg-static\">") && html.contains("<script>(function (root, config)"),
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
                picture.text().contains("all the other 2 tokens 0"),
                "top-k(2) leaves the rest nothing: " + picture.text());
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
        assertEquals("tokenizer must not be null; use Gpt2Tokenizer.get() for GPT-2's logits", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> WORDS.bars(0));
        assertEquals("bars=0 must be at least 1; the rest of the tokens always get one more", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> WORDS.topP(1.5));
        assertEquals("top-p p=1.5 must be in (0, 1]; use 1.0 to disable", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Playground.of(new double[] {Double.NaN}, List.of("a")));
        assertTrue(e.getMessage().startsWith("logits[0] is NaN"), e.getMessage());
    }
}
