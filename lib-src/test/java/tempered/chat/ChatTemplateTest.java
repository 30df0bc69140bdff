package tempered.chat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tempered.model.synthetic.SyntheticTokenizer;
import tempered.text.HubTokenizer;
import tempered.text.TokenizerConfig;

/**
 * Templates rendered as transformers' apply_chat_template(messages, add_generation_prompt=..., tokenize=False) renders
 * them with Jinja2; every expected text is worked out by hand from the template's semantics.
 */
class ChatTemplateTest {
    /**
     * SmolLM2-Instruct's chat template as its tokenizer_config.json holds it (one line; the line breaks are inside
     * the string literals): ChatML, with a default system message when the first message is not one.
     */
    static final String SMOLLM2 = "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system'"
            + " %}{{ '<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face"
            + "<|im_end|>\n' }}{% endif %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] +"
            + " '<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}"
            + "{% endif %}";

    private static final TokenizerConfig SMOLLM2_TOKENS = TokenizerConfig.parse(
            "{\"bos_token\": \"<|im_start|>\", \"eos_token\": \"<|im_end|>\", \"pad_token\": \"<|im_end|>\","
                    + " \"unk_token\": \"<|endoftext|>\"}");

    @Test
    void smolLm2sTemplateAddsItsSystemLineAndTheAssistantsOpening() {
        ChatTemplate template = ChatTemplate.of(SMOLLM2, SMOLLM2_TOKENS);
        assertEquals(
                "<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n"
                        + "<|im_start|>user\nWrite a short story about Nepal.<|im_end|>\n"
                        + "<|im_start|>assistant\n",
                template.render(List.of(Message.user("Write a short story about Nepal.")), true));
        assertEquals(
                "<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n"
                        + "<|im_start|>user\nHi<|im_end|>\n",
                template.render(List.of(Message.user("Hi")), false),
                "no generation prompt: the text ends after the user's turn");
    }

    @Test
    void aSystemMessageReplacesTheDefaultOneAndTurnsFollowInOrder() {
        ChatTemplate template = ChatTemplate.of(SMOLLM2, SMOLLM2_TOKENS);
        assertEquals(
                "<|im_start|>system\nAnswer in one word.<|im_end|>\n"
                        + "<|im_start|>user\nCapital of Nepal?<|im_end|>\n"
                        + "<|im_start|>assistant\nKathmandu<|im_end|>\n"
                        + "<|im_start|>user\nAnd of Peru?<|im_end|>\n"
                        + "<|im_start|>assistant\n",
                template.render(
                        List.of(
                                Message.system("Answer in one word."),
                                Message.user("Capital of Nepal?"),
                                Message.assistant("Kathmandu"),
                                Message.user("And of Peru?")),
                        true));
    }

    /** The same template with Jinja's escape \n in its literals, as many tokenizer_config.json files write it. */
    @Test
    void escapedLineBreaksRenderTheSame() {
        String escaped = SMOLLM2.replace("\n", "\\n");
        assertTrue(!escaped.contains("\n"));
        List<Message> messages = List.of(Message.user("Hi"));
        assertEquals(
                ChatTemplate.of(SMOLLM2, SMOLLM2_TOKENS).render(messages, true),
                ChatTemplate.of(escaped, SMOLLM2_TOKENS).render(messages, true));
    }

    /** A message is data: template syntax in it is written out, never run (Jinjava would, by default). */
    @Test
    void templateSyntaxInAMessageIsNotRun() {
        String content = "{{ 7 * 7 }} {% if true %}yes{% endif %} {{ raise_exception('no') }}";
        assertEquals(
                "<|im_start|>user\n" + content + "<|im_end|>\n",
                ChatTemplate.of(SMOLLM2, SMOLLM2_TOKENS)
                        .render(List.of(Message.system("x"), Message.user(content)), false)
                        .substring("<|im_start|>system\nx<|im_end|>\n".length()));
    }

    /**
     * transformers trims blocks: the line break after a block tag goes, and the spaces before one on its line. With
     * Jinja2's trim_blocks and lstrip_blocks this template gives each message on one line.
     */
    @Test
    void blocksAreTrimmedAsTransformersTrimsThem() {
        String template = "{{ bos_token }}\n"
                + "{% for message in messages %}\n"
                + "    {% if message.role == 'user' %}\n"
                + "Q: {{ message.content | trim }}\n"
                + "    {% else %}\n"
                + "A: {{ message.content }}\n"
                + "    {% endif %}\n"
                + "{% endfor %}\n"
                + "{%- if add_generation_prompt %}A:{% endif %}";
        assertEquals(
                "<s>\nQ: Hi\nA: Hello\nA:",
                ChatTemplate.of(template, TokenizerConfig.parse("{\"bos_token\": \"<s>\"}"))
                        .render(List.of(Message.user("  Hi "), Message.assistant("Hello")), true));
    }

    @Test
    void raiseExceptionRefusesWithTheTemplatesOwnMessage() {
        String template = "{% if messages[-1]['role'] != 'user' %}"
                + "{{ raise_exception('the last message must be the user\\'s') }}{% endif %}"
                + "{% for m in messages %}{{ m.content }}{% endfor %}";
        ChatTemplate strict = ChatTemplate.of(template, TokenizerConfig.NONE);
        assertEquals("Hi", strict.render(List.of(Message.user("Hi")), true));
        assertEquals(
                "the chat template refused the messages: the last message must be the user's",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> strict.render(List.of(Message.user("Hi"), Message.assistant("Hello")), true))
                        .getMessage());
    }

    /** What Jinjava lacks is named, never rendered as a wrong text. */
    @Test
    void whatJinjavaCannotDoFailsWithAMessage() {
        ChatTemplate python = ChatTemplate.of("{{ messages[0].content.startswith('H') }}", TokenizerConfig.NONE);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> python.render(List.of(Message.user("Hi")), true));
        assertTrue(e.getMessage().startsWith("the chat template failed at line 1: "), e.getMessage());
        assertTrue(e.getMessage().contains("startswith"), e.getMessage());
        IllegalArgumentException filtered = assertThrows(
                IllegalArgumentException.class,
                () -> ChatTemplate.of(
                        "{% for m in messages if m.role == 'user' %}{{ m.content }}{% endfor %}",
                        TokenizerConfig.NONE));
        assertTrue(
                filtered.getMessage().startsWith("the chat template filters a loop inline ("), filtered.getMessage());
        assertEquals(
                "a conversation needs at least one message, such as Message.user(...)",
                assertThrows(IllegalArgumentException.class, () -> python.render(List.of(), true))
                        .getMessage());
        assertEquals(
                "the chat template is empty; a chat model's tokenizer_config.json holds it as chat_template",
                assertThrows(IllegalArgumentException.class, () -> ChatTemplate.of(" ", TokenizerConfig.NONE))
                        .getMessage());
    }

    @Test
    void strftimeNowGivesTodaysDate() {
        String today = LocalDate.now().format(DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH));
        String rendered = ChatTemplate.of("{{ strftime_now('%d %b %Y') }}", TokenizerConfig.NONE)
                .render(List.of(Message.user("Hi")), true);
        // Midnight may pass between the two readings.
        assertTrue(
                rendered.equals(today)
                        || rendered.equals(
                                LocalDate.now().format(DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH))),
                rendered);
    }

    /**
     * The tests' own model folder: its template, read from tokenizer_config.json, then its tokenizer, which turns the
     * markers into their ids (1 and 2) and the rest into bytes (3 + b) and merges ("er" is 274).
     */
    @Test
    void aModelFoldersTemplateAndTokenizerGiveThePromptsIds(@TempDir Path dir) {
        SyntheticTokenizer.write(dir, SyntheticTokenizer.NATURAL_SIZE);
        try (HubTokenizer tokenizer = HubTokenizer.open(dir)) {
            ChatTemplate template = ChatTemplate.from(tokenizer.config()).orElseThrow();
            String prompt = template.render(List.of(Message.user("Hi")), true);
            assertEquals(
                    "<|im_start|>system\nYou are a tiny test model.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n"
                            + "<|im_start|>assistant\n",
                    prompt);
            String turn = prompt.substring(prompt.indexOf("<|im_start|>user"));
            assertArrayEquals(
                    new int[] {1, 120, 118, 274, 13, 75, 108, 2, 13, 1, 100, 118, 118, 108, 118, 119, 100, 113, 119, 13
                    },
                    tokenizer.encode(turn));
        }
        assertEquals(Optional.empty(), ChatTemplate.from(TokenizerConfig.NONE), "a base model has none");
    }

    @Test
    void messagesCheckTheirRole() {
        assertEquals(
                "role 'narrator' must be system, user or assistant",
                assertThrows(IllegalArgumentException.class, () -> new Message("narrator", "Once"))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> Message.user(null));
    }
}
