package se.goteborg.vaksam.premises.register;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import se.goteborg.vaksam.premises.register.LettingsRegisterRepository.ImportResult;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

/**
 * Imports the lettings group's register file, from the API or the import page: every row is checked first, and only
 * a file without problems is written, so the register never holds half an import. The bytes are decoded strictly in
 * the declared charset: a byte that is not valid there refuses the file instead of turning into a replacement
 * character in a stored name.
 */
@Service
public class RegisterImports {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final LettingsRegisterRepository register;

    RegisterImports(LettingsRegisterRepository register) {
        this.register = register;
    }

    /** Fails with {@link InvalidFieldsException} naming each line and column at fault; stores nothing then. */
    public Mono<ImportResult> importCsv(byte[] content, Charset charset) {
        // A register of a hundred thousand rows takes a while to check; keep that off the event loop.
        return Mono.fromCallable(() -> RegisterCsvParser.parse(new StringReader(decode(content, charset))))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(parsed -> parsed.problems().isEmpty()
                        ? register.upsertAll(parsed.entries())
                        : Mono.error(new InvalidFieldsException(parsed.problems())));
    }

    /**
     * The text of the file without a byte order mark; fails with a problem of the field {@code encoding} when the
     * bytes are not valid in the charset, or when a file declared as Latin-1 or Windows-1252 is plainly UTF-8 (every
     * byte is valid Latin-1, so only this check keeps "Göteborg" from being stored as "GÃ¶teborg").
     */
    static String decode(byte[] content, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8L,
                (long) (content.length * (double) decoder.maxCharsPerByte()) + 1));
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            String name = charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : charset.name();
            throw InvalidFieldsException.of("encoding", "is not valid " + name + " (first at line "
                    + lineAt(out) + "); save the file as UTF-8"
                    + (charset.equals(StandardCharsets.UTF_8) ? "" : ", or send it with the charset it was saved in"));
        }
        out.flip();
        String text = out.toString();
        if (!isUnicode(charset) && looksLikeUtf8(content)) {
            throw InvalidFieldsException.of("encoding", "is UTF-8 but was sent as " + charset.name()
                    + "; send it with charset=utf-8");
        }
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    /** The line of the position {@code decoded} has reached: one more than the line breaks decoded before it. */
    private static long lineAt(CharBuffer decoded) {
        long line = 1;
        for (int i = 0; i < decoded.position(); i++) {
            if (decoded.get(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean isUnicode(Charset charset) {
        return charset.name().toUpperCase(Locale.ROOT).startsWith("UTF");
    }

    /** Has multi-byte UTF-8 sequences and nothing that is not valid UTF-8. */
    private static boolean looksLikeUtf8(byte[] content) {
        boolean multiByte = false;
        for (byte b : content) {
            if (b < 0) {
                multiByte = true;
                break;
            }
        }
        if (!multiByte) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
