package se.goteborg.vaksam.premises.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import se.goteborg.vaksam.web.problem.FieldProblem;

class RegisterCsvParserTest {

    static final String HEADER = String.join(",", RegisterCsvParser.HEADER) + "\n";

    @Test
    void readsTheDemoRegister() throws Exception {
        try (var reader = new InputStreamReader(getClass().getClassLoader()
                .getResourceAsStream(LettingsRegisterInitializer.DEMO_REGISTER), StandardCharsets.UTF_8)) {
            var result = RegisterCsvParser.parse(reader);

            assertThat(result.problems()).isEmpty();
            assertThat(result.entries()).hasSizeGreaterThanOrEqualTo(30);
            assertThat(result.entries()).filteredOn(e -> e.addressKey().equals("kungsgatan 12|41119"))
                    .anySatisfy(e -> assertThat(e.industryCode()).startsWith("96.04"));
            assertThat(result.entries()).extracting(RegisterEntry::addressKey).contains("kungsportsavenyen 7|41136");
        }
    }

    @Test
    void readsARowWithARunningLeaseAndAVacantRow() {
        var result = parse(HEADER
                + "P-1,Inom Vallgraven 12:4,Kungsgatan 12,411 19,Göteborg,Higab AB,559900-0011,Lotus AB,96.040,2023-03-01,\n"
                + "P-2,Heden 1:1,\"Stampgatan 1, entré B\",411 01,Göteborg,Higab AB,,,,,\n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.entries()).containsExactly(
                new RegisterEntry("P-1", "Inom Vallgraven 12:4", "Kungsgatan 12", "411 19", "Göteborg", "Higab AB",
                        "559900-0011", "Lotus AB", "96.040", LocalDate.of(2023, 3, 1), null),
                new RegisterEntry("P-2", "Heden 1:1", "Stampgatan 1, entré B", "411 01", "Göteborg", "Higab AB",
                        null, null, null, null, null));
    }

    @Test
    void namesEveryProblemWithItsLineAndColumnAndKeepsNoRows() {
        var result = parse(HEADER
                + "P-1,Inom Vallgraven 12:4,Kungsgatan 12,411 19,Göteborg,Higab AB,559900-0011,Lotus AB,96.040,2023-03-01,\n"
                + "P-2,,Kungsgatan 14,4111,Göteborg,Higab AB,5599000011,Lotus AB,massage,2023-13-01,\n"
                + "P-1,Heden 1:1,Stampgatan 1,411 01,Göteborg,Higab AB,,,,,\n"
                + "P-4,Heden 1:2,Stampgatan 2,411 01,Göteborg,Higab AB,559900-0011,Nails AB,96.022,2024-05-01,2024-04-01\n"
                + "P-5,Heden 1:3\n");

        assertThat(result.entries()).isEmpty();
        assertThat(result.problems()).extracting(FieldProblem::field).containsExactly(
                "line[3].property_designation", "line[3].postal_code", "line[3].tenant_org_number",
                "line[3].industry_code", "line[3].lease_start",
                "line[4].premises_id",
                "line[5].lease_end",
                "line[6]");
        assertThat(result.problems().get(5).message()).isEqualTo("repeats the premises of line 2");
    }

    @Test
    void requiresTheContractHeader() {
        var result = parse("premises_id,street_address\nP-1,Kungsgatan 12\n");

        assertThat(result.entries()).isEmpty();
        assertThat(result.problems()).extracting(FieldProblem::field).containsExactly("header");
    }

    @Test
    void reportsBrokenQuoting() {
        var result = parse(HEADER + "P-1,\"Inom Vallgraven 12:4,Kungsgatan 12,411 19,Göteborg,Higab AB,,,,,\n");

        assertThat(result.entries()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message()).isEqualTo("is not valid CSV"));
    }

    @Test
    void listsAtMostAHundredProblems() {
        var csv = new StringBuilder(HEADER);
        for (int i = 0; i < 150; i++) {
            csv.append("P-").append(i).append(",D,Street 1,41101,Göteborg,,,,,,\n");
        }
        var result = parse(csv.toString());

        assertThat(result.problems()).hasSize(RegisterCsvParser.MAX_LISTED_PROBLEMS + 1);
        assertThat(result.problems().get(RegisterCsvParser.MAX_LISTED_PROBLEMS))
                .isEqualTo(new FieldProblem("file", "50 more problems are not listed"));
    }

    private static RegisterCsvParser.Result parse(String csv) {
        return RegisterCsvParser.parse(new StringReader(csv));
    }
}
