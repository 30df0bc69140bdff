package tempered.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One turn of a conversation: who speaks ({@code system}, {@code user} or {@code assistant}) and what they say,
 * as transformers' {@code apply_chat_template} takes them ({@code {"role": ..., "content": ...}}).
 *
 * <p>It leaves out tool calls and content made of parts (images), which Tempered's models do not take.
 *
 * <pre>{@code
 * Message.user("Write about Nepal").role();   // "user"
 * new Message("narrator", "Once");            // IllegalArgumentException: role 'narrator' must be system, user or assistant
 * }</pre>
 */
public record Message(String role, String content) {
    private static final Set<String> ROLES = Set.of("system", "user", "assistant");

    public Message {
        if (role == null || !ROLES.contains(role)) {
            throw new IllegalArgumentException("role '" + role + "' must be system, user or assistant");
        }
        if (content == null) {
            throw new IllegalArgumentException("the content of a " + role + " message must not be null; use \"\"");
        }
    }

    public static Message system(String content) {
        return new Message("system", content);
    }

    public static Message user(String content) {
        return new Message("user", content);
    }

    public static Message assistant(String content) {
        return new Message("assistant", content);
    }

    /** The message as a template sees it: a dictionary with {@code role} and {@code content}. */
    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("role", role);
        map.put("content", content);
        return map;
    }
}
