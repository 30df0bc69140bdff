package tempered.model;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the ONNX decoder in a model folder laid out as on the Hugging Face hub ({@code onnx/} or the top).
 *
 * <p>When a folder holds several exports it takes the first of {@link #PREFERRED}: a decoder that can keep a
 * KV cache before one that recomputes, full precision before int8.
 */
public final class ModelFolder {
    /** The command that fetches GPT-2 ahead of time, run from the project folder. */
    public static final String DOWNLOAD_COMMAND = "java -jar target/tempered.jar download";

    /** The decoder files Tempered looks for, in order of preference. */
    public static final List<String> PREFERRED = List.of(
            "decoder_model_merged.onnx",
            "model.onnx",
            "decoder_with_past_model.onnx",
            "decoder_model.onnx",
            "decoder_model_merged_quantized.onnx",
            "model_quantized.onnx",
            "decoder_model_quantized.onnx",
            // transformers.js names its int8 and 4-bit exports so (SmolLM2); fp16 ones are left out, Tempered runs
            // float32.
            "model_int8.onnx",
            "model_q4.onnx");

    private ModelFolder() {}

    /**
     * The folder a model path stands for: itself for a folder, the folder above {@code onnx/} (or the
     * file's own folder) for an .onnx file.
     */
    public static Path folderOf(Path path) {
        if (Files.isDirectory(path)) {
            return path;
        }
        Path parent = path.toAbsolutePath().getParent();
        return parent.getFileName() != null && parent.getFileName().toString().equals("onnx")
                ? parent.getParent()
                : parent;
    }

    /** The decoder to load from a folder, or the file itself when the path is an .onnx file. */
    public static Path decoder(Path path) {
        if (Files.isRegularFile(path)) {
            if (!path.getFileName().toString().endsWith(".onnx")) {
                throw new IllegalArgumentException(
                        path + " is not an .onnx file; pass a model folder or its .onnx decoder");
            }
            return path;
        }
        if (!Files.isDirectory(path)) {
            throw new ModelNotFoundException("no model folder at " + path.toAbsolutePath()
                    + "; pass a folder holding onnx/decoder_model_merged.onnx, or fetch GPT-2 with: "
                    + DOWNLOAD_COMMAND);
        }
        return find(path)
                .orElseThrow(() -> new ModelNotFoundException("no GPT-2 decoder in " + path.toAbsolutePath() + ": "
                        + contents(path) + "; fetch GPT-2 with: " + DOWNLOAD_COMMAND));
    }

    /** The decoder in a folder: the first of {@link #PREFERRED}, else its only .onnx file; empty when there is none to pick. */
    public static Optional<Path> find(Path folder) {
        for (String name : PREFERRED) {
            for (Path candidate : List.of(folder.resolve("onnx").resolve(name), folder.resolve(name))) {
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        List<Path> others = onnxFiles(folder);
        return others.size() == 1 ? Optional.of(others.get(0)) : Optional.empty();
    }

    /** What a folder without a decoder to pick holds: no .onnx file, or several; and what was looked for. */
    public static String contents(Path folder) {
        List<Path> files = onnxFiles(folder);
        if (files.isEmpty()) {
            return "found no .onnx file. Looked for " + String.join(", ", PREFERRED.subList(0, 4))
                    + " under onnx/ or at the top";
        }
        return "found several .onnx files ("
                + files.stream().map(p -> folder.relativize(p).toString()).collect(Collectors.joining(", "))
                + "); pass one of them";
    }

    /**
     * The name a model folder stands for: {@code ORG/NAME} for a snapshot in the Hugging Face cache
     * ({@code models--ORG--NAME/snapshots/<commit>}), else the folder's own name.
     */
    public static String nameOf(Path folder) {
        return repository(folder).orElseGet(() -> {
            Path name = folder.toAbsolutePath().normalize().getFileName();
            return name == null ? folder.toString() : name.toString();
        });
    }

    /** The command that fetches a model folder again: its repository's, when it is a Hugging Face cache snapshot. */
    public static String downloadCommand(Path folder) {
        return repository(folder)
                .filter(repo -> !repo.equals("openai-community/gpt2"))
                .map(repo -> DOWNLOAD_COMMAND + " --model " + repo)
                .orElse(DOWNLOAD_COMMAND);
    }

    private static Optional<String> repository(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        for (Path at = absolute; at != null && at.getParent() != null; at = at.getParent()) {
            Path parent = at.getParent();
            if (parent.getFileName() != null
                    && parent.getFileName().toString().equals("snapshots")
                    && parent.getParent() != null
                    && parent.getParent().getFileName() != null) {
                String repo = parent.getParent().getFileName().toString();
                if (repo.startsWith("models--") && repo.indexOf("--", 8) > 8) {
                    String rest = repo.substring(8);
                    int split = rest.indexOf("--");
                    return Optional.of(rest.substring(0, split) + "/" + rest.substring(split + 2));
                }
            }
        }
        return Optional.empty();
    }

    /** Opens and closes a model file, so that one this user may not read is reported as such, not as corrupt. */
    static void requireReadable(Path file) {
        try {
            FileChannel.open(file, StandardOpenOption.READ).close();
        } catch (AccessDeniedException e) {
            throw permissionDenied(file);
        } catch (IOException e) {
            throw new ModelNotFoundException(
                    "could not open " + file.toAbsolutePath() + " ("
                            + e.getClass().getSimpleName() + ": " + e.getMessage() + "); fetch the model again with: "
                            + DOWNLOAD_COMMAND,
                    e);
        }
    }

    /** A model file this user may not read: bad input, fixed by its owner, not by fetching it again. */
    static IllegalArgumentException permissionDenied(Path file) {
        Path absolute = file.toAbsolutePath();
        return new IllegalArgumentException("permission denied reading " + absolute + "; make it readable (chmod a+r "
                + absolute + ") or copy the model to a folder you own");
    }

    private static List<Path> onnxFiles(Path folder) {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(folder, folder.resolve("onnx"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> list = Files.list(dir)) {
                    list.filter(p -> p.getFileName().toString().endsWith(".onnx"))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new ModelNotFoundException("could not list " + dir + ": " + e.getMessage());
                }
            }
        }
        return files;
    }
}
