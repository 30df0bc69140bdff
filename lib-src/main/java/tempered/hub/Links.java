package tempered.hub;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Where Tempered writes, it never follows a symbolic link: in a cache someone else can write to, a link planted
 * where a partial download, a snapshot folder, a ref or a lock goes would otherwise send Tempered's writes (or
 * its copies of a file it can read) outside the cache. The folders below a cache's root are made one at a time,
 * each checked; files are opened with {@link LinkOption#NOFOLLOW_LINKS} or made new. The root itself may be a
 * link: the user chose it.
 */
public final class Links {
    private Links() {}

    /** A symbolic link where Tempered was about to write. */
    public static final class Found extends FileSystemException {
        private static final long serialVersionUID = 1L;

        Found(Path link, String target) {
            super(link.toString(), target, "a symbolic link where Tempered writes");
        }

        /** The link, as a path. */
        public Path link() {
            return Path.of(getFile());
        }

        /** Where it points, as the link says it. */
        public String target() {
            return getOtherFile();
        }
    }

    /** Throws when {@code path} is a symbolic link (whether or not it points anywhere). */
    public static void refuse(Path path) throws Found {
        if (Files.isSymbolicLink(path)) {
            String target;
            try {
                target = Files.readSymbolicLink(path).toString();
            } catch (IOException | UnsupportedOperationException e) {
                target = "?";
            }
            throw new Found(path, target);
        }
    }

    /**
     * {@code base/names[0]/names[1]/...}, each folder made when missing (the base too, through any link: the user
     * chose it); one below the base that is a symbolic link (or a file) is refused. Each name may hold several path elements ({@code onnx/x}).
     */
    public static Path folders(Path base, String... names) throws IOException {
        // The base (a cache's root) may be, or lie below, a link: the user chose it.
        try {
            Files.createDirectories(base);
        } catch (FileAlreadyExistsException e) {
            throw new FileSystemException(base.toString(), null, "not a folder");
        }
        Path folder = base;
        for (String name : names) {
            for (Path element : Path.of(name)) {
                if (element.toString().equals(".") || element.toString().isEmpty()) {
                    continue;
                }
                if (element.toString().equals("..")) {
                    throw new IllegalArgumentException("a folder name may not climb out of " + base + ": " + name);
                }
                folder = folder.resolve(element);
                refuse(folder);
                try {
                    Files.createDirectory(folder);
                } catch (FileAlreadyExistsException e) {
                    // Made meanwhile (by another process, say), or there already: it must be a real folder.
                    refuse(folder);
                    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                        throw new FileSystemException(folder.toString(), null, "a file where a folder belongs");
                    }
                }
            }
        }
        return folder;
    }
}
