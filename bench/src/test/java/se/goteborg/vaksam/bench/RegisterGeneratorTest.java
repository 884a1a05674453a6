package se.goteborg.vaksam.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegisterGeneratorTest {

    static final Path DEMO_REGISTER = Path.of("../services/premises-risk/src/main/resources/demo/lettings-register.csv");

    @Test
    void theShippedDemoRegisterIsWhatTheGeneratorMakesOfIt() throws IOException {
        String shipped = Files.readString(DEMO_REGISTER, StandardCharsets.UTF_8);

        assertThat(RegisterGenerator.register(RegisterGenerator.DEMO_ROWS, RegisterGenerator.DEFAULT_SEED, false,
                "GBG-L-", 37, DEMO_REGISTER))
                .as("regenerate it as RegisterGenerator's Javadoc says").isEqualTo(shipped);
        assertThat(shipped).contains("GBG-L-0001,Inom Vallgraven 12:4,Kungsgatan 12,411 19,Göteborg,Higab AB,"
                + "559900-0014,Lotus Massage & Spa AB,96.040,2023-03-01,\n");
    }

    @Test
    void lookupsSpeltOtherwiseDifferAndLookupsOfAbsentPremisesAreOffTheRegister() {
        SplittableRandom random = new SplittableRandom(1);
        for (RegisterGenerator.Row row : RegisterGenerator.benchRows(2_000, 3, "B-")) {
            PremisesMatchBench.Lookup variant = PremisesMatchBench.variant(row, random);
            assertThat(List.of(variant.streetAddress(), variant.postalCode(), variant.city()))
                    .isNotEqualTo(List.of(row.street(), row.postalCode(), row.city()));
            PremisesMatchBench.Lookup absent = PremisesMatchBench.absent(row, random);
            assertThat(absent.city().equals("Stockholm")
                    || Integer.parseInt(absent.streetAddress().replaceAll("\\D", "")) >= 300).as(absent.toString())
                    .isTrue();
        }
    }

    @Test
    void theSameSeedGivesTheSameRegister() throws IOException {
        assertThat(register(2_000, 7)).isEqualTo(register(2_000, 7)).isNotEqualTo(register(2_000, 8));
    }

    @Test
    void aBenchRegisterOfAHundredThousandRowsHasUniqueIdsAndAddressesAndValidOrganisationNumbers() throws IOException {
        List<String> lines = register(100_000, RegisterGenerator.DEFAULT_SEED).lines().toList();

        assertThat(lines.get(0)).isEqualTo(RegisterGenerator.HEADER);
        assertThat(lines).hasSize(100_001);
        Set<String> ids = new HashSet<>();
        Map<String, Integer> rowsAtAddress = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = fields(line);
            assertThat(fields).as(line).hasSize(11);
            assertThat(ids.add(fields.get(0))).as("unique id " + fields.get(0)).isTrue();
            rowsAtAddress.merge(fields.get(2).toLowerCase() + "|" + fields.get(3), 1, Integer::sum);
            String org = fields.get(6);
            if (!org.isEmpty()) {
                assertThat(org).matches("\\d{2}[2-9]\\d{3}-\\d{4}");
                String digits = org.replace("-", "");
                assertThat(RegisterGenerator.luhnCheckDigit(digits.substring(0, 9)))
                        .as(org).isEqualTo(digits.charAt(9) - '0');
            }
        }
        assertThat(rowsAtAddress.values()).as("one address, at most a lease and the one before it")
                .allMatch(rows -> rows <= 2);
        assertThat(rowsAtAddress.values().stream().filter(rows -> rows == 1).count())
                .as("most premises are alone at their address").isGreaterThan(90_000);
    }

    @ParameterizedTest
    @CsvSource({"212000135, 5", "559900001, 4", "802002428, 0", "811218987, 6"})
    void computesTheLuhnCheckDigitOfAnOrganisationNumber(String nineDigits, int checkDigit) {
        assertThat(RegisterGenerator.luhnCheckDigit(nineDigits)).isEqualTo(checkDigit);
    }

    private static String register(int rows, long seed) throws IOException {
        StringWriter out = new StringWriter();
        RegisterGenerator.write(out, RegisterGenerator.benchRows(rows, seed, "B-"));
        return out.toString();
    }

    /** Splits a row of the generator's CSV, where only quoted fields hold commas. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
