package tempered.hub;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The two hashes that name files on the Hugging Face hub and in its cache: the sha256 of a large (LFS) file,
 * and git's blob sha-1 of a small one (the sha-1 of {@code "blob SIZE\0"} followed by the bytes).
 *
 * <pre>{@code
 * Hashes.sha256(Path.of("empty"));         // e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
 * Hashes.gitBlobSha1(Path.of("empty"));    // e69de29bb2d1d6434b8b29ae775ad8c2e48c5391
 * }</pre>
 */
public final class Hashes {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");

    private Hashes() {}

    /** The file's sha256, as 64 lowercase hex digits. */
    public static String sha256(Path file) throws IOException {
        return hash(file, "SHA-256", new byte[0]);
    }

    /** The name git gives the file's bytes, which the hub sends as a small file's ETag. */
    public static String gitBlobSha1(Path file) throws IOException {
        return hash(file, "SHA-1", ("blob " + Files.size(file) + "\0").getBytes(StandardCharsets.US_ASCII));
    }

    /** True for 64 lowercase hex digits. */
    public static boolean isSha256(String text) {
        return text != null && SHA256.matcher(text).matches();
    }

    /** True for 40 lowercase hex digits: a git object name, such as a commit or a small file's ETag. */
    public static boolean isSha1(String text) {
        return text != null && SHA1.matcher(text).matches();
    }

    private static String hash(Path file, String algorithm, byte[] prefix) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK, which every Java SE must have", e);
        }
        digest.update(prefix);
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
