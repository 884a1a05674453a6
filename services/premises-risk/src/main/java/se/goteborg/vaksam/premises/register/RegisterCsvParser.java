package se.goteborg.vaksam.premises.register;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import se.goteborg.vaksam.web.problem.FieldProblem;

/**
 * Reads a lettings register in the contract's CSV layout and checks every row before anything is stored, so an
 * import is taken whole or not at all. Problems name the line as {@code line[7].postal_code} (line 1 is the header).
 */
final class RegisterCsvParser {

    static final List<String> HEADER = List.of("premises_id", "property_designation", "street_address", "postal_code",
            "city", "landlord", "tenant_org_number", "tenant_name", "industry_code", "lease_start", "lease_end");

    /** More problems than this are counted, not listed, to keep the response small for a badly broken file. */
    static final int MAX_LISTED_PROBLEMS = 100;

    private static final Pattern PREMISES_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{3} ?\\d{2}");
    private static final Pattern ORG_NUMBER = Pattern.compile("\\d{6}-\\d{4}");
    private static final Pattern SNI_CODE = Pattern.compile("\\d{2}(\\.\\d{1,3})?");
    private static final int MAX_TEXT = 200;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(false)
            .setTrim(true)
            .get();

    private RegisterCsvParser() {
    }

    record Result(List<RegisterEntry> entries, List<FieldProblem> problems) {
    }

    static Result parse(Reader csv) {
        List<RegisterEntry> entries = new ArrayList<>();
        Problems problems = new Problems();
        try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(FORMAT).get()) {
            if (!parser.getHeaderNames().equals(HEADER)) {
                problems.add("header", "must be " + String.join(",", HEADER));
                return problems.result(entries);
            }
            Map<String, Long> firstLineOfId = new HashMap<>();
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    problems.add("line[" + (parser.getCurrentLineNumber() + 1) + "]", "is not valid CSV");
                    break;
                }
                long line = record.getRecordNumber() + 1;
                if (isBlank(record)) {
                    continue;
                }
                if (record.size() != HEADER.size()) {
                    problems.add("line[" + line + "]", "must have " + HEADER.size() + " fields, has " + record.size());
                    continue;
                }
                RegisterEntry entry = new RowCheck(record, line, problems).entry();
                if (entry == null) {
                    continue;
                }
                Long earlier = firstLineOfId.putIfAbsent(entry.premisesId(), line);
                if (earlier != null) {
                    problems.add("line[" + line + "].premises_id", "repeats the premises of line " + earlier);
                    continue;
                }
                entries.add(entry);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Thrown for a missing, empty or repeated header name.
            problems.add("header", "must be " + String.join(",", HEADER));
        } catch (IOException | UncheckedIOException e) {
            problems.add("header", "is not valid CSV");
        }
        return problems.result(entries);
    }

    private static boolean isBlank(CSVRecord record) {
        return record.stream().allMatch(String::isEmpty);
    }

    /** Checks one row field by field, noting every problem rather than stopping at the first. */
    private static final class RowCheck {

        private final CSVRecord record;
        private final long line;
        private final Problems problems;
        private boolean valid = true;

        RowCheck(CSVRecord record, long line, Problems problems) {
            this.record = record;
            this.line = line;
            this.problems = problems;
        }

        RegisterEntry entry() {
            String premisesId = matching("premises_id", PREMISES_ID, true,
                    "must be 1-64 letters, digits, '.', '_' or '-'");
            String designation = text("property_designation", true);
            String street = text("street_address", true);
            String postalCode = matching("postal_code", POSTAL_CODE, true, "must be a Swedish postal code (NNN NN)");
            String city = text("city", true);
            String landlord = text("landlord", true);
            String orgNumber = matching("tenant_org_number", ORG_NUMBER, false, "must be an organisation number NNNNNN-NNNN");
            String tenantName = text("tenant_name", false);
            String industryCode = matching("industry_code", SNI_CODE, false, "must be an SNI 2007 code such as 96.040");
            LocalDate leaseStart = date("lease_start");
            LocalDate leaseEnd = date("lease_end");
            if (tenantName != null && leaseStart == null && value("lease_start") == null) {
                problem("lease_start", "is required when the premises have a tenant");
            }
            if ((orgNumber != null || leaseStart != null) && tenantName == null) {
                problem("tenant_name", "is required when a tenant or lease is given");
            }
            if (leaseEnd != null && leaseStart == null && value("lease_start") == null) {
                problem("lease_start", "is required when lease_end is given");
            }
            if (leaseStart != null && leaseEnd != null && leaseEnd.isBefore(leaseStart)) {
                problem("lease_end", "must not be before lease_start");
            }
            if (street != null && AddressKey.of(street, postalCode).isEmpty()) {
                problem("street_address", "must contain letters or digits");
            }
            if (!valid) {
                return null;
            }
            return new RegisterEntry(premisesId, designation, street, postalCode, city, landlord, orgNumber,
                    tenantName, industryCode, leaseStart, leaseEnd);
        }

        private String value(String column) {
            String value = record.get(column);
            return value == null || value.isEmpty() ? null : value;
        }

        private String text(String column, boolean required) {
            String value = value(column);
            if (value == null) {
                if (required) {
                    problem(column, "is required");
                }
                return null;
            }
            if (value.length() > MAX_TEXT) {
                problem(column, "must be at most " + MAX_TEXT + " characters");
                return null;
            }
            return value;
        }

        private String matching(String column, Pattern pattern, boolean required, String message) {
            String value = text(column, required);
            if (value != null && !pattern.matcher(value).matches()) {
                problem(column, message);
                return null;
            }
            return value;
        }

        private LocalDate date(String column) {
            String value = value(column);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problem(column, "must be an ISO-8601 date (YYYY-MM-DD)");
                return null;
            }
        }

        private void problem(String column, String message) {
            valid = false;
            problems.add("line[" + line + "]." + column, message);
        }
    }

    private static final class Problems {

        private final List<FieldProblem> listed = new ArrayList<>();
        private int unlisted;

        void add(String field, String message) {
            if (listed.size() < MAX_LISTED_PROBLEMS) {
                listed.add(new FieldProblem(field, message));
            } else {
                unlisted++;
            }
        }

        Result result(List<RegisterEntry> entries) {
            List<FieldProblem> all = new ArrayList<>(listed);
            if (unlisted > 0) {
                all.add(new FieldProblem("file", unlisted + " more problems are not listed"));
            }
            return new Result(all.isEmpty() ? List.copyOf(entries) : List.of(), List.copyOf(all));
        }
    }
}
