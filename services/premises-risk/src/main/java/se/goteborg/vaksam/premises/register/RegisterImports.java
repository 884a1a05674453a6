package se.goteborg.vaksam.premises.register;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import se.goteborg.vaksam.premises.register.LettingsRegisterRepository.ImportResult;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

/**
 * Imports the lettings group's register file, from the API or the import page. Every row is checked first, and only
 * a file without problems is written, so a bad file never leaves half an import behind. The bytes are decoded
 * strictly in the declared charset: a byte that is not valid there refuses the file instead of turning into a
 * replacement character in a stored name.
 *
 * <p>A register may have a hundred thousand rows, so neither pass holds them all: the first reads the file to
 * check it, the second reads it again and stores it in chunks. Once storing has begun it runs to the end even if
 * the caller goes away; should the store itself fail half-way, importing the same file again completes it (rows
 * are upserted by premises id).
 */
@Service
public class RegisterImports {

    /** Rows per write: small enough to keep a large import's memory flat, large enough to keep writes few. */
    static final int CHUNK = 1_000;

    private final LettingsRegisterRepository register;

    RegisterImports(LettingsRegisterRepository register) {
        this.register = register;
    }

    /** The file as it streams in from a request: gathered whole, then imported as below. */
    public Mono<ImportResult> importUpload(Flux<DataBuffer> content, Charset charset) {
        return DataBufferUtils.join(content)
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(bytes -> importCsv(bytes, charset));
    }

    /** Fails with {@link InvalidFieldsException} naming each line and column at fault; stores nothing then. */
    public Mono<ImportResult> importCsv(byte[] content, Charset charset) {
        // Checking a hundred thousand rows takes a while; keep that off the event loop.
        return Mono.fromCallable(() -> {
                    checkEncoding(content, charset);
                    return RegisterCsvParser.check(reader(content, charset));
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(problems -> problems.isEmpty()
                        ? Mono.fromFuture(store(content, charset).toFuture(), true)
                        : Mono.error(new InvalidFieldsException(problems)));
    }

    private Mono<ImportResult> store(byte[] content, Charset charset) {
        return Flux.using(() -> new RegisterCsvParser.Scan(reader(content, charset)),
                        scan -> Flux.<RegisterEntry>generate(sink -> {
                            RegisterEntry entry = scan.next();
                            if (entry == null) {
                                sink.complete();
                            } else {
                                sink.next(entry);
                            }
                        }),
                        RegisterCsvParser.Scan::close)
                .subscribeOn(Schedulers.boundedElastic())
                .buffer(CHUNK)
                .concatMap(register::upsertAll)
                .reduce((a, b) -> new ImportResult(a.rows() + b.rows(), a.added() + b.added(),
                        a.updated() + b.updated()));
    }

    /** The file's text, decoded as strictly as {@link #checkEncoding} checks it. */
    static Reader reader(byte[] content, Charset charset) {
        return new InputStreamReader(new ByteArrayInputStream(content), strictDecoder(charset));
    }

    /**
     * Fails with a problem of the field {@code encoding} when the bytes are not valid in the charset, or when a file
     * declared as Latin-1 or Windows-1252 is plainly UTF-8 (every byte is valid Latin-1, so only this check keeps
     * "Göteborg" from being stored as "GÃ¶teborg").
     */
    static void checkEncoding(byte[] content, Charset charset) {
        long badLine = firstLineNotDecoding(content, charset);
        if (badLine > 0) {
            boolean utf8 = charset.equals(StandardCharsets.UTF_8);
            throw InvalidFieldsException.of("encoding", "is not valid " + (utf8 ? "UTF-8" : charset.name())
                    + " (first at line " + badLine + "); save the file as UTF-8"
                    + (utf8 ? "" : ", or send it with the charset it was saved in"));
        }
        if (!charset.name().toUpperCase(Locale.ROOT).startsWith("UTF") && hasNonAscii(content)
                && firstLineNotDecoding(content, StandardCharsets.UTF_8) == 0) {
            throw InvalidFieldsException.of("encoding", "is UTF-8 but was sent as " + charset.name()
                    + "; send it with charset=utf-8");
        }
    }

    /** The line of the first bytes not valid in the charset, or 0 when all are; decodes a chunk at a time. */
    private static long firstLineNotDecoding(byte[] content, Charset charset) {
        CharsetDecoder decoder = strictDecoder(charset);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(8192);
        long line = 1;
        boolean inputDone = false;
        while (true) {
            CoderResult result = inputDone ? decoder.flush(out) : decoder.decode(in, out, true);
            out.flip();
            while (out.hasRemaining()) {
                if (out.get() == '\n') {
                    line++;
                }
            }
            out.clear();
            if (result.isError()) {
                return line;
            }
            if (result.isUnderflow()) {
                if (inputDone) {
                    return 0;
                }
                inputDone = true;
            }
        }
    }

    private static CharsetDecoder strictDecoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean hasNonAscii(byte[] content) {
        for (byte b : content) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }
}
