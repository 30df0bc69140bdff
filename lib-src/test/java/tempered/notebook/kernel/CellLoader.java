package tempered.notebook.kernel;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

/**
 * Where the cells' classes come from at run time, as in the kernel: one class loader for the notebook that
 * defines JShell's snippet classes and reads what {@code %classpath} added, and whose parent is the platform
 * class loader. So a cell sees the JDK and what it loaded itself, never the test JVM's class path (JUnit,
 * Jackson, the library's own {@code target/classes}); the library's classes in a cell are other classes
 * than the test's, loaded from the jar the notebook named.
 *
 * <p>The one exception is {@link KernelStatics}, the kernel's methods the cells call, which resolves to the
 * test JVM's class, as JJava's statics resolve to the kernel's own. JJava's loader has the kernel's class
 * loader as its parent, so there a cell could also reach JJava's own classes; no notebook does.
 */
final class CellLoader implements LoaderDelegate, AutoCloseable {
    private final Map<String, byte[]> declared = new ConcurrentHashMap<>();
    private final Map<String, Class<?>> loaded = new ConcurrentHashMap<>();
    private final Loader loader = new Loader();

    ClassLoader classLoader() {
        return loader;
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException {
        // All are declared before any is loaded: a snippet's class may refer to another one of the batch.
        for (ClassBytecodes c : classes) {
            declared.put(c.name(), c.bytecodes());
        }
        boolean[] installed = new boolean[classes.length];
        for (int i = 0; i < classes.length; i++) {
            try {
                loaded.put(classes[i].name(), loader.loadClass(classes[i].name()));
                installed[i] = true;
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ClassInstallException("could not load " + classes[i].name() + ": " + e, installed);
            }
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] classes) {
        for (ClassBytecodes c : classes) {
            declared.put(c.name(), c.bytecodes());
        }
    }

    @Override
    public void addToClasspath(String path) throws InternalException {
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                try {
                    loader.add(Path.of(entry).toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new InternalException(
                            "could not add " + entry + " to the cells' class path: " + e.getMessage());
                }
            }
        }
    }

    /** Forgets a dropped snippet's class, as JJava's loader delegate does. */
    void unload(String name) {
        loaded.remove(name);
        declared.remove(name);
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> type = loaded.get(name);
        if (type == null && declared.containsKey(name)) {
            type = loader.loadClass(name);
        }
        if (type == null) {
            throw new ClassNotFoundException(name + " is not a snippet class of this notebook");
        }
        return type;
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }

    private final class Loader extends URLClassLoader {
        Loader() {
            super("notebook cells", new URL[0], ClassLoader.getPlatformClassLoader());
        }

        void add(URL url) {
            addURL(url);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.equals(KernelStatics.class.getName())) {
                return KernelStatics.class;
            }
            return super.loadClass(name, resolve);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = declared.get(name);
            if (bytes == null) {
                return super.findClass(name);
            }
            return defineClass(name, bytes, 0, bytes.length, (CodeSource) null);
        }
    }
}
