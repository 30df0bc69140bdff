package tempered.hub;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tempered.model.OnnxWeights;

/**
 * The files a cached decoder cannot run without: the external data files it names itself (its weights, beside it),
 * and the companions its spec requires ({@link ModelSpec#requiredCompanions}). A decoder that lacks one is not a
 * model on this machine yet; a download fetches what is missing.
 */
final class ModelFiles {
    private ModelFiles() {}

    /**
     * The external data files a decoder names, as paths in its repository ({@code onnx/model.onnx_data}); none
     * when it names none, or is no ONNX file (the loader then says it is broken).
     *
     * @throws DownloadException when it names a file that is not beside it
     */
    static List<String> dataFiles(ModelSpec spec, Path decoder) {
        Set<String> locations;
        try {
            locations = OnnxWeights.read(decoder).dataFiles();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return List.of();
        }
        int slash = spec.file().lastIndexOf('/');
        String folder = slash < 0 ? "" : spec.file().substring(0, slash + 1);
        List<String> paths = new ArrayList<>();
        for (String location : locations) {
            if (location.isEmpty() || location.contains("/") || location.contains("\\") || location.contains("..")) {
                throw new DownloadException(spec.repo() + "/" + spec.file() + " keeps its weights in '" + location
                        + "', which is not a file beside it; Tempered fetches only data files in the decoder's folder");
            }
            paths.add(folder + location);
        }
        return paths;
    }

    /**
     * What a cached decoder lacks to run, said as a damage is ("the cached ... lacks ..."); empty when nothing is
     * missing.
     */
    static Optional<String> missing(ModelSpec spec, Path decoder) {
        Path snapshot = decoder;
        for (int i = 0; i < Path.of(spec.file()).getNameCount(); i++) {
            snapshot = snapshot.getParent();
        }
        List<String> needed = new ArrayList<>(dataFiles(spec, decoder));
        needed.addAll(spec.requiredCompanions());
        for (String path : needed) {
            if (!Files.isRegularFile(snapshot.resolve(path))) {
                return Optional.of("the cached " + spec.repo() + "/" + spec.file() + " lacks " + path
                        + ", which must be beside it");
            }
        }
        return Optional.empty();
    }
}
