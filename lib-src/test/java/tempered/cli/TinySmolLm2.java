package tempered.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tempered.hub.FakeHub;
import tempered.hub.ModelSpec;
import tempered.model.synthetic.SyntheticLlama;
import tempered.model.synthetic.SyntheticLlama.Precision;
import tempered.model.synthetic.SyntheticTokenizer;

/**
 * SmolLM2's two repositories as the hub lays them out, holding the tests' tiny Llama models (random weights, the
 * tiny tokenizer and its chat template): the instruct model's {@code onnx/model.onnx}, {@code onnx/model_int8.onnx}
 * and {@code onnx/model_q4.onnx}, the base model's {@code onnx/model.onnx} with its weights in
 * {@code onnx/model.onnx_data}, and beside each {@code config.json}, {@code generation_config.json},
 * {@code tokenizer.json} and {@code tokenizer_config.json}.
 */
final class TinySmolLm2 {
    /** The tiny shape with room for a chat prompt and an answer: 256 positions. */
    static final SyntheticLlama.Shape SHAPE =
            new SyntheticLlama.Shape(2, 4, 2, 8, 64, SyntheticTokenizer.NATURAL_SIZE, 256);

    static final String INSTRUCT = ModelSpec.SMOLLM2_INSTRUCT.repo();
    static final String BASE = ModelSpec.SMOLLM2.repo();

    private TinySmolLm2() {}

    /** Writes both repositories' files into {@code folder}/instruct and {@code folder}/base. */
    static Path build(Path folder) {
        for (Precision precision : Precision.values()) {
            SyntheticLlama.write(folder.resolve("instruct"), SHAPE, 7, precision, false);
            // The base model's float32 weights sit beside its decoder, as onnx-community's do.
            SyntheticLlama.write(folder.resolve("base"), SHAPE, 8, precision, precision == Precision.FLOAT32);
        }
        return folder;
    }

    /** Serves what {@link #build} wrote under the two repositories' names. */
    static void serve(FakeHub hub, Path folder) {
        for (String part : List.of("instruct", "base")) {
            Path root = folder.resolve(part);
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    hub.file(
                            part.equals("instruct") ? INSTRUCT : BASE,
                            root.relativize(file).toString(),
                            Files.readAllBytes(file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
