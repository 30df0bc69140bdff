package tempered.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The project's shell scripts use nothing that macOS's bash 3.2 lacks. Each rule names a construct of bash 4 or
 * later with what 3.2 does with it instead; every sample below was run in a bash 3.2.48 built from GNU's source,
 * which refused it or gave something else. LabIT runs {@code ./lab} itself in such a bash with
 * {@code -Dtempered.bash=PATH}.
 */
class BashVersionTest {
    private static final List<String> SCRIPTS = List.of("lab", ".ci/run", "postBuild");

    record Rule(String what, Pattern pattern, String sample) {
        Rule(String what, String regex, String sample) {
            this(what, Pattern.compile(regex), sample);
        }
    }

    static final List<Rule> RULES = List.of(
            new Rule(
                    "declare/local/typeset -A, -n, -g, -l or -u (bash 4: invalid option in 3.2)",
                    "\\b(declare|typeset|local)\\s+(-\\w+\\s+)*-\\w*[Anglu]",
                    "declare -A seen"),
            new Rule(
                    "${x^^}, ${x,,} (bash 4: bad substitution in 3.2)",
                    "\\$\\{[#!]?\\w+(\\[[^\\]]*\\])?(\\^|,)",
                    "${name,,}"),
            new Rule("${x@Q} (bash 4.4: bad substitution)", "\\$\\{\\w+(\\[[^\\]]*\\])?@[QEPAaKkUuL]}", "${name@Q}"),
            new Rule(
                    "mapfile, readarray, coproc (bash 4: command not found)",
                    "(^|[;&|(\\s])(mapfile|readarray|coproc)\\b",
                    "mapfile lines < file"),
            new Rule("|& (bash 4: syntax error)", "\\|&", "make |& tee log"),
            new Rule("&>> (bash 4: syntax error)", "&>>", "echo x &>> log"),
            new Rule("case ;& and ;;& (bash 4: syntax error)", ";;&|(?<![;&]);&(\\s|$)", "a) echo a;& b) echo b;;"),
            new Rule(
                    "a negative length in ${x:offset:length} (bash 4.2: 'substring expression < 0')",
                    "\\$\\{\\w+:[^:}]*:\\s*\\(?-",
                    "${name:1:-1}"),
            new Rule("{fd}> named descriptors (bash 4.1: not found)", "\\{[A-Za-z_]\\w*}\\s*[<>]", "exec {fd}>log"),
            new Rule("[[ -v name ]] (bash 4.2: syntax error)", "\\[\\[\\s+-v\\s", "[[ -v name ]]"),
            new Rule("wait -n (bash 4.3: invalid option)", "\\bwait\\s+-n\\b", "wait -n"),
            new Rule("read -N, read -i (bash 4: invalid option)", "\\bread\\s+(-\\w+\\s+)*-\\w*[Ni]", "read -N 1 key"),
            new Rule(
                    "read -t with a fraction (bash 4: invalid timeout)",
                    "\\bread\\s+(-\\w+\\s+)*-t\\s*\\d*\\.\\d",
                    "read -t 0.5 key"),
            new Rule("printf %(...)T (bash 4.2: invalid format character)", "\\bprintf\\b.*%\\(", "printf '%(%F)T' -1"),
            new Rule(
                    "shopt -s globstar, lastpipe, autocd, ... (bash 4: invalid shell option name)",
                    "\\bshopt\\s+-s\\s+.*\\b(globstar|lastpipe|autocd|checkjobs|direxpand|dirspell|inherit_errexit)\\b",
                    "shopt -s globstar"),
            new Rule(
                    "$BASHPID, $EPOCHSECONDS, $EPOCHREALTIME, $SRANDOM (bash 4 and 5: empty in 3.2)",
                    "\\$\\{?(BASHPID|EPOCHSECONDS|EPOCHREALTIME|SRANDOM)\\b",
                    "echo $BASHPID"),
            new Rule("${a[-1]} (bash 4.3: bad array subscript)", "\\$\\{\\w+\\[\\s*-", "${words[-1]}"),
            new Rule("{1..9..2} steps (bash 4: left as text)", "\\{-?\\d+\\.\\.-?\\d+\\.\\.", "{1..9..2}"),
            new Rule("{01..10} zero padding (bash 4: 3.2 drops the zeros)", "\\{-?0\\d+\\.\\.", "{01..10}"));

    /**
     * Under {@code set -u}, bash before 4.4 calls an empty array unbound when it is expanded whole; the idiom
     * {@code ${a[@]+"${a[@]}"}} works in every version.
     */
    static final Pattern WHOLE_ARRAY = Pattern.compile("(?<!\\+\")\\$\\{\\w+\\[[@*]\\]}");

    static final Pattern SET_U = Pattern.compile("(?m)^\\s*set\\s+-\\w*u|set\\s+-o\\s+nounset");

    @Test
    void theScriptsUseNothingMacOsBash32Lacks() throws IOException {
        List<String> found = new ArrayList<>();
        for (String script : SCRIPTS) {
            found.addAll(problems(script, Files.readString(Path.of(script))));
        }
        assertEquals(List.of(), found);
    }

    @Test
    void everyRuleFindsItsSampleAndLeavesBash32sOwnAlone() {
        for (Rule rule : RULES) {
            assertEquals(
                    1,
                    problems("sample", "#!/usr/bin/env bash\n" + rule.sample() + "\n")
                            .size(),
                    rule.what());
        }
        String bash32 = """
                #!/usr/bin/env bash
                set -euo pipefail
                declare -a words; local -r fixed=1; read -r answer || answer=n; read -t 5 key
                echo "${name:-x}" "${name:1:2}" "${name: -1}" "${name:(-2)}" "${#name}" "${!prefix*}" ${name/#a/b}
                exec "$jar" download "$@"; echo a &> log; echo b 2>&1 | tee log
                case "$x" in a) ;; b) echo b ;; esac; printf '%s\\n' "$x"; echo {1..9} ${a[@]+"${a[@]}"}
                """;
        assertEquals(List.of(), problems("sample", bash32));
        assertEquals(
                1,
                problems("sample", "set -eu\nfor a in \"${args[@]}\"; do :; done\n")
                        .size());
        assertEquals(
                0, problems("sample", "for a in \"${args[@]}\"; do :; done\n").size());
    }

    /** One line per use of a bash 4 construct: where, and what 3.2 does with it. Comments are not code. */
    static List<String> problems(String script, String text) {
        List<String> found = new ArrayList<>();
        boolean nounset = SET_U.matcher(text).find();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String code = lines[i].strip().startsWith("#") ? "" : lines[i];
            for (Rule rule : RULES) {
                if (rule.pattern().matcher(code).find()) {
                    found.add(script + ":" + (i + 1) + ": " + rule.what() + ": " + lines[i].strip());
                }
            }
            if (nounset && WHOLE_ARRAY.matcher(code).find()) {
                found.add(script + ":" + (i + 1) + ": \"${a[@]}\" under set -u (bash 4.4: an empty array is unbound"
                        + " before it; write ${a[@]+\"${a[@]}\"}): " + lines[i].strip());
            }
        }
        return found;
    }
}
