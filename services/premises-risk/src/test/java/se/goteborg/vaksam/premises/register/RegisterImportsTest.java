package se.goteborg.vaksam.premises.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import se.goteborg.vaksam.web.problem.FieldProblem;
import se.goteborg.vaksam.web.problem.InvalidFieldsException;

class RegisterImportsTest {

    static final String TEXT = "premises_id\nP-1,Göteborg,Skånegatan\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource({"UTF-8", "UTF-16", "ISO-8859-1", "windows-1252"})
    void readsTheDeclaredCharset(String name) throws IOException {
        Charset charset = Charset.forName(name);
        byte[] content = TEXT.getBytes(charset);

        RegisterImports.checkEncoding(content, charset);
        StringWriter read = new StringWriter();
        try (Reader reader = RegisterImports.reader(content, charset)) {
            reader.transferTo(read);
        }
        assertThat(read.toString()).isEqualTo(TEXT);
    }

    @Test
    void refusesLatin1SentAsUtf8NamingTheFirstLineAtFault() {
        assertThatThrownBy(() -> RegisterImports.checkEncoding(TEXT.getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.UTF_8))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems()).containsExactly(
                        new FieldProblem("encoding", "is not valid UTF-8 (first at line 2); save the file as UTF-8")));
    }

    @Test
    void refusesUtf16SentAsUtf8() {
        assertThatThrownBy(() -> RegisterImports.checkEncoding(TEXT.getBytes(StandardCharsets.UTF_16),
                StandardCharsets.UTF_8))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("encoding"));
    }

    @Test
    void refusesBytesWindows1252HasNoCharacterFor() {
        byte[] content = {'a', '\n', 'b', '\n', (byte) 0x81, '\n'};

        assertThatThrownBy(() -> RegisterImports.checkEncoding(content, Charset.forName("windows-1252")))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems()).containsExactly(
                        new FieldProblem("encoding", "is not valid windows-1252 (first at line 3); save the file as "
                                + "UTF-8, or send it with the charset it was saved in")));
    }

    @Test
    void refusesUtf8SentAsLatin1RatherThanStoringGarbledNames() {
        assertThatThrownBy(() -> RegisterImports.checkEncoding(TEXT.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems()).containsExactly(
                        new FieldProblem("encoding", "is UTF-8 but was sent as ISO-8859-1; send it with charset=utf-8")));
    }

    @Test
    void takesPlainAsciiInAnyAsciiCompatibleCharset() {
        String ascii = "premises_id\nP-1,Goteborg\n";

        RegisterImports.checkEncoding(ascii.getBytes(StandardCharsets.US_ASCII), StandardCharsets.ISO_8859_1);
    }
}
