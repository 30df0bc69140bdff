package tempered.hub;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A setting given either as a Java system property (which wins, so the build and a notebook can set it in
 * the running JVM) or as an environment variable, with the name it was given under, for messages.
 *
 * <pre>{@code
 * Setting.of("tempered.model.dir", "TEMPERED_MODEL_DIR", Map.of("TEMPERED_MODEL_DIR", "/models/gpt2"));
 * // Optional[TEMPERED_MODEL_DIR=/models/gpt2]
 * }</pre>
 */
public record Setting(String name, String value) {

    /** This process's settings: its environment variables and, over them, its system properties. */
    public static Map<String, String> current() {
        Map<String, String> settings = new HashMap<>(System.getenv());
        for (String name : System.getProperties().stringPropertyNames()) {
            settings.put(name, System.getProperty(name));
        }
        return settings;
    }

    /** The property, else the variable, from {@code settings} (such as {@link #current()}); blank counts as unset. */
    public static Optional<Setting> of(String property, String variable, Map<String, String> settings) {
        String fromProperty = settings.get(property);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return Optional.of(new Setting("-D" + property, fromProperty.trim()));
        }
        String fromVariable = settings.get(variable);
        if (fromVariable != null && !fromVariable.isBlank()) {
            return Optional.of(new Setting(variable, fromVariable.trim()));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return name + "=" + value;
    }
}
