package tempered.handout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.jsoup.nodes.Entities;
import tempered.notebook.kernel.NotebookExecutor;

/**
 * A page shaped like nbconvert's HTML for a notebook, made without Jupyter: nbconvert's head (MathJax 2 from a
 * CDN with its configuration script, require.js), a heading per {@code #} line, the markdown's text with its
 * TeX left as {@code $...$} for MathJax (as nbconvert leaves it), code cells as {@code <pre>}, and one output
 * holding an absolute path of the machine. The markdown is not otherwise rendered: what matters here is
 * what MathJax and the path scrubbing see.
 */
final class NbconvertLikePage {
    static final String CDN_MATHJAX =
            "https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.7/latest.js?config=TeX-AMS_CHTML-full,Safe";

    private NbconvertLikePage() {}

    static String of(Path notebook, String outputWithPath) throws IOException {
        JsonNode root = new ObjectMapper().readTree(notebook.toFile());
        String name = notebook.getFileName().toString().replace(".ipynb", "");
        StringBuilder body = new StringBuilder();
        for (JsonNode cell : root.path("cells")) {
            String source = NotebookExecutor.source(cell.path("source"));
            if ("markdown".equals(cell.path("cell_type").asText())) {
                body.append(
                        "<div class=\"jp-Cell jp-MarkdownCell\"><div class=\"jp-RenderedHTMLCommon jp-RenderedMarkdown\">\n");
                for (String line : source.split("\n")) {
                    body.append(
                            line.startsWith("# ")
                                    ? "<h1 id=\"t\">" + Entities.escape(line.substring(2))
                                            + "<a class=\"anchor-link\" href=\"#t\">&#182;</a></h1>\n"
                                    : "<p>" + Entities.escape(line) + "</p>\n");
                }
                body.append("</div></div>\n");
            } else {
                body.append("<div class=\"jp-Cell jp-CodeCell\"><pre>")
                        .append(Entities.escape(source))
                        .append("</pre></div>\n");
            }
        }
        body.append("<div class=\"jp-OutputArea-output\"><pre>")
                .append(Entities.escape(outputWithPath))
                .append("</pre></div>\n");
        return "<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\" />\n<title>" + name + "</title>\n"
                + "<script src=\"https://cdnjs.cloudflare.com/ajax/libs/require.js/2.1.10/require.min.js\"></script>\n"
                + "<!-- Load mathjax -->\n<script src=\"" + CDN_MATHJAX + "\"> </script>\n"
                + "<script type=\"text/x-mathjax-config\">\ninit_mathjax = function() { if (window.MathJax) {"
                + " MathJax.Hub.Config({tex2jax: {inlineMath: [ ['$','$'] ]}}); MathJax.Hub.Queue([\"Typeset\", MathJax.Hub]); } }\n"
                + "init_mathjax();\n</script>\n</head>\n<body class=\"jp-Notebook\">\n" + body + "</body>\n</html>\n";
    }
}
