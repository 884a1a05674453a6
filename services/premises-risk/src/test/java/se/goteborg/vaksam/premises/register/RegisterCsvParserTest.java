package se.goteborg.vaksam.premises.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import se.goteborg.vaksam.web.problem.FieldProblem;

class RegisterCsvParserTest {

    static final String HEADER = String.join(",", RegisterCsvParser.HEADER) + "\n";
    static final String EXPECTED = "expected " + String.join(",", RegisterCsvParser.HEADER);
    /** A good row; the table below breaks one column of it at a time. */
    static final String GOOD = "P-1,Inom Vallgraven 12:4,Kungsgatan 12,411 19,Göteborg,Higab AB,559900-0014,"
            + "Lotus AB,96.040,2023-03-01,";

    @Test
    void readsTheDemoRegister() throws Exception {
        try (var reader = new InputStreamReader(getClass().getClassLoader()
                .getResourceAsStream(LettingsRegisterInitializer.DEMO_REGISTER), StandardCharsets.UTF_8)) {
            var result = RegisterCsvParser.parse(reader);

            assertThat(result.problems()).isEmpty();
            assertThat(result.entries()).hasSizeGreaterThanOrEqualTo(300);
            assertThat(result.entries()).filteredOn(e -> e.addressKey().equals("kungsgatan 12|41119"))
                    .anySatisfy(e -> assertThat(e.industryCode()).startsWith("96.04"));
            assertThat(result.entries()).extracting(RegisterEntry::addressKey).contains("kungsportsavenyen 7|41136");
            assertThat(result.entries()).filteredOn(e -> e.premisesId().equals("GBG-L-0001")).singleElement()
                    .satisfies(e -> {
                        assertThat(e.streetAddress()).isEqualTo("Kungsgatan 12");
                        assertThat(e.postalCode()).isEqualTo("411 19");
                        assertThat(e.tenantName()).isEqualTo("Lotus Massage & Spa AB");
                        assertThat(e.industryCode()).isEqualTo("96.040");
                    });
            assertThat(result.entries().stream().map(e -> e.postalCode().substring(0, 3)).distinct())
                    .as("postal areas: city centre, Linné, Majorna, Gamlestaden, Hisingen, Frölunda, Angered, ...")
                    .contains("411", "413", "414", "415", "417", "418", "421", "424");
            assertThat(result.entries().stream().map(RegisterEntry::postalCode).distinct()).hasSizeGreaterThan(40);
            assertThat(result.entries()).as("vacant premises").anyMatch(e -> e.tenantName() == null);
            assertThat(result.entries()).as("ended leases kept as history").anyMatch(e -> e.leaseEnd() != null);
            long bodyCare = result.entries().stream()
                    .filter(e -> e.industryCode() != null && e.industryCode().startsWith("96.04")).count();
            assertThat(bodyCare).as("a few percent massage and body care").isBetween(
                    result.entries().size() / 50L, result.entries().size() / 10L);
        }
    }

    @Test
    void readsARowWithARunningLeaseAndAVacantRow() {
        var result = parse(HEADER + GOOD + "\n"
                + "P-2,Heden 1:1,\"Stampgatan 1, entré B\",41101,Göteborg,Higab AB,,,,,\n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.entries()).containsExactly(
                new RegisterEntry("P-1", "Inom Vallgraven 12:4", "Kungsgatan 12", "411 19", "Göteborg", "Higab AB",
                        "559900-0014", "Lotus AB", "96.040", LocalDate.of(2023, 3, 1), null),
                new RegisterEntry("P-2", "Heden 1:1", "Stampgatan 1, entré B", "411 01", "Göteborg", "Higab AB",
                        null, null, null, null, null));
    }

    @Test
    void readsAFileThatStartsWithAByteOrderMark() {
        var result = parse("\uFEFF" + HEADER + GOOD + "\n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.entries()).hasSize(1);
    }

    @Test
    void checksAFileWithoutKeepingItsRows() {
        assertThat(RegisterCsvParser.check(new StringReader(HEADER + GOOD + "\n"))).isEmpty();
        assertThat(RegisterCsvParser.check(new StringReader(HEADER + GOOD.replace("411 19", "4") + "\n")))
                .containsExactly(new FieldProblem("line[2].postal_code", "must be a Swedish postal code (NNN NN)"));
    }

    @ParameterizedTest(name = "{0} is stored as {1}")
    @CsvSource({
            "559900-0014, 559900-0014",
            "5599000014, 559900-0014",
            "16559900-0014, 559900-0014",
            "165599000014, 559900-0014",
            "212000-1355, 212000-1355",
            "802002-4280, 802002-4280"})
    void takesOrganisationNumbersWithOrWithoutTheHyphen(String written, String stored) {
        var result = parse(HEADER + GOOD.replace("559900-0014", written) + "\n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.entries()).singleElement().extracting(RegisterEntry::tenantOrgNumber).isEqualTo(stored);
    }

    @ParameterizedTest(name = "{0} is stored as {1}")
    @CsvSource({
            "96.040, 96.040",
            "96040, 96.040",
            "96.04, 96.04",
            "96.0, 96.0",
            "96, 96",
            "01.110, 01.110"})
    void takesSniCodesAtEveryLevel(String written, String stored) {
        var result = parse(HEADER + GOOD.replace("96.040", written) + "\n");

        assertThat(result.problems()).isEmpty();
        assertThat(result.entries()).singleElement().extracting(RegisterEntry::industryCode).isEqualTo(stored);
    }

    static Stream<Arguments> badRows() {
        String personal = "is a personal identity number (a sole trader's), which is personal data: the register "
                + "takes organisation numbers of legal entities only, leave it empty for a sole trader";
        return Stream.of(
                bad("missing premises id", GOOD.replace("P-1,", ","), "line[2].premises_id", "is required"),
                bad("premises id with a space", GOOD.replace("P-1,", "P 1,"), "line[2].premises_id",
                        "must be 1-64 letters, digits, '.', '_' or '-'"),
                bad("missing designation", GOOD.replace("Inom Vallgraven 12:4", ""), "line[2].property_designation",
                        "is required"),
                bad("postal code too short", GOOD.replace("411 19", "4111"), "line[2].postal_code",
                        "must be a Swedish postal code (NNN NN)"),
                bad("postal code starting with 0", GOOD.replace("411 19", "011 19"), "line[2].postal_code",
                        "must be a Swedish postal code (NNN NN)"),
                bad("city of digits", GOOD.replace("Göteborg", "41119"), "line[2].city", "must contain letters"),
                bad("missing landlord", GOOD.replace("Higab AB", ""), "line[2].landlord", "is required"),
                bad("org number, wrong check digit", GOOD.replace("559900-0014", "559900-0011"),
                        "line[2].tenant_org_number",
                        "is not a valid organisation number: the check digit (the last digit) is wrong"),
                bad("org number, too short", GOOD.replace("559900-0014", "559900-001"), "line[2].tenant_org_number",
                        "must be an organisation number NNNNNN-NNNN"),
                bad("org number, letters", GOOD.replace("559900-0014", "55990O-0016"), "line[2].tenant_org_number",
                        "must be an organisation number NNNNNN-NNNN"),
                bad("personal identity number", GOOD.replace("559900-0014", "811218-9876"),
                        "line[2].tenant_org_number", personal),
                bad("personal identity number with century", GOOD.replace("559900-0014", "19811218-9876"),
                        "line[2].tenant_org_number", personal),
                bad("personal identity number, wrong check digit", GOOD.replace("559900-0014", "8112189870"),
                        "line[2].tenant_org_number", personal),
                bad("12 digits with another prefix", GOOD.replace("559900-0014", "995599000014"),
                        "line[2].tenant_org_number", "must be an organisation number NNNNNN-NNNN"),
                bad("SNI code as text", GOOD.replace("96.040", "massage"), "line[2].industry_code",
                        "must be an SNI 2007 code such as 96.040 (NN, NN.N, NN.NN or NN.NNN)"),
                bad("SNI code too long", GOOD.replace("96.040", "96.0401"), "line[2].industry_code",
                        "must be an SNI 2007 code such as 96.040 (NN, NN.N, NN.NN or NN.NNN)"),
                bad("SNI code of no division", GOOD.replace("96.040", "89.100"), "line[2].industry_code",
                        "is not an SNI 2007 code: there is no division 89"),
                bad("SNI division 00", GOOD.replace("96.040", "00"), "line[2].industry_code",
                        "is not an SNI 2007 code: there is no division 00"),
                bad("month 13", GOOD.replace("2023-03-01", "2023-13-01"), "line[2].lease_start",
                        "must be an ISO-8601 date (YYYY-MM-DD) that exists"),
                bad("30 February", GOOD.replace("2023-03-01", "2024-02-30"), "line[2].lease_start",
                        "must be an ISO-8601 date (YYYY-MM-DD) that exists"),
                bad("Swedish date format", GOOD.replace("2023-03-01", "1/3/2023"), "line[2].lease_start",
                        "must be an ISO-8601 date (YYYY-MM-DD) that exists"),
                bad("year typo", GOOD.replace("2023-03-01", "0223-03-01"), "line[2].lease_start",
                        "must be between 1900-01-01 and 2100-12-31"),
                bad("lease end before start", GOOD + "2023-02-28", "line[2].lease_end",
                        "must not be before lease_start"),
                bad("lease end without start", GOOD.replace("559900-0014,Lotus AB,96.040,2023-03-01,", ",,,,2024-01-01"),
                        "line[2].lease_start", "is required when lease_end is given"),
                bad("tenant without lease start", GOOD.replace("2023-03-01", ""), "line[2].lease_start",
                        "is required when the premises have a tenant"),
                bad("org number without tenant name", GOOD.replace("Lotus AB", ""), "line[2].tenant_name",
                        "is required when a tenant or lease is given"),
                bad("tenant name too long", GOOD.replace("Lotus AB", "L".repeat(161)), "line[2].tenant_name",
                        "must be at most 160 characters"),
                bad("street too long", GOOD.replace("Kungsgatan 12", "K".repeat(101)), "line[2].street_address",
                        "must be at most 100 characters"),
                bad("line break in a name", GOOD.replace("Lotus AB", "\"Lotus\nAB\""), "line[2].tenant_name",
                        "must be on one line, without tabs or control characters"),
                bad("street of punctuation", GOOD.replace("Kungsgatan 12", "--"), "line[2].street_address",
                        "must contain letters or digits"),
                bad("too few fields", "P-1,Heden 1:3", "line[2]", "must have 11 fields, has 2"),
                bad("too many fields", GOOD + ",extra", "line[2]", "must have 11 fields, has 12"),
                bad("quote not closed", "P-1,\"Inom Vallgraven 12:4,Kungsgatan 12,411 19,Göteborg,Higab AB,,,,,",
                        "line[2]", "is not valid CSV (a quote is not closed)"));
    }

    private static Arguments bad(String name, String row, String field, String message) {
        return Arguments.of(name, row, field, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRows")
    void refusesABadRowNamingItsLineAndColumn(String name, String row, String field, String message) {
        var result = parse(HEADER + row + "\n");

        assertThat(result.entries()).isEmpty();
        assertThat(result.problems()).containsExactly(new FieldProblem(field, message));
    }

    @Test
    void namesEveryProblemWithItsLineAndColumnAndKeepsNoRows() {
        var result = parse(HEADER
                + GOOD + "\n"
                + "P-2,,Kungsgatan 14,4111,Göteborg,Higab AB,5599000011,Lotus AB,massage,2023-13-01,\n"
                + "\n"
                + "P-1,Heden 1:1,Stampgatan 1,411 01,Göteborg,Higab AB,,,,,\n"
                + "P-4,Heden 1:2,Stampgatan 2,411 01,Göteborg,Higab AB,559900-0014,Nails AB,96.022,2024-05-01,2024-04-01\n"
                + "P-5,Heden 1:3\n");

        assertThat(result.entries()).isEmpty();
        assertThat(result.problems()).extracting(FieldProblem::field).containsExactly(
                "line[3].property_designation", "line[3].postal_code", "line[3].tenant_org_number",
                "line[3].industry_code", "line[3].lease_start",
                "line[5].premises_id",
                "line[6].lease_end",
                "line[7]");
        assertThat(result.problems().get(5).message())
                .as("both lines named").isEqualTo("repeats the premises of line 2; each premises must have one row");
    }

    @Test
    void aRepeatedIdIsFoundEvenWhenTheFirstRowHasOtherProblems() {
        var result = parse(HEADER
                + "P-1,Heden 1:1,Stampgatan 1,4,Göteborg,Higab AB,,,,,\n"
                + "P-1,Heden 1:2,Stampgatan 2,411 01,Göteborg,Higab AB,,,,,\n");

        assertThat(result.problems()).extracting(FieldProblem::field)
                .containsExactly("line[2].postal_code", "line[3].premises_id");
    }

    @Test
    void aQuotedValueOverTwoLinesOfTextIsOneLine() {
        var result = parse(HEADER
                + "P-1,Heden 1:1,\"Stampgatan 1\nentré B\",411 01,Göteborg,Higab AB,,,,,\n"
                + "P-2,Heden 1:2,Stampgatan 2,4,Göteborg,Higab AB,,,,,\n");

        assertThat(result.problems()).extracting(FieldProblem::field)
                .containsExactly("line[2].street_address", "line[3].postal_code");
    }

    static Stream<Arguments> badHeaders() {
        String all = String.join(",", RegisterCsvParser.HEADER);
        return Stream.of(
                Arguments.of("missing column", all.replace(",lease_end", ""),
                        List.of("lacks column 'lease_end'; " + EXPECTED)),
                Arguments.of("extra column", all + ",notes",
                        List.of("has unknown column 'notes'; " + EXPECTED)),
                Arguments.of("renamed columns", all.replace("tenant_org_number", "org_nr").replace("city", "ort"),
                        List.of("lacks columns 'city', 'tenant_org_number' (renamed?); " + EXPECTED,
                                "has unknown columns 'ort', 'org_nr'; " + EXPECTED)),
                Arguments.of("reordered", all.replace("postal_code,city", "city,postal_code"),
                        List.of("has the right columns in another order: column 4 must be 'postal_code', is 'city'; "
                                + EXPECTED)),
                Arguments.of("repeated", all.replace("lease_end", "lease_start"),
                        List.of("names 'lease_start' more than once; " + EXPECTED,
                                "lacks column 'lease_end'; " + EXPECTED)),
                Arguments.of("column without a name", all + ",",
                        List.of("has a column without a name; " + EXPECTED)),
                Arguments.of("upper case", all.toUpperCase(java.util.Locale.ROOT).replace("PREMISES_ID", "premises_id"),
                        List.of("lacks columns " + RegisterCsvParser.HEADER.subList(1, 11).stream()
                                        .map(c -> "'" + c + "'").reduce((a, b) -> a + ", " + b).orElseThrow()
                                        + " (renamed?); " + EXPECTED,
                                "has unknown columns " + RegisterCsvParser.HEADER.subList(1, 11).stream()
                                        .map(c -> "'" + c.toUpperCase(java.util.Locale.ROOT) + "'")
                                        .reduce((a, b) -> a + ", " + b).orElseThrow() + "; " + EXPECTED)),
                Arguments.of("semicolons", all.replace(',', ';'),
                        List.of("is separated by ';': save the file with commas (,) between the columns; "
                                + EXPECTED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badHeaders")
    void refusesAWrongHeaderSayingWhatIsWrong(String name, String header, List<String> messages) {
        var result = parse(header + "\n" + GOOD + "\n");

        assertThat(result.entries()).isEmpty();
        assertThat(result.problems()).containsExactlyElementsOf(
                messages.stream().map(message -> new FieldProblem("header", message)).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty file | '' | is empty: the first line must be the header (" + "expected premises_id,property_designation,"
                    + "street_address,postal_code,city,landlord,tenant_org_number,tenant_name,industry_code,"
                    + "lease_start,lease_end)",
            "header only | HEADER | has a header but no premises rows: it must contain at least one premises row",
            "header and blank lines | HEADERNLNL,,,,,,,,,,NL | has a header but no premises rows: it must contain at "
                    + "least one premises row"})
    void refusesAFileWithoutRows(String name, String content, String message) {
        var result = parse(content.replace("HEADER", HEADER).replace("NL", "\n"));

        assertThat(result.entries()).isEmpty();
        assertThat(result.problems()).containsExactly(new FieldProblem("file", message));
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
