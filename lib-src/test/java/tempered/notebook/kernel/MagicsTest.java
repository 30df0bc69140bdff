package tempered.notebook.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Line magics become calls where they stand, as JJava's MagicTranspiler writes them. */
class MagicsTest {
    private static final String CALL = "tempered.notebook.kernel.KernelStatics.lineMagic(";

    @Test
    void aMagicLineBecomesACallFollowedByAnEmptyBlock() {
        assertEquals(
                "int a = 1;\n" + CALL + "\"classpath\", java.util.List.of(\"a b.jar\", \"c.jar\"));{};\nint b = 2;",
                Magics.rewrite("int a = 1;\n  %classpath \"a b.jar\" c.jar\nint b = 2;"));
    }

    @Test
    void aMagicAfterEqualsKeepsItsValue() {
        assertEquals(
                "List<String> added =" + CALL + "\"classpath\", java.util.List.of(\"lib/*.jar\"));{};",
                Magics.rewrite("List<String> added = %classpath lib/*.jar"));
    }

    @Test
    void aPercentSignElsewhereIsCode() {
        for (String code : new String[] {"int r = 7 % 2;", "String s = \"a =%load x\";", "printf(\"%d%n\", 3);"}) {
            assertEquals(code, Magics.rewrite(code));
        }
    }

    @Test
    void argumentsBecomeJavaLiteralsWhateverTheyHold() {
        assertEquals("\"a\\\\b\\\"c\\011d\"", Magics.literal("a\\b\"c\td"));
    }

    @Test
    void aCellMagicIsOnlyOnTheFirstLine() {
        assertTrue(Magics.isCellMagic("%%loadFromPOM\n<project/>"));
        assertFalse(Magics.isCellMagic(" %%loadFromPOM"));
        assertFalse(Magics.isCellMagic("%load x"));
    }
}
