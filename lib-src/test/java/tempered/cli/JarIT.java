package tempered.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tempered.Recordings;
import tempered.format.Json;
import tempered.hub.FakeHub;
import tempered.model.synthetic.SyntheticGpt2;
import tempered.text.Gpt2Tokenizer;

/** The packaged jar runs on its own with {@code java -jar}, from any working directory. */
class JarIT {
    private static final Path JAR =
            Path.of(System.getProperty("tempered.jar", "target/tempered.jar")).toAbsolutePath();

    @TempDir
    Path elsewhere;

    record Result(int status, String out, String err) {}

    Result java(String... args) throws Exception {
        return java(java.util.Map.of(), args);
    }

    Result java(java.util.Map<String, String> environment, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return run(new ProcessBuilder(command), environment);
    }

    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /**
     * The variables under which ONNX Runtime 1.29.0 turns its telemetry off (its list of CI systems, its own
     * switch): a user's terminal has none of them, so the jar runs without them, as there, even under CI=true.
     */
    private static final List<String> NOT_A_USERS = List.of(
            "CI",
            "TF_BUILD",
            "GITHUB_ACTIONS",
            "GITLAB_CI",
            "CIRCLECI",
            "TRAVIS",
            "JENKINS_URL",
            "CODEBUILD_BUILD_ID",
            "BUILDKITE",
            "TEAMCITY_VERSION",
            "APPVEYOR",
            "BITBUCKET_BUILD_NUMBER",
            "SYSTEM_TEAMFOUNDATIONCOLLECTIONURI",
            "ORT_DISABLE_TELEMETRY",
            "ORT_RUNNING_UNIT_TESTS");

    /** Runs {@code builder} from another folder with a user's environment plus {@code environment}. */
    Result run(ProcessBuilder builder, java.util.Map<String, String> environment) throws Exception {
        Path out = elsewhere.resolve("out.txt");
        Path err = elsewhere.resolve("err.txt");
        builder.directory(elsewhere.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment()
                .keySet()
                .removeIf(name -> name.startsWith("HF_") || name.startsWith("TEMPERED_") || NOT_A_USERS.contains(name));
        builder.environment().putAll(environment);
        Process process = builder.start();
        int status = process.waitFor();
        return new Result(
                status, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void softmaxRunsFromAnotherDirectory() throws Exception {
        Result r = java("softmax", "--logits", "2,4,3", "--json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("0.6652409"), r.out());
        assertEquals("", r.err(), "no logging noise from the dependencies");
    }

    @Test
    void badInputExitsTwoWithOneLineAndNoStackTrace() throws Exception {
        Result r = java("softmax", "--logits", "1,2", "--temperatures", "-3");
        assertEquals(2, r.status());
        assertEquals(
                "tempered softmax: temperature T=-3.0 must be >= 0; use 0 for greedy decoding or a small positive value such as 0.7\n",
                r.err());
    }

    @Test
    void nextAndGenerateRunGpt2ShapedModelsThroughTheNativeLibrary() throws Exception {
        Path model = SyntheticGpt2.write(elsewhere.resolve("model"), SyntheticGpt2.Layout.MODEL);
        Result next =
                java("next", "--model", model.toString(), "--prompt", "The cat slept on the", "--top", "3", "--json");
        assertEquals(0, next.status(), next.err());
        assertTrue(
                next.out().contains("\"prompt\":\"The cat slept on the\",\"tokenIds\":[464,3797,21256,319,262]"),
                next.out());
        assertEquals("", next.err(), "no ONNX Runtime or SLF4J noise");
        Result generate = java(
                "generate", "--model", model.toString(), "--prompt", "Hello", "--max-new-tokens", "5", "--seed", "1");
        assertEquals(0, generate.status(), generate.err());
        assertTrue(generate.out().startsWith("Hello"), generate.out());
    }

    /**
     * The command the issue names, exactly, against a hub on loopback with SmolLM2-135M-Instruct's file layout (the
     * tests' tiny Llama model in it): the first run downloads the model with its tokenizer, stop tokens and chat
     * template, and answers the prompt put through that template.
     */
    @Test
    void generateChatsWithSmolLm2InstructFromTheHub() throws Exception {
        Path built = TinySmolLm2.build(elsewhere.resolve("built"));
        try (FakeHub hub = new FakeHub()) {
            TinySmolLm2.serve(hub, built);
            java.util.Map<String, String> environment =
                    java.util.Map.of("HF_HUB_CACHE", elsewhere.resolve("hf").toString(), "HF_ENDPOINT", hub.endpoint());
            String[] command = {
                "generate",
                "--model",
                "HuggingFaceTB/SmolLM2-135M-Instruct",
                "--chat",
                "--prompt",
                "Write about Nepal",
                "--seed",
                "7",
                "--max-new-tokens",
                "20"
            };
            Result chat = java(environment, command);
            assertEquals(0, chat.status(), chat.err());
            List<String> err = chat.err().lines().toList();
            assertTrue(
                    err.get(0).startsWith("the model is not on this machine yet; downloading onnx/model.onnx"),
                    chat.err());
            assertEquals(
                    "model: HuggingFaceTB/SmolLM2-135M-Instruct, onnx/model.onnx (28,064 parameters; random weights, a"
                            + " stand-in whose text means nothing)",
                    err.get(err.size() - 1));
            assertFalse(chat.out().contains("<|im_start|>") || chat.out().contains("Write about Nepal"), chat.out());
            String[] asJson = java.util.Arrays.copyOf(command, command.length + 1);
            asJson[command.length] = "--json";
            Result json = java(environment, asJson);
            assertEquals(0, json.status(), json.err());
            String answer = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(json.out())
                    .get("samples")
                    .get(0)
                    .get("text")
                    .asText();
            // The stream escapes the model's control characters (random weights write some); the JSON keeps them.
            assertEquals(
                    TerminalText.visible(answer) + "\n",
                    chat.out(),
                    "the streamed answer is the sample's text as a terminal shows it");
        }
    }

    /**
     * ONNX Runtime 1.29.0 writes a device id (and a queue of events) under HOME's cache as it starts, which the
     * library's setTelemetry(false) comes too late to stop; with ./lab's ORT_DISABLE_TELEMETRY=1 it writes nothing.
     */
    @Test
    void onnxRuntimeWritesNothingUnderHomeInLabsEnvironment() throws Exception {
        Path model = SyntheticGpt2.write(elsewhere.resolve("model"), SyntheticGpt2.Layout.MODEL);
        for (String disabled : List.of("1", "")) {
            Path home = Files.createDirectories(elsewhere.resolve("home" + disabled));
            java.util.Map<String, String> environment = new java.util.HashMap<>();
            environment.put("HOME", home.toString());
            if (!disabled.isEmpty()) {
                environment.put("ORT_DISABLE_TELEMETRY", disabled);
            }
            Result next = java(environment, "next", "--model", model.toString(), "--prompt", "Hi", "--top", "1");
            assertEquals(0, next.status(), next.err());
            Path telemetry = home.resolve(".cache/Microsoft/DeveloperTools/.onnxruntime");
            assertEquals(
                    disabled.isEmpty(),
                    Files.exists(telemetry.resolve("deviceid")),
                    "ORT_DISABLE_TELEMETRY=" + disabled + ": " + telemetry);
            if (!disabled.isEmpty()) {
                assertTrue(!Files.exists(home.resolve(".cache/Microsoft")), "nothing at all under " + home);
            }
        }
    }

    @Test
    void downloadFetchesIntoTheHuggingFaceCacheAndChecksIt() throws Exception {
        Path cache = elsewhere.resolve("hf");
        byte[] onnx = builtModel();
        try (FakeHub hub = new FakeHub()) {
            hub.file("Xenova/gpt2", "onnx/decoder_model_merged_quantized.onnx", onnx);
            java.util.Map<String, String> environment =
                    java.util.Map.of("HF_HUB_CACHE", cache.toString(), "HF_ENDPOINT", hub.endpoint());
            Result check = java(environment, "download", "--variant", "int8", "--check");
            assertEquals(3, check.status(), check.err());
            Result download = java(environment, "download", "--variant", "int8");
            assertEquals(0, download.status(), download.err());
            Path file = Path.of(download.out().strip());
            assertTrue(file.startsWith(cache.resolve("models--Xenova--gpt2/snapshots")), download.out());
            assertTrue(download.err().contains("onnx/decoder_model_merged_quantized.onnx"), download.err());
            assertEquals(
                    0,
                    java(environment, "download", "--variant", "int8", "--check")
                            .status());
            // The downloaded model is found by --model REPO, from the cache, with no network.
            java.util.Map<String, String> offline =
                    java.util.Map.of("HF_HUB_CACHE", cache.toString(), "HF_HUB_OFFLINE", "1");
            Result next = java(offline, "next", "--model", "Xenova/gpt2", "--prompt", "Hi", "--top", "2");
            assertEquals(0, next.status(), next.err());
        }
    }

    /** Two workshop terminals run the download at once: one transfer, both end with the verified file. */
    @Test
    void twoProcessesDownloadingTheSameFileShareOneTransfer() throws Exception {
        // The plain download fetches the recorded examples too: from this run's verified copy, as from a mirror.
        String recorded = Recordings.folder().toString();
        Path cache = elsewhere.resolve("hf");
        byte[] onnx = builtModel();
        try (FakeHub hub = new FakeHub()) {
            hub.file("openai-community/gpt2", "onnx/decoder_model_merged.onnx", onnx);
            hub.stallMillis = 1;
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    JAR.toString(),
                    "download");
            List<Process> processes = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .directory(elsewhere.toFile())
                        .redirectOutput(elsewhere.resolve("out" + i).toFile())
                        .redirectError(elsewhere.resolve("err" + i).toFile());
                builder.environment().keySet().removeIf(name -> name.startsWith("HF_"));
                builder.environment()
                        .putAll(java.util.Map.of(
                                "HF_HUB_CACHE",
                                cache.toString(),
                                "HF_ENDPOINT",
                                hub.endpoint(),
                                "TEMPERED_RECORDED_URL",
                                recorded,
                                "TEMPERED_CACHE",
                                elsewhere.resolve("tempered-cache").toString()));
                processes.add(builder.start());
            }
            for (int i = 0; i < 2; i++) {
                assertEquals(0, processes.get(i).waitFor(), Files.readString(elsewhere.resolve("err" + i)));
                // The model's path, then the recorded examples' folder.
                List<String> lines = Files.readAllLines(elsewhere.resolve("out" + i));
                assertEquals(2, lines.size(), String.join("\n", lines));
                Path file = Path.of(lines.get(0));
                assertTrue(
                        java.util.Arrays.equals(onnx, Files.readAllBytes(file)),
                        "process " + i + " ends with the whole file");
            }
            assertEquals(
                    1,
                    hub.requests.stream()
                            .filter(r -> r.path().startsWith("/cdn/"))
                            .count(),
                    "one transfer");
        }
    }

    /** The bytes of a small GPT-2-shaped merged decoder, for a loopback hub to serve. */
    private byte[] builtModel() throws java.io.IOException {
        return Files.readAllBytes(SyntheticGpt2.write(elsewhere.resolve("built"), SyntheticGpt2.Layout.MERGED)
                .resolve("onnx/decoder_model_merged.onnx"));
    }

    @Test
    void offlineWithoutTheModelSaysWhatToRunInOneLine() throws Exception {
        Result r = java(
                java.util.Map.of("HF_HUB_CACHE", elsewhere.resolve("empty").toString(), "HF_HUB_OFFLINE", "1"),
                "next",
                "--prompt",
                "The cat");
        assertEquals(3, r.status(), r.err());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, r.err());
        assertTrue(
                lines[0].startsWith(
                        "tempered next: HF_HUB_OFFLINE is set and openai-community/gpt2/onnx/decoder_model_merged.onnx"
                                + " is not in the Hugging Face cache"),
                r.err());
        assertTrue(r.err().contains("java -jar target/tempered.jar download"), r.err());
    }

    @Test
    void aWrongTemperedModelDirIsAnErrorNamingItNeverADownloadOrTheSyntheticModel() throws Exception {
        try (FakeHub hub = new FakeHub()) {
            java.util.Map<String, String> environment = java.util.Map.of(
                    "TEMPERED_MODEL_DIR",
                    elsewhere.resolve("nope").toString(),
                    "HF_HUB_CACHE",
                    elsewhere.resolve("hf").toString(),
                    "HF_ENDPOINT",
                    hub.endpoint());
            for (String[] command : List.of(
                    new String[] {"next", "--prompt", "Hi"},
                    new String[] {"generate", "--prompt", "Hi"},
                    new String[] {"bench", "--runs", "1"})) {
                Result r = java(environment, command);
                assertEquals(2, r.status(), r.err());
                assertTrue(
                        r.err()
                                .startsWith(
                                        "tempered " + command[0] + ": TEMPERED_MODEL_DIR=" + elsewhere.resolve("nope")
                                                + " does not exist; it must name a GPT-2 model folder"),
                        r.err());
                assertEquals(1, r.err().strip().split("\n").length, r.err());
            }
            assertEquals(0, hub.requests.size(), "nothing was downloaded");
            assertTrue(Files.notExists(elsewhere.resolve("bench-gpt2")), "no synthetic model was built");
        }
    }

    @Test
    void anHfEndpointThatIsNotHttpIsBadInputInOneLine() throws Exception {
        Result r = java(
                java.util.Map.of(
                        "HF_ENDPOINT",
                        "ftp://mirror.example.org",
                        "HF_HUB_CACHE",
                        elsewhere.resolve("hf").toString()),
                "next",
                "--prompt",
                "Hi");
        assertEquals(2, r.status(), r.err());
        assertEquals(
                "tempered next: HF_ENDPOINT 'ftp://mirror.example.org' must be an http:// or https:// address, such as"
                        + " https://huggingface.co or a mirror's; fix it or unset it to use the Hugging Face hub\n",
                r.err());
    }

    /** ONNX Runtime's own log line (in colour, on stderr) stays off the terminal: the one line is Tempered's. */
    @Test
    void generatingPastTheRealContextIsOneLineWithNoRuntimeLog() throws Exception {
        Path model = SyntheticGpt2.write(elsewhere.resolve("model"), SyntheticGpt2.Layout.MERGED);
        Files.delete(model.resolve("config.json"));
        Result r = java(
                "generate",
                "--model",
                model.toString(),
                "--prompt",
                "The cat slept on the",
                "--max-new-tokens",
                "100",
                "--json");
        assertEquals(2, r.status(), r.err());
        assertTrue(
                r.err().startsWith("tempered generate: the model has 64 positions, but this run reached position 64"),
                r.err());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
    }

    @Test
    void downloadCheckVerifiesTheFilesAndDownloadReplacesADamagedOne() throws Exception {
        Path cache = elsewhere.resolve("hf");
        byte[] onnx = builtModel();
        try (FakeHub hub = new FakeHub()) {
            hub.file("Xenova/gpt2", "onnx/decoder_model_merged_quantized.onnx", onnx);
            java.util.Map<String, String> environment =
                    java.util.Map.of("HF_HUB_CACHE", cache.toString(), "HF_ENDPOINT", hub.endpoint());
            Path file = Path.of(
                    java(environment, "download", "--variant", "int8").out().strip());
            Path blob = file.toRealPath();
            Files.write(blob, java.util.Arrays.copyOf(onnx, onnx.length / 2));
            Result check = java(environment, "download", "--variant", "int8", "--check");
            assertEquals(3, check.status(), check.out() + check.err());
            assertTrue(
                    check.out()
                            .startsWith("the cached Xenova/gpt2/onnx/decoder_model_merged_quantized.onnx (" + blob
                                    + ") has sha256 "),
                    check.out());
            Result again = java(environment, "download", "--variant", "int8");
            assertEquals(0, again.status(), again.err());
            assertTrue(again.err().contains("; fetching it again"), again.err());
            assertTrue(java.util.Arrays.equals(onnx, Files.readAllBytes(file)));
            assertEquals(
                    0,
                    java(environment, "download", "--variant", "int8", "--check")
                            .status());
        }
    }

    /** A repository whose only decoder is onnx/model.onnx: next and generate find it, and take --file and --revision. */
    @Test
    void anyExportStyleOfARepositoryIsFoundWithFileAndRevisionAsInDownload() throws Exception {
        Path built = SyntheticGpt2.write(elsewhere.resolve("built-model"), SyntheticGpt2.Layout.MODEL);
        byte[] onnx = Files.readAllBytes(built.resolve(SyntheticGpt2.Layout.MODEL.file));
        byte[] config = Files.readAllBytes(built.resolve("config.json"));
        try (FakeHub hub = new FakeHub()) {
            hub.file("someone/tiny-gpt2", "onnx/model.onnx", onnx).file("someone/tiny-gpt2", "config.json", config);
            java.util.Map<String, String> environment =
                    java.util.Map.of("HF_HUB_CACHE", elsewhere.resolve("hf").toString(), "HF_ENDPOINT", hub.endpoint());
            Result next =
                    java(environment, "next", "--model", "someone/tiny-gpt2", "--prompt", "Hi", "--top", "2", "--json");
            assertEquals(0, next.status(), next.err());
            assertTrue(next.err().contains("downloading onnx/model.onnx"), next.err());
            java.util.Map<String, String> offline =
                    java.util.Map.of("HF_HUB_CACHE", elsewhere.resolve("hf").toString(), "HF_HUB_OFFLINE", "1");
            Result generate = java(
                    offline,
                    "generate",
                    "--model",
                    "someone/tiny-gpt2",
                    "--file",
                    "onnx/model.onnx",
                    "--revision",
                    "main",
                    "--prompt",
                    "Hi",
                    "--max-new-tokens",
                    "3");
            assertEquals(0, generate.status(), generate.err());
            Result missing = java(
                    offline,
                    "next",
                    "--model",
                    "someone/tiny-gpt2",
                    "--file",
                    "onnx/decoder_model.onnx",
                    "--prompt",
                    "Hi");
            assertEquals(3, missing.status(), missing.err());
            assertTrue(
                    missing.err().contains("download --model someone/tiny-gpt2 --file onnx/decoder_model.onnx"),
                    missing.err());
        }
    }

    @Test
    void downloadFetchesTheRecordedExamplesWithTheirLicenceAndChecksThem() throws Exception {
        Path cache = elsewhere.resolve("tempered-cache");
        java.util.Map<String, String> environment = java.util.Map.of(
                "TEMPERED_RECORDED_URL", Recordings.folder().toString(), "TEMPERED_CACHE", cache.toString());
        assertEquals(3, java(environment, "download", "--recorded", "--check").status());
        Result fetched = java(environment, "download", "--recorded");
        assertEquals(0, fetched.status(), fetched.err());
        Path folder = Path.of(fetched.out().strip());
        assertTrue(folder.startsWith(cache.resolve("transformer-explainer")), fetched.out());
        assertTrue(Files.readString(folder.resolve("LICENSE")).contains("MIT License"));
        assertEquals(0, java(environment, "download", "--recorded", "--check").status());
        Result offline = java(
                java.util.Map.of("TEMPERED_CACHE", elsewhere.resolve("empty").toString(), "HF_HUB_OFFLINE", "1"),
                "download",
                "--recorded");
        assertEquals(3, offline.status(), offline.err());
        assertTrue(
                offline.err().contains("run: java -jar target/tempered.jar download --recorded (8 MB, once)"),
                offline.err());
    }

    /**
     * A prompt of 5,000 characters, on the command line, in a file or on standard input, runs; 120,000 (the most
     * one argument may hold on Linux is 131,072 bytes) get the model's one line about its context. Each of these
     * command lines killed ONNX Runtime 1.29.0's start with SIGSEGV (status 139) and no message.
     */
    @Test
    void longPromptsRunOrGetTheirOneLineNeverACrash() throws Exception {
        Path model = SyntheticGpt2.write(
                elsewhere.resolve("model"),
                SyntheticGpt2.Layout.MERGED,
                new SyntheticGpt2.Shape(2, 2, 8, 50257, 1024),
                5);
        String prompt =
                "Temperature shapes what a language model writes. ".repeat(110).substring(0, 5000);
        int[] ids = Gpt2Tokenizer.encode(prompt);
        assertTrue(ids.length < 1024, ids.length + " tokens");
        Result next = java("next", "--model", model.toString(), "--prompt", prompt, "--top", "2", "--json");
        assertEquals(0, next.status(), next.err());
        assertTrue(
                next.out().contains(",\"prompt\":\"" + prompt + "\",\"tokenIds\":" + Json.ints(ids) + ","), next.out());
        assertEquals("", next.err());
        Path file = Files.writeString(elsewhere.resolve("prompt.txt"), prompt + "\n");
        assertEquals(
                next,
                java("next", "--model", model.toString(), "--prompt-file", file.toString(), "--top", "2", "--json"));
        assertEquals(
                next,
                run(
                        new ProcessBuilder(
                                        JAVA,
                                        "-jar",
                                        JAR.toString(),
                                        "next",
                                        "--model",
                                        model.toString(),
                                        "--prompt",
                                        "-",
                                        "--top",
                                        "2",
                                        "--json")
                                .redirectInput(file.toFile()),
                        java.util.Map.of()));
        Result generate = java(
                "generate", "--model", model.toString(), "--prompt", prompt, "--max-new-tokens", "3", "--seed", "1");
        assertEquals(0, generate.status(), generate.err());
        assertTrue(generate.out().startsWith(prompt), generate.out());

        String huge = prompt.repeat(24);
        Result tooLong = java("next", "--model", model.toString(), "--prompt", huge);
        assertEquals(2, tooLong.status(), tooLong.err());
        assertEquals(
                "tempered next: the sequence would be " + Gpt2Tokenizer.encode(huge).length
                        + " tokens, but this model sees at most 1024; shorten the prompt or generate fewer tokens\n",
                tooLong.err());
    }

    /**
     * Under LANG=C (no locale, as in many containers) Java reads arguments as ASCII; what the user typed still
     * reaches the model, and the output is UTF-8. The shell writes the arguments' bytes, so this test's own
     * locale does not matter.
     */
    @Test
    void withoutALocaleTypedCharactersReachTheModelAndComeBackInUtf8() throws Exception {
        Path model = SyntheticGpt2.write(elsewhere.resolve("model"), SyntheticGpt2.Layout.MERGED);
        String typed = "caf\u00e9 \ud83d\ude42";
        java.util.Map<String, String> noLocale =
                java.util.Map.of("LANG", "C", "JAVA", JAVA, "JAR", JAR.toString(), "MODEL", model.toString());
        String command = "exec \"$JAVA\" -jar \"$JAR\" next --model \"$MODEL\" --top 2 --prompt \"$(printf '%s')\" ";
        Result json = shell(noLocale, String.format(command, "caf\\303\\251 \\360\\237\\231\\202") + "--json");
        assertEquals(0, json.status(), json.err());
        assertTrue(
                json.out()
                        .contains(",\"prompt\":\"" + typed + "\",\"tokenIds\":" + Json.ints(Gpt2Tokenizer.encode(typed))
                                + ","),
                json.out());
        Result table = shell(noLocale, String.format(command, "caf\\303\\251 \\360\\237\\231\\202"));
        assertEquals(0, table.status(), table.err());
        assertTrue(
                table.out().contains("\nprompt: \"" + typed + "\" (" + Gpt2Tokenizer.encode(typed).length + " tokens)"),
                table.out());
        assertTrue(
                table.out().contains("\u2588") || table.out().contains("\u258f"), "block characters: " + table.out());
        // Latin-1's é is not UTF-8: refused in one line that says how to set a locale.
        Result latin1 = shell(noLocale, String.format(command, "caf\\351"));
        assertEquals(2, latin1.status(), latin1.err());
        assertEquals(1, latin1.err().lines().count(), latin1.err());
        assertTrue(
                latin1.err()
                        .startsWith("tempered: the command line holds characters that are not ASCII, and no locale"
                                + " says which character set they are in (LANG=C, so Java reads ASCII); argument 7 is not UTF-8 text."
                                + " Run it in a UTF-8 locale, for example with LC_ALL=C.UTF-8 in front of the command"),
                latin1.err());
    }

    /** Runs a POSIX shell script with no LC_ variables and these ones. */
    private Result shell(java.util.Map<String, String> environment, String script) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", script);
        builder.environment().keySet().removeIf(name -> name.startsWith("LC_"));
        return run(builder, environment);
    }
}
