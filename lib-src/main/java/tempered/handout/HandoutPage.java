package tempered.handout;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * A notebook page as nbconvert writes it, made into a handout that opens anywhere: the page's title is the
 * notebook's own ({@code Softmax from scratch}, not {@code 01-softmax-from-scratch}); the math is typeset by
 * the MathJax the page carries ({@link MathJax}), not one from a CDN or the {@code /usr/share/javascript} of
 * the machine that made it; and no absolute path of that machine is left in it.
 *
 * <p>What it removes: every script that loads or configures MathJax, and every script loaded from
 * elsewhere ({@code http:}, {@code https:}, {@code file:}; nbconvert adds require.js for widgets, which these
 * notebooks do not use). Paths: the project folder becomes relative ({@code /home/ada/tempered/notebooks/x}
 * reads {@code notebooks/x}) and the home folder reads {@code ~}. The notebook's text, code and outputs stay
 * as nbconvert wrote them. Applying it twice gives the same page.
 *
 * <pre>{@code
 * HandoutPage.of(nbconvertHtml, Path.of("/home/ada/tempered"), Path.of("/home/ada")).html();
 * }</pre>
 */
public final class HandoutPage {
    private static final Pattern PILCROW = Pattern.compile("[\\s\u00b6]+$");
    private final String title;
    private final String html;

    private HandoutPage(String title, String html) {
        this.title = title;
        this.html = html;
    }

    /**
     * The handout made from one nbconvert page.
     *
     * @param project the project folder, whose absolute path becomes relative
     * @param home    the user's home folder, which becomes {@code ~}
     */
    public static HandoutPage of(String nbconvertHtml, Path project, Path home) {
        Document page = Jsoup.parse(nbconvertHtml);
        page.outputSettings().prettyPrint(false);
        page.select("script").stream().filter(HandoutPage::foreign).forEach(Element::remove);
        List.copyOf(page.head().childNodes()).stream()
                .filter(node -> node instanceof Comment comment
                        && comment.getData().toLowerCase(Locale.ROOT).contains("mathjax"))
                .forEach(Node::remove);
        // The blank lines between the removed scripts would pile up each time a page is made again.
        page.head().textNodes().stream().filter(TextNode::isBlank).forEach(Node::remove);
        String title = title(page);
        page.title(title);
        page.head().append(MathJax.scripts());
        return new HandoutPage(title, scrub(page.outerHtml(), project, home));
    }

    /** The notebook's title: its first heading without nbconvert's anchor mark, else the page's title. */
    public String title() {
        return title;
    }

    public String html() {
        return html;
    }

    private static boolean foreign(Element script) {
        String source = script.attr("src").toLowerCase(Locale.ROOT);
        return source.startsWith("http:")
                || source.startsWith("https:")
                || source.startsWith("file:")
                || source.startsWith("//")
                || script.outerHtml().toLowerCase(Locale.ROOT).contains("mathjax");
    }

    private static String title(Document page) {
        Element heading = page.selectFirst("h1");
        String text =
                heading == null ? page.title() : PILCROW.matcher(heading.text()).replaceAll("");
        return text.isBlank() ? "Tempered" : text;
    }

    /** The project folder's path, then the home folder's, shortened wherever they begin a path or are one. */
    private static String scrub(String html, Path project, Path home) {
        return shorten(shorten(html, project, ".", ""), home, "~", "~/");
    }

    /** Replaces a folder's absolute path by {@code alone} where it is a whole path, by {@code start} where a path begins with it. */
    private static String shorten(String html, Path folder, String alone, String start) {
        Path absolute = folder.toAbsolutePath().normalize();
        if (absolute.getNameCount() == 0) {
            return html;
        }
        Matcher path = Pattern.compile(Pattern.quote(absolute.toString()) + "(?:(/)|(?![\\w-]|\\.\\w))")
                .matcher(html);
        return path.replaceAll(m -> Matcher.quoteReplacement(m.group(1) != null ? start : alone));
    }
}
