package tempered.notebook.kernel;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * What JJava's renderer makes of a value: always {@code text/plain} ({@code String.valueOf}); a
 * {@link RenderedImage} also as {@code image/png}; a {@link CharSequence} also as any text type that
 * {@code display(value, type)} asks for. Other types asked for as HTML stay plain text, as in JJava.
 */
final class Render {
    private static final List<String> TEXT_TYPES = List.of(
            "text/html",
            "text/markdown",
            "text/latex",
            "text/css",
            "image/svg+xml",
            "application/json",
            "application/javascript");

    private Render() {}

    static Map<String, Object> render(Object value) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text/plain", String.valueOf(value));
        if (value instanceof RenderedImage image) {
            data.put("image/png", png(image));
        }
        return data;
    }

    static Map<String, Object> renderAs(Object value, String... mimeTypes) {
        Map<String, Object> data = render(value);
        if (value instanceof CharSequence text) {
            Arrays.stream(mimeTypes).filter(TEXT_TYPES::contains).forEach(type -> data.put(type, text.toString()));
        }
        return data;
    }

    private static byte[] png(RenderedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
