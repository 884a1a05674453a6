package se.goteborg.vaksam.premises.register;

import java.io.StringReader;
import java.nio.charset.Charset;

import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import se.goteborg.vaksam.premises.register.LettingsRegisterRepository.ImportResult;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

/**
 * Imports the lettings group's register file, from the API or the import page: every row is checked first, and only
 * a file without problems is written, so the register never holds half an import.
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
        return Mono.fromCallable(() -> RegisterCsvParser.parse(new StringReader(withoutByteOrderMark(new String(content, charset)))))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(parsed -> {
                    if (!parsed.problems().isEmpty()) {
                        return Mono.error(new InvalidFieldsException(parsed.problems()));
                    }
                    if (parsed.entries().isEmpty()) {
                        return Mono.error(InvalidFieldsException.of("file", "must contain at least one premises row"));
                    }
                    return register.upsertAll(parsed.entries());
                });
    }

    private static String withoutByteOrderMark(String text) {
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }
}
