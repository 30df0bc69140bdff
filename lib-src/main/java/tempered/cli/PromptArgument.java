package tempered.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import tempered.chat.ChatTemplate;
import tempered.chat.Message;
import tempered.hub.ModelSpec;
import tempered.model.LanguageModel;

/**
 * The prompt of the commands that take one: {@code --prompt TEXT}, {@code --prompt -} (standard input) or
 * {@code --prompt-file FILE}. A file or standard input is read as UTF-8 whatever the locale, without a leading
 * byte-order mark or one final line break (an editor's or {@code echo}'s). They take a prompt of any length, with
 * no shell quoting, and keep the command line short ({@link LongCommandLine} says why that once mattered).
 */
final class PromptArgument {
    /** More than any model's context holds: GPT-2's 1,024 tokens are about 4 KB of English. */
    static final int MAX_BYTES = 1 << 20;

    private PromptArgument() {}

    /** The prompt the options give, checked: given once, readable UTF-8 text, not empty or blank. */
    static String read(Options options, InputStream stdin) {
        boolean text = options.has("--prompt");
        boolean file = options.has("--prompt-file");
        if (text && file) {
            throw new UsageException("give the prompt once: --prompt TEXT, --prompt - (standard input) or"
                    + " --prompt-file FILE, not both --prompt and --prompt-file");
        }
        if (!text && !file) {
            throw new UsageException("--prompt is required, for example --prompt \"The cat slept on the\";"
                    + " a long prompt can come from a file (--prompt-file FILE) or standard input (--prompt -)");
        }
        String prompt;
        String what;
        if (file) {
            String name = options.get("--prompt-file");
            what = "--prompt-file " + name;
            prompt = fromFile(name, what);
        } else if (options.get("--prompt").equals("-")) {
            what = "the prompt on standard input (--prompt -)";
            prompt = fromStdin(stdin, what);
        } else {
            what = "--prompt";
            prompt = options.get("--prompt");
        }
        if (prompt.isEmpty()) {
            throw new UsageException(what + " is empty; give the model some text to continue");
        }
        if (prompt.isBlank()) {
            throw new UsageException(what + " is blank (only white space); give the model some words to continue");
        }
        return prompt;
    }

    /**
     * The text the model continues: the prompt itself, or with {@code --chat} the prompt as a user's message put
     * through the model's chat template, ready for the assistant's answer (transformers'
     * {@code apply_chat_template(messages, add_generation_prompt=True)}).
     *
     * @throws UsageException under {@code --chat} for a model without a chat template (a base model)
     */
    static String forModel(String prompt, boolean chat, LanguageModel model) {
        if (!chat) {
            return prompt;
        }
        ChatTemplate template = model.chatTemplate()
                .orElseThrow(() -> new UsageException("--chat puts the prompt through the model's chat template, but "
                        + model.name() + " has none (a base model: no chat_template in a tokenizer_config.json"
                        + " beside it); leave out --chat, or use a chat model such as --model "
                        + ModelSpec.SMOLLM2_INSTRUCT.repo()));
        return template.render(List.of(Message.user(prompt)), true);
    }

    private static String fromFile(String name, String what) {
        Path path = Path.of(name);
        if (Files.isDirectory(path)) {
            throw new UsageException(what + " is a folder; name a text file that holds the prompt");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return text(in, what);
        } catch (NoSuchFileException e) {
            throw new UsageException(what + ": there is no file " + path.toAbsolutePath());
        } catch (AccessDeniedException e) {
            throw new UsageException(
                    what + ": permission denied reading " + path.toAbsolutePath() + "; make it readable or copy it");
        } catch (IOException e) {
            throw new UsageException(what + " could not be read (" + e.getMessage() + ")");
        }
    }

    private static String fromStdin(InputStream stdin, String what) {
        try {
            return text(stdin, what);
        } catch (IOException e) {
            throw new UsageException(what + " could not be read (" + e.getMessage() + ")");
        }
    }

    /** At most {@link #MAX_BYTES} of strict UTF-8, without a byte-order mark or one final line break. */
    private static String text(InputStream in, String what) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new UsageException(what + " is over " + MAX_BYTES / (1 << 20)
                    + " MB; a prompt must fit the model's context (GPT-2's 1,024 tokens are about 4 KB of English)");
        }
        String text;
        try {
            text = StrictUtf8.decode(bytes);
        } catch (CharacterCodingException e) {
            throw new UsageException(what + " is not UTF-8 text (" + firstBadByte(bytes)
                    + "); save it as UTF-8 (an editor's \"save with encoding\", or iconv -t UTF-8)");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.endsWith("\r\n")
                ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /** Where the first byte that does not decode is, for the message. */
    private static String firstBadByte(byte[] bytes) {
        ByteBuffer input = ByteBuffer.wrap(bytes);
        StrictUtf8.decoder().decode(input, CharBuffer.allocate(bytes.length + 1), true);
        int at = input.position();
        return at < bytes.length
                ? String.format(Locale.ROOT, "byte 0x%02X at offset %d", bytes[at] & 0xFF, at)
                : "it ends inside a character";
    }
}
