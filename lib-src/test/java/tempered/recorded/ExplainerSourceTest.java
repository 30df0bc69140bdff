package tempered.recorded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tempered.format.Json;
import tempered.hub.DownloadException;
import tempered.hub.DownloadProgress;
import tempered.hub.Hashes;
import tempered.model.ModelNotFoundException;
import tempered.model.Unreadable;
import tempered.text.Gpt2Tokenizer;

/**
 * Fetching the recorded examples from their source, checking them, keeping them with their licence, reading them
 * offline: against example files this test makes and serves itself, with their own sha256, so it needs neither the
 * network nor a copy of the project's files.
 */
class ExplainerSourceTest {
    private static final List<String> PROMPTS =
            List.of("The first example", "A second one", "Here is the third", "Number four", "And the last");

    @TempDir
    static Path made;

    /** Each file's sha256, as the pinned ones are for the project's files. */
    private static final Map<String, String> sha256 = new LinkedHashMap<>();

    @TempDir
    Path cache;

    ExamplesServer server;

    /** Five example modules in the project's format: a prompt, its GPT-2 tokens and ids, and 50,257 logits. */
    @BeforeAll
    static void makeTheExamples() throws IOException {
        for (int n = 0; n < PROMPTS.size(); n++) {
            int[] ids = Gpt2Tokenizer.encode(PROMPTS.get(n));
            StringBuilder module = new StringBuilder("export const ex" + n + " = {\n\tprompt: ")
                    .append(Json.string(PROMPTS.get(n)))
                    .append(",\n\ttokens: [")
                    .append(IntStream.of(ids)
                            .mapToObj(id -> Json.string(Gpt2Tokenizer.token(id)))
                            .collect(Collectors.joining(", ")))
                    .append("],\n\ttokenIds: ")
                    .append(Json.ints(ids))
                    .append(",\n\tlogits: [");
            for (int id = 0; id < Gpt2Tokenizer.VOCABULARY_SIZE; id++) {
                module.append(id == 0 ? "" : ", ").append(-(id % 97) - n / 2.0);
            }
            Path file = made.resolve("ex" + n + ".js");
            Files.writeString(file, module.append("],\n};\n"));
            sha256.put(file.getFileName().toString(), Hashes.sha256(file));
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = new ExamplesServer(made);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ExplainerSource source(boolean offline) {
        return new ExplainerSource(server.base(), cache, offline, Duration.ofSeconds(10), sha256);
    }

    @Test
    void firstUseFetchesVerifiesAndKeepsTheFilesWithTheirLicence() throws IOException {
        List<Path> files = source(false).files(DownloadProgress.NONE);
        assertEquals(
                List.of("ex0.js", "ex1.js", "ex2.js", "ex3.js", "ex4.js"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        for (Path file : files) {
            assertEquals(sha256.get(file.getFileName().toString()), Hashes.sha256(file));
        }
        assertEquals(5, server.requests.size());
        String licence = Files.readString(cache.resolve("LICENSE"));
        assertTrue(licence.contains("Copyright (c) 2022 Polo Club of Data Science"), licence);
        assertTrue(licence.contains("Permission is hereby granted, free of charge"), licence);
        assertTrue(licence.contains(ExplainerSource.COMMIT), licence);
        assertEquals(List.of(), leftovers());
    }

    /** The examples and their licence get the umask, as any file this user makes: another user can read them. */
    @Test
    void theFilesAreWrittenWithTheUmaskSoOtherUsersCanReadThem() throws IOException {
        List<Path> files = new java.util.ArrayList<>(source(false).files(DownloadProgress.NONE));
        files.add(cache.resolve("LICENSE"));
        Path probe = cache.resolve("probe");
        Files.newOutputStream(probe).close();
        Set<PosixFilePermission> plain = Files.getPosixFilePermissions(probe);
        for (Path file : files) {
            assertEquals(plain, Files.getPosixFilePermissions(file), file.toString());
        }
    }

    /** A cached example this user may not read is "permission denied", not a file to fetch into a folder not theirs. */
    @Test
    void anUnreadableCachedFileSaysPermissionDenied() throws IOException {
        Path unreadable = Unreadable.file();
        source(false).files(DownloadProgress.NONE);
        Path file = cache.resolve("ex1.js");
        Files.delete(file);
        Files.createSymbolicLink(file, unreadable);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> source(true).missing());
        assertEquals(
                "permission denied reading the recorded GPT-2 example " + file + "; whoever fetched it must let you"
                        + " read it (chmod -R a+rX " + cache + "), or set TEMPERED_CACHE to a folder of your own",
                e.getMessage());
    }

    /** A link planted where the examples go, pointing outside Tempered's cache: refused, nothing written through it. */
    @Test
    void linksPlantedInTemperedsCacheAreNeverFollowed(@TempDir Path home, @TempDir Path outside) throws IOException {
        Path folder = home.resolve("transformer-explainer");
        for (Path link : List.of(folder, folder.resolve(ExplainerSource.COMMIT))) {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, outside);
            ExplainerSource source = ExplainerSource.fromEnvironment(
                    Map.of("TEMPERED_RECORDED_URL", server.base().toString(), "TEMPERED_CACHE", home.toString()));
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> source.files(DownloadProgress.NONE));
            assertEquals(
                    "refusing to write through the symbolic link " + link + " (to " + outside + ") in Tempered's"
                            + " cache at " + home + ": Tempered never follows a link where it writes, so a link"
                            + " planted there cannot send its writes elsewhere. Remove the link, or set TEMPERED_CACHE"
                            + " to a folder only you can write",
                    e.getMessage());
            try (Stream<Path> files = Files.list(outside)) {
                assertEquals(List.of(), files.toList(), "nothing written outside");
            }
            Files.delete(link);
            Files.createDirectories(link);
        }
    }

    @Test
    void laterUsesReadTheCacheWithNoNetworkAtAll() {
        RecordedGpt2 first = RecordedGpt2.load(source(false));
        server.close();
        RecordedGpt2 again =
                RecordedGpt2.load(new ExplainerSource(unreachable(), cache, false, Duration.ofSeconds(2), sha256));
        RecordedGpt2 offline = RecordedGpt2.load(source(true));
        assertEquals(first.toString(), again.toString());
        assertEquals(first.toString(), offline.toString());
        assertEquals(5, server.requests.size(), "fetched once");
    }

    @Test
    void aFileWithTheWrongSha256IsRefusedAndNothingIsKept() {
        server.tamper = true;
        DownloadException e =
                assertThrows(DownloadException.class, () -> source(false).files(DownloadProgress.NONE));
        assertTrue(e.getMessage().startsWith(server.base() + "ex0.js served ex0.js with sha256 "), e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains(", not the pinned " + sha256.get("ex0.js")
                                + " (Transformer Explainer commit 6e2ec37); nothing was kept."),
                e.getMessage());
        assertFalse(Files.exists(cache.resolve("ex0.js")));
        assertEquals(List.of(), leftovers());
    }

    /** The public source checks the project's own pinned sha256: any other file is refused. */
    @Test
    void onlyTheProjectsOwnFilesPassThePinnedSha256() {
        DownloadException e = assertThrows(
                DownloadException.class,
                () -> new ExplainerSource(server.base(), cache, false, Duration.ofSeconds(10))
                        .files(DownloadProgress.NONE));
        assertTrue(
                e.getMessage()
                        .contains(", not the pinned 9facefe9fdd885b124fc7fbea1551ce26503cd2cfde1098fbee1aa3d7c300a45"
                                + " (Transformer Explainer commit 6e2ec37); nothing was kept."),
                e.getMessage());
        assertFalse(Files.exists(cache.resolve("ex0.js")));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aDamagedCachedFileIsFetchedAgain() throws IOException {
        source(false).files(DownloadProgress.NONE);
        Path file = cache.resolve("ex2.js");
        Files.writeString(file, "export const ex2 = {};");
        assertEquals(List.of("ex2.js"), source(true).missing());
        source(false).files(DownloadProgress.NONE);
        assertEquals(List.of(), source(true).missing());
        assertEquals(6, server.requests.size());
        assertEquals("/examples/ex2.js", server.requests.get(5));
    }

    @Test
    void offlineWithoutThemSaysWhatIsMissingAndWhichCommandFetchesThem() {
        ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> RecordedGpt2.load(source(true)));
        assertEquals(
                "the recorded GPT-2 examples are not on this machine yet (ex0.js, ex1.js, ex2.js, ex3.js, ex4.js missing from "
                        + cache
                        + ") and HF_HUB_OFFLINE forbids fetching them; on a connected machine run: java -jar target/tempered.jar"
                        + " download --recorded (8 MB, once), or unset HF_HUB_OFFLINE",
                e.getMessage());
        assertEquals(0, server.requests.size());
    }

    @Test
    void noNetworkSaysSoWithTheCommandToRunWhenOnline() {
        URI nowhere = unreachable();
        DownloadException e = assertThrows(
                DownloadException.class,
                () -> RecordedGpt2.load(new ExplainerSource(nowhere, cache, false, Duration.ofSeconds(2), sha256)));
        assertTrue(
                e.getMessage()
                        .startsWith("could not fetch the recorded GPT-2 example ex0.js from " + nowhere + "ex0.js"
                                + " (ConnectException"),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith(
                                "nothing was kept. When online, run: java -jar target/tempered.jar download --recorded"
                                        + " (8 MB, once), or set TEMPERED_RECORDED_URL to a copy of the Transformer Explainer's examples folder"),
                e.getMessage());
        assertEquals(List.of(), leftovers());
    }

    /** A full disk is the disk's fault, said so: not "when online", which would send the learner to the network. */
    @Test
    void aFullDiskSaysSoNotWhenOnline() {
        ExplainerSource full = new ExplainerSource(
                server.base(),
                cache,
                cache,
                false,
                Duration.ofSeconds(10),
                partial -> new java.io.FilterOutputStream(Files.newOutputStream(partial)) {
                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        throw new IOException("No space left on device");
                    }
                });
        DownloadException e = assertThrows(DownloadException.class, () -> full.files(DownloadProgress.NONE));
        assertEquals(
                "could not write the recorded GPT-2 example ex0.js into " + cache + " (IOException: No space left on"
                        + " device); nothing was kept. Free some space there, or set TEMPERED_CACHE to a folder with"
                        + " room that you can write",
                e.getMessage());
        assertEquals(List.of(), leftovers());
    }

    /** A TEMPERED_RECORDED_URL folder that does not exist is a setting to fix (status 2), not a network to wait for. */
    @Test
    void aMissingLocalSourceFolderIsNamedAsTheSettingToFix(@TempDir Path home) {
        Path nowhere = home.resolve("no-such-folder");
        ExplainerSource source = ExplainerSource.fromEnvironment(
                Map.of("TEMPERED_RECORDED_URL", nowhere.toString(), "TEMPERED_CACHE", home.toString()));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> source.files(DownloadProgress.NONE));
        assertTrue(
                e.getMessage()
                        .startsWith("TEMPERED_RECORDED_URL names " + nowhere.toUri() + "/, which holds no readable"
                                + " ex0.js (FileNotFoundException"),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith("; point it at a folder holding the Transformer Explainer's ex0.js to ex4.js, or"
                                + " unset it to fetch them from GitHub"),
                e.getMessage());
    }

    /** A source that never stops sending is cut at 8 MB a file (each holds about 1.6 MB); nothing is kept. */
    @Test
    void aSourceThatSendsTooMuchIsCut() {
        server.endless = true;
        DownloadException e =
                assertThrows(DownloadException.class, () -> source(false).files(DownloadProgress.NONE));
        assertEquals(
                server.base() + "ex0.js sent more than 8 MB for the recorded GPT-2 example ex0.js, which holds about"
                        + " 1.6 MB; nothing was kept. If TEMPERED_RECORDED_URL is set, point it at the original files",
                e.getMessage());
        assertEquals(List.of(), leftovers());
    }

    @Test
    void theEnvironmentNamesTheSourceAndTheCache(@TempDir Path home) {
        ExplainerSource fromFolder = ExplainerSource.fromEnvironment(
                Map.of("TEMPERED_RECORDED_URL", made.toString(), "TEMPERED_CACHE", home.toString()));
        assertEquals(home.resolve("transformer-explainer").resolve(ExplainerSource.COMMIT), fromFolder.folder());
        assertEquals(made.toUri(), fromFolder.base());
        assertEquals(
                5,
                new ExplainerSource(fromFolder.base(), fromFolder.folder(), false, Duration.ofSeconds(10), sha256)
                        .files(DownloadProgress.NONE)
                        .size(),
                "a folder works as the source, through the same checks");
        assertEquals(
                URI.create(ExplainerSource.DEFAULT_URL),
                ExplainerSource.fromEnvironment(Map.of()).base(),
                "unset, the pinned upstream");
        assertEquals(
                Path.of("/x/tempered/transformer-explainer", ExplainerSource.COMMIT),
                ExplainerSource.fromEnvironment(
                                Map.of("XDG_CACHE_HOME", "/x", "TEMPERED_RECORDED_URL", "https://example.org/e/"))
                        .folder());
        IllegalArgumentException scheme = assertThrows(
                IllegalArgumentException.class,
                () -> ExplainerSource.fromEnvironment(Map.of("TEMPERED_RECORDED_URL", "ftp://example.org/examples/")));
        assertEquals(
                "TEMPERED_RECORDED_URL=ftp://example.org/examples/ must be an http:// or https:// address, a file: URL or a folder"
                        + " holding the Transformer Explainer's ex0.js to ex4.js; unset it to fetch them from GitHub",
                scheme.getMessage());
        IllegalArgumentException secret = assertThrows(
                IllegalArgumentException.class,
                () -> ExplainerSource.fromEnvironment(
                        Map.of("TEMPERED_RECORDED_URL", "ftp://ada:s3cret@example.org/")));
        assertTrue(
                secret.getMessage().startsWith("TEMPERED_RECORDED_URL=ftp://***@example.org/ must be"),
                secret.getMessage());
    }

    private static URI unreachable() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/examples/");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> leftovers() {
        try (Stream<Path> files = Files.list(cache)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".incomplete"))
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
