package tempered.chat;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tempered.text.TokenizerConfig;

/**
 * A chat model's chat template: the Jinja program in its {@code tokenizer_config.json} that turns a conversation
 * into the one text the model reads, with its own markers ({@code <|im_start|>user ... <|im_end|>}), rendered by
 * Jinjava as transformers' {@code apply_chat_template(messages, add_generation_prompt=..., tokenize=False)}
 * renders it with Jinja2.
 *
 * <p>As in transformers: blocks are trimmed ({@code trim_blocks}, {@code lstrip_blocks}); the template sees
 * {@code messages}, {@code add_generation_prompt} and the special tokens {@code bos_token}, {@code eos_token},
 * {@code pad_token} and {@code unk_token}; {@code raise_exception(message)} stops it with that message (an
 * {@link IllegalArgumentException} here); {@code strftime_now(format)} gives today's date. Text in a message is
 * never run as a template. Where Jinjava differs from Jinja2, as seen side by side with Jinja2 3.1 set up as
 * transformers sets it up: a boolean prints {@code true}, not {@code True}, and {@code a and b} gives a boolean,
 * not the last operand; Python's string methods exist only where Java's {@code String} has one of the same name
 * ({@code strip()}; {@code split()} gives a Java array; no {@code startswith()}); {@code tojson} writes no spaces
 * after {@code ,} and {@code :}; an undefined variable's attribute is empty instead of an error. A {@code for}
 * loop with an inline filter ({@code for m in messages if ...}), which Jinjava would silently skip, is refused. A
 * template that uses a function or method Jinjava lacks fails with a message naming it.
 *
 * <pre>{@code
 * ChatTemplate chatml = ChatTemplate.of(
 *         "{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}"
 *                 + "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}",
 *         TokenizerConfig.NONE);
 * chatml.render(List.of(Message.user("Hi")), true).length();   // 52
 * }</pre>
 *
 * @see <a href="https://huggingface.co/docs/transformers/main/en/chat_templating">transformers: chat templates</a>
 */
public final class ChatTemplate {
    private static final long MAX_OUTPUT = 16L << 20;
    /** {@code {% for x in xs if cond %}}: Jinja2 filters the loop; Jinjava renders nothing and reports nothing. */
    private static final Pattern FILTERED_LOOP = Pattern.compile("\\{%-?\\s*for\\s[^%]*?\\sin\\s[^%]*?\\sif\\s");

    private final String source;
    private final TokenizerConfig tokens;
    private final Jinjava jinjava;

    private ChatTemplate(String source, TokenizerConfig tokens) {
        this.source = source;
        this.tokens = tokens;
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withTrimBlocks(true)
                .withLstripBlocks(true)
                // A message's text is data: with nested interpretation, "{{ x }}" in it would be run.
                .withNestedInterpretationEnabled(false)
                .withFailOnUnknownTokens(false)
                .withMaxOutputSize(MAX_OUTPUT)
                .withLegacyOverrides(LegacyOverrides.newBuilder()
                        .withUseNaturalOperatorPrecedence(true)
                        .withParseWhitespaceControlStrictly(true)
                        .build())
                .build();
        this.jinjava = new Jinjava(config);
        jinjava.getGlobalContext()
                .registerFunction(new ELFunctionDefinition(
                        "", "raise_exception", ChatTemplate.class, "raiseException", String.class));
        jinjava.getGlobalContext()
                .registerFunction(
                        new ELFunctionDefinition("", "strftime_now", ChatTemplate.class, "strftimeNow", String.class));
    }

    /**
     * A template, with the special tokens a {@code tokenizer_config.json} names.
     *
     * @throws IllegalArgumentException when the template is empty
     */
    public static ChatTemplate of(String template, TokenizerConfig tokens) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException(
                    "the chat template is empty; a chat model's tokenizer_config.json holds it as chat_template");
        }
        requireSupported(template);
        return new ChatTemplate(template, tokens == null ? TokenizerConfig.NONE : tokens);
    }

    /** The template a {@code tokenizer_config.json} holds, if it holds one (base models have none). */
    public static Optional<ChatTemplate> from(TokenizerConfig config) {
        return config.chatTemplate().filter(t -> !t.isBlank()).map(t -> of(t, config));
    }

    private static void requireSupported(String template) {
        Matcher loop = FILTERED_LOOP.matcher(template);
        if (loop.find()) {
            throw new IllegalArgumentException("the chat template filters a loop inline ("
                    + template.substring(loop.start(), Math.min(template.length(), loop.end() + 20))
                    + "...), which Jinjava does not run: it would leave the loop out without a word");
        }
    }

    /**
     * The text the model reads for these messages; with {@code addGenerationPrompt}, it ends where the assistant's
     * answer begins.
     *
     * @throws IllegalArgumentException when there are no messages, or the template refuses them
     *         ({@code raise_exception}) or fails; the message says which and why
     */
    public String render(List<Message> messages, boolean addGenerationPrompt) {
        if (messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException("a conversation needs at least one message, such as Message.user(...)");
        }
        List<Map<String, Object>> turns = new ArrayList<>();
        for (Message message : messages) {
            if (message == null) {
                throw new IllegalArgumentException("messages must not hold null");
            }
            turns.add(message.asMap());
        }
        Map<String, Object> context = new HashMap<>();
        context.put("messages", turns);
        context.put("add_generation_prompt", addGenerationPrompt);
        context.put("bos_token", tokens.bosToken().orElse(""));
        context.put("eos_token", tokens.eosToken().orElse(""));
        tokens.padToken().ifPresent(t -> context.put("pad_token", t));
        tokens.unkToken().ifPresent(t -> context.put("unk_token", t));
        RenderResult result = jinjava.renderForResult(source, context);
        for (TemplateError error : result.getErrors()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                for (Throwable cause = error.getException(); cause != null; cause = cause.getCause()) {
                    if (cause instanceof Refused refused) {
                        throw new IllegalArgumentException(
                                "the chat template refused the messages: " + refused.getMessage());
                    }
                }
                throw new IllegalArgumentException(
                        "the chat template failed at line " + error.getLineno() + ": " + error.getMessage()
                                + (error.getFieldName() == null ? "" : " (in " + error.getFieldName() + ")"));
            }
        }
        return result.getOutput();
    }

    /** The template's Jinja source. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "chat template (" + source.length() + " characters)";
    }

    /** transformers' {@code raise_exception}: the template refuses what it was given. */
    public static String raiseException(String message) {
        throw new Refused(message);
    }

    /** transformers' {@code strftime_now}: the local date and time in Python's strftime format. */
    public static String strftimeNow(String format) {
        LocalDateTime now = LocalDateTime.now();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                continue;
            }
            char d = format.charAt(++i);
            switch (d) {
                case 'd' -> out.append(String.format(Locale.ROOT, "%02d", now.getDayOfMonth()));
                case 'm' -> out.append(String.format(Locale.ROOT, "%02d", now.getMonthValue()));
                case 'Y' -> out.append(now.getYear());
                case 'y' -> out.append(String.format(Locale.ROOT, "%02d", now.getYear() % 100));
                case 'H' -> out.append(String.format(Locale.ROOT, "%02d", now.getHour()));
                case 'M' -> out.append(String.format(Locale.ROOT, "%02d", now.getMinute()));
                case 'S' -> out.append(String.format(Locale.ROOT, "%02d", now.getSecond()));
                case 'b' -> out.append(now.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'B' -> out.append(now.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'a' -> out.append(now.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'A' -> out.append(now.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'j' -> out.append(String.format(Locale.ROOT, "%03d", now.getDayOfYear()));
                case '%' -> out.append('%');
                default -> throw new Refused("strftime_now does not know %" + d);
            }
        }
        return out.toString();
    }

    /** What {@code raise_exception} throws, so that its message is told apart from Jinjava's own errors. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }
}
