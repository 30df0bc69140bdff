package tempered.notebook.kernel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * What the cells compile against: the JDK, the kernel's statics, and what {@code %classpath} added; never
 * the class path of the JVM that hosts JShell.
 *
 * <p>Why a file manager: JShell's compiler starts from the host JVM's {@code java.class.path} (for the tests,
 * JUnit, Jackson and the library's {@code target/classes}) and, on each {@code addToClasspath(path)}, sets the
 * class path to that plus everything added so far. A {@code --class-path} compiler option would isolate
 * the cells but also undo every later {@code addToClasspath}. This file manager takes JShell's class path
 * option apart instead: it drops the host's part, which it knows because JShell captures
 * {@code java.class.path} when it is built, as this is, and keeps what was added.
 */
final class CompileClassPath extends ForwardingJavaFileManager<StandardJavaFileManager>
        implements StandardJavaFileManager {
    private static final Set<String> CLASS_PATH_OPTIONS = Set.of("-classpath", "-cp", "--class-path");
    private final String hostClassPath = System.getProperty("java.class.path");
    private final List<Path> kernel;

    CompileClassPath(StandardJavaFileManager standard, List<Path> kernel) {
        super(standard);
        this.kernel = List.copyOf(kernel);
        setClassPath(List.of());
    }

    @Override
    public boolean handleOption(String current, Iterator<String> remaining) {
        if (!CLASS_PATH_OPTIONS.contains(current) || !remaining.hasNext()) {
            return super.handleOption(current, remaining);
        }
        String classPath = remaining.next();
        if (!classPath.startsWith(hostClassPath)) {
            throw new IllegalStateException("JShell set a class path that does not start with java.class.path, so the"
                    + " executor cannot keep the test JVM's classes away from the cells on this JDK (it expects JDK 17's"
                    + " jdk.jshell): " + classPath);
        }
        setClassPath(Stream.of(classPath.substring(hostClassPath.length()).split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(Path::of)
                .toList());
        return true;
    }

    private void setClassPath(List<Path> added) {
        List<Path> entries = new ArrayList<>(kernel);
        entries.addAll(added);
        try {
            fileManager.setLocationFromPaths(StandardLocation.CLASS_PATH, entries);
        } catch (IOException e) {
            throw new UncheckedIOException("could not set the cells' compile class path to " + entries, e);
        }
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromFiles(Iterable<? extends File> files) {
        return fileManager.getJavaFileObjectsFromFiles(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Collection<? extends Path> paths) {
        return fileManager.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(File... files) {
        return fileManager.getJavaFileObjects(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(Path... paths) {
        return fileManager.getJavaFileObjects(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromStrings(Iterable<String> names) {
        return fileManager.getJavaFileObjectsFromStrings(names);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(String... names) {
        return fileManager.getJavaFileObjects(names);
    }

    @Override
    public void setLocation(Location location, Iterable<? extends File> files) throws IOException {
        fileManager.setLocation(location, files);
    }

    @Override
    public void setLocationFromPaths(Location location, Collection<? extends Path> paths) throws IOException {
        fileManager.setLocationFromPaths(location, paths);
    }

    @Override
    public void setLocationForModule(Location location, String moduleName, Collection<? extends Path> paths)
            throws IOException {
        fileManager.setLocationForModule(location, moduleName, paths);
    }

    @Override
    public Iterable<? extends File> getLocation(Location location) {
        return fileManager.getLocation(location);
    }

    @Override
    public Iterable<? extends Path> getLocationAsPaths(Location location) {
        return fileManager.getLocationAsPaths(location);
    }

    @Override
    public Path asPath(FileObject file) {
        return fileManager.asPath(file);
    }

    @Override
    public void setPathFactory(PathFactory factory) {
        fileManager.setPathFactory(factory);
    }
}
