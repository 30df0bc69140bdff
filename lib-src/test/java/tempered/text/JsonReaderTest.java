package tempered.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

    @Test
    void readsObjectsArraysStringsNumbersAndLiterals() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", List.of(1.0, -2.5e3, "x\n\"y\" \u00e9"));
        expected.put("b", Arrays.asList(true, false, null));
        expected.put("c", Map.of());
        assertEquals(expected, JsonReader.parse(" {\"a\": [1, -2.5e3, \"x\\n\\\"y\\\" \\u00e9\"], \"b\": [true, false, null], \"c\": {}} "));
    }

    @Test
    void malformedTextSaysWhere() {
        assertEquals("malformed JSON at character 6: expected '}'",
                assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("{\"a\":1")).getMessage());
        assertEquals("malformed JSON at character 3: text after the end of the document",
                assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("[] x")).getMessage());
    }
}
