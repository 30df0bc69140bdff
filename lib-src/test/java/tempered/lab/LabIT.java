package tempered.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tempered.notebook.kernel.NotebookExecutor;

/**
 * {@code ./lab} where learners start it, with stand-in {@code jupyter} and {@code python3} scripts first on a
 * PATH of their own, and the real JDK and packaged jar: a copy of the script runs in a project folder of its
 * own (the jar linked in, so nothing is rebuilt), with its own HOME and Hugging Face cache.
 */
class LabIT {
    private static final Path PROJECT = Path.of(System.getProperty("tempered.notebooks", "notebooks"))
            .toAbsolutePath()
            .getParent();
    private static final Path JAR =
            Path.of(System.getProperty("tempered.jar", "target/tempered.jar")).toAbsolutePath();
    /**
     * The bash that runs {@code ./lab}: this machine's, or with {@code -Dtempered.bash=PATH} another, such as a
     * bash 3.2 built from source to stand in for macOS's (BashVersionTest scans for what 3.2 lacks).
     */
    private static final String BASH = System.getProperty("tempered.bash", "bash");

    private static final String KERNELS =
            "printf 'Available kernels:\\n  java       /usr/share/jupyter/kernels/java\\n  python3    /usr/share/jupyter/kernels/python3\\n'";
    /** Debian's jupyter: notebook and nbconvert, a Java kernel, no JupyterLab. */
    private static final String NOTEBOOK_ONLY_JUPYTER = """
            #!/bin/sh
            case "$1" in
              kernelspec) %s ;;
              notebook) echo 6.4.12 ;;
              nbconvert) if [ "$2" = --version ]; then echo 6.5.3; exit 0; fi
                while [ $# -gt 0 ]; do case "$1" in --output-dir) dir=$2; shift ;; --output) name=$2; shift ;; esac; shift; done
                cat > "$dir/$name.html" <<PAGE
            <!DOCTYPE html><html><head><title>$name</title>
            <script src="file:///usr/share/javascript/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"> </script></head>
            <body><h1>Notebook $name&#182;</h1><p>\\$p = e^{x/T}\\$</p><pre>loaded $PWD/notebooks/setup.jsh</pre></body></html>
            PAGE
                ;;
              *) echo "Jupyter command \\`jupyter-$1\\` not found." >&2; exit 1 ;;
            esac
            """.formatted(KERNELS);

    private static final String LAB_JUPYTER = """
            #!/bin/sh
            case "$1" in
              kernelspec) %s ;;
              lab) if [ "$2" = --version ]; then echo 4.6.6; else echo "JupyterLab started: $*"; fi ;;
              nbconvert) echo 7.16.6 ;;
              *) exit 1 ;;
            esac
            """.formatted(KERNELS);
    /** python3 -m venv DIR makes DIR/bin/python a copy of the stand-in named venv-python. */
    private static final String PYTHON3 = """
            #!/bin/sh
            if [ "$1" = -m ] && [ "$2" = venv ]; then mkdir -p "$3/bin"; cp "$(dirname "$0")/venv-python" "$3/bin/python"; exit 0; fi
            exit 1
            """;
    /** pip with no network: the retries and errors pip 24 prints when PyPI is unreachable. */
    private static final String OFFLINE_PIP = """
            #!/bin/sh
            if [ "$1" = -c ]; then exit 1; fi
            for n in 4 3 2 1 0; do
              echo "WARNING: Retrying (Retry(total=$n, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError(\\"Failed to establish a new connection: [Errno -3] Temporary failure in name resolution\\")': /simple/pip/" >&2
            done
            echo "ERROR: Could not find a version that satisfies the requirement pip (from versions: none)" >&2
            echo "ERROR: No matching distribution found for pip" >&2
            exit 1
            """;
    /** pip that works: installs a JupyterLab stand-in with the Java kernel and records what it was asked for. */
    private static final String WORKING_PIP = """
            #!/bin/sh
            bin=$(dirname "$0")
            if [ "$1" = -c ]; then if [ -f "$bin/../installed" ]; then cat "$bin/../installed"; exit 0; fi; exit 1; fi
            echo "$*" >> "$bin/../pip-calls"
            case "$*" in *jjava==*) cp "$(dirname "$(command -v python3)")/lab-jupyter" "$bin/jupyter"; echo "${*##*jjava==}" > "$bin/../installed" ;; esac
            exit 0
            """;

    @TempDir
    Path root;

    private Path project;
    private Path stubs;

    @BeforeEach
    void project() throws IOException {
        project = Files.createDirectories(root.resolve("project"));
        Files.copy(PROJECT.resolve("lab"), project.resolve("lab"));
        Files.createDirectories(project.resolve("target"));
        Files.createSymbolicLink(project.resolve("target/tempered.jar"), JAR);
        // Older than the jar, so ./lab does not rebuild it.
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Files.createDirectories(project.resolve("lib-src/main"));
        for (Path old :
                List.of(project.resolve("pom.xml"), project.resolve("lib-src/main"), project.resolve("lib-src"))) {
            Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        }
        Files.createDirectories(project.resolve("notebooks"));
        for (String name : List.of("01-first", "02-second")) {
            Files.writeString(project.resolve("notebooks/" + name + ".ipynb"), "{\"cells\": []}");
        }
        stubs = Files.createDirectories(root.resolve("stubs"));
        Files.createDirectories(root.resolve("home"));
        Files.createDirectories(root.resolve("hf"));
    }

    @Test
    void aJupyterWithoutJupyterLabIsPassedOverAndAnOfflinePipEndsInOneClearLine() throws Exception {
        stub("jupyter", NOTEBOOK_ONLY_JUPYTER);
        stub("python3", PYTHON3);
        stub("venv-python", OFFLINE_PIP);
        Run lab = lab();
        assertEquals(1, lab.status, lab.toString());
        assertFalse(lab.all().contains("jupyter-lab` not found"), lab.toString());
        assertTrue(
                lab.all()
                        .contains(
                                "has a Java kernel but 'jupyter lab' does not run there (Debian's packages have no JupyterLab); using .venv/ instead"),
                lab.toString());
        assertFalse(lab.all().contains("Retrying"), "pip's retries stay in its log: " + lab);
        assertTrue(
                lab.lastErrorLine()
                        .startsWith(
                                "lab: could not install JupyterLab and jjava==1.0a7 from PyPI (is the internet reachable?);"
                                        + " pip's log is .venv/lab-install.log."),
                lab.toString());
        assertTrue(
                lab.err.contains("  pip: ERROR: No matching distribution found for pip"),
                "pip's last error is shown: " + lab);
        assertTrue(
                Files.readString(project.resolve(".venv/lab-install.log")).contains("Retrying (Retry(total=0"),
                "the whole story is in the log");
    }

    @Test
    void theVenvGetsTheJJavaReleaseTheTestsFollow() throws Exception {
        stub("jupyter", NOTEBOOK_ONLY_JUPYTER);
        stub("lab-jupyter", LAB_JUPYTER);
        stub("python3", PYTHON3);
        stub("venv-python", WORKING_PIP);
        Run lab = lab();
        assertEquals(0, lab.status, lab.toString());
        assertTrue(Files.readString(project.resolve(".venv/pip-calls"))
                .contains("install --disable-pip-version-check jupyterlab jjava==1.0a7"));
        assertEquals("1.0-a7", NotebookExecutor.JJAVA_VERSION, "./lab pins the release the executor follows");
        assertTrue(lab.out.contains("JupyterLab started: lab --notebook-dir=notebooks"), lab.toString());
    }

    @Test
    void onlyTheInt8ModelInTheCacheCountsAsGpt2Downloaded() throws Exception {
        stub("jupyter", LAB_JUPYTER);
        Run without = lab();
        assertTrue(
                without.all().contains("GPT-2 is not downloaded yet"), "with no model the offer is made: " + without);

        String commit = "0123456789abcdef0123456789abcdef01234567";
        Path repository = root.resolve("hf/hub/models--Xenova--gpt2");
        Files.createDirectories(repository.resolve("refs"));
        Files.writeString(repository.resolve("refs/main"), commit);
        // As the hub's cache keeps it: the bytes in a blob named by their sha256, the snapshot a link to it (a plain
        // file there would be refused as unverified).
        byte[] weights = "int8 weights".getBytes(StandardCharsets.UTF_8);
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(weights));
        Path blob = repository.resolve("blobs/" + sha256);
        Files.createDirectories(blob.getParent());
        Files.write(blob, weights);
        Path model = repository.resolve("snapshots/" + commit + "/onnx/decoder_model_merged_quantized.onnx");
        Files.createDirectories(model.getParent());
        Files.createSymbolicLink(model, model.getParent().relativize(blob));
        Run with = lab();
        assertEquals(0, with.status, with.toString());
        assertFalse(with.all().contains("not downloaded") || with.all().contains("655"), with.toString());
        assertTrue(
                with.out.contains("JupyterLab started: lab --notebook-dir=notebooks"),
                "the jupyter on PATH has JupyterLab: " + with);
    }

    @Test
    void handoutsNeedOnlyNbconvertAndOpenAnywhere() throws Exception {
        stub("jupyter", NOTEBOOK_ONLY_JUPYTER);
        Run lab = lab("handouts");
        assertEquals(0, lab.status, lab.toString());
        String index = Files.readString(project.resolve("handouts/index.html"));
        assertTrue(index.contains("<a href=\"01-first.html\">Notebook 01-first</a>"), index);
        String page = Files.readString(project.resolve("handouts/02-second.html"));
        assertTrue(
                page.contains("<title>Notebook 02-second</title>") && page.contains("window.MathJax"),
                "title and MathJax");
        assertFalse(page.contains("/usr/share/javascript"), "no MathJax of this machine");
        assertFalse(page.contains(project.toString()), "no path of this machine");
        assertTrue(page.contains("loaded notebooks/setup.jsh"), "the path made relative to the project");
    }

    /** The library is built again when a source or the build is newer than the jar, and only then. */
    @Test
    void aSourceNewerThanTheJarRebuildsTheLibrary() throws Exception {
        stub("jupyter", LAB_JUPYTER);
        stub("mvn", "#!/bin/sh\necho \"$*\" >> \"$(dirname \"$0\")/mvn-calls\"\n");
        Run unchanged = lab();
        assertEquals(0, unchanged.status, unchanged.toString());
        assertFalse(Files.exists(stubs.resolve("mvn-calls")), "nothing changed, nothing built: " + unchanged);
        Path source = Files.writeString(project.resolve("lib-src/main/Changed.java"), "class Changed {}");
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(3600)));
        Run changed = lab();
        assertEquals(0, changed.status, changed.toString());
        assertEquals("-B -q package -DskipTests\n", Files.readString(stubs.resolve("mvn-calls")));
        assertTrue(changed.out.contains("lab: building the library"), changed.toString());
    }

    private void stub(String name, String script) throws IOException {
        Path file = stubs.resolve(name);
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Run lab(String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of(BASH, project.resolve("lab").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("PATH", stubs + ":" + Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
        environment.put("HOME", root.resolve("home").toString());
        environment.put("HF_HOME", root.resolve("hf").toString());
        Path out = root.resolve("lab.out");
        Path err = root.resolve("lab.err");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "./lab did not end: " + Files.readString(err));
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Run(int status, String out, String err) {
        String all() {
            return out + err;
        }

        String lastErrorLine() {
            List<String> lines = err.lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        @Override
        public String toString() {
            return "status " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
