package se.goteborg.vaksam.premises.register;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import se.goteborg.vaksam.web.problem.FieldProblem;

/**
 * Reads a lettings register in the contract's CSV layout and checks every row before anything is stored, so an
 * import is taken whole or not at all. Problems name the line as {@code line[7].postal_code}: line 1 is the header,
 * and a line is a row as a spreadsheet shows it (a quoted value spanning two lines of text is still one row).
 *
 * <p>What a row must be: a premises id of letters, digits, '.', '_' or '-' that no other row has; a Swedish postal
 * code, stored as {@code NNN NN}; a tenant organisation number of a legal entity with a valid check digit, stored as
 * {@code NNNNNN-NNNN} (see {@link OrganisationNumbers}; a sole trader's personal identity number is refused); an SNI
 * 2007 code of a real division, as {@code NN}, {@code NN.N}, {@code NN.NN} or {@code NN.NNN} (or the five digits
 * without the dot), stored with the dot; ISO-8601 lease dates between 1900 and 2100, the end not before the start;
 * text of at most the column's length, on one line.
 */
final class RegisterCsvParser {

    static final List<String> HEADER = List.of("premises_id", "property_designation", "street_address", "postal_code",
            "city", "landlord", "tenant_org_number", "tenant_name", "industry_code", "lease_start", "lease_end");

    /** More problems than this are counted, not listed, to keep the response small for a badly broken file. */
    static final int MAX_LISTED_PROBLEMS = 100;

    /** Longest text per column: generous for real names, short enough to keep pages and events tidy. */
    static final Map<String, Integer> MAX_LENGTH = Map.of(
            "property_designation", 80,
            "street_address", 100,
            "city", 60,
            "landlord", 120,
            "tenant_name", 160);

    private static final Pattern PREMISES_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern POSTAL_CODE = Pattern.compile("([1-9]\\d{2}) ?(\\d{2})");
    private static final Pattern SNI_CODE = Pattern.compile("(\\d{2})(?:\\.(\\d{1,3})|(\\d{3}))?");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    /** The two-digit divisions of SNI 2007 (as of NACE Rev. 2); the numbers between them are not assigned. */
    private static final Set<Integer> SNI_DIVISIONS = sniDivisions();
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final String EXPECTED = "expected " + String.join(",", HEADER);

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setTrim(true)
            .get();

    private RegisterCsvParser() {
    }

    record Result(List<RegisterEntry> entries, List<FieldProblem> problems) {
    }

    /** Every row of a small register, or its problems: for the demo register and tests. */
    static Result parse(Reader csv) {
        List<RegisterEntry> entries = new ArrayList<>();
        try (Scan scan = new Scan(csv)) {
            for (RegisterEntry entry = scan.next(); entry != null; entry = scan.next()) {
                entries.add(entry);
            }
            List<FieldProblem> problems = scan.problems();
            return new Result(problems.isEmpty() ? List.copyOf(entries) : List.of(), problems);
        }
    }

    /** The problems of a register file, keeping none of its rows: the first pass over a large import. */
    static List<FieldProblem> check(Reader csv) {
        try (Scan scan = new Scan(csv)) {
            while (scan.next() != null) {
                // Only the problems count here.
            }
            return scan.problems();
        }
    }

    /**
     * One pass over a register file, a row at a time, so a file of a hundred thousand rows is checked, and then
     * stored, without holding all its rows at once. Rows with problems are skipped; {@link #problems()} lists them
     * once the pass is at the end.
     */
    static final class Scan implements AutoCloseable {

        private final Problems problems = new Problems();
        private final Map<String, Long> firstLineOfId = new HashMap<>();
        private CSVParser parser;
        private Iterator<CSVRecord> records;
        private boolean anyRow;
        private boolean done;

        Scan(Reader csv) {
            try {
                parser = CSVParser.builder().setReader(csv).setFormat(FORMAT).get();
                records = parser.iterator();
                CSVRecord header = record();
                if (header == null) {
                    if (problems.isEmpty()) {
                        problems.add("file", "is empty: the first line must be the header (" + EXPECTED + ")");
                    }
                    done = true;
                    return;
                }
                List<String> names = new ArrayList<>(header.toList());
                names.set(0, names.get(0).replace(BYTE_ORDER_MARK, "").strip());
                checkHeader(names, problems);
                done = !problems.isEmpty();
            } catch (IOException | UncheckedIOException e) {
                problems.add("file", "is not valid CSV");
                done = true;
            }
        }

        /** The next row without problems, or null at the end of the file. */
        RegisterEntry next() {
            CSVRecord record;
            while (!done && (record = record()) != null) {
                long line = record.getRecordNumber();
                if (isBlank(record)) {
                    continue;
                }
                anyRow = true;
                if (record.size() != HEADER.size()) {
                    problems.add("line[" + line + "]", "must have " + HEADER.size() + " fields, has " + record.size());
                    continue;
                }
                String premisesId = record.get(0);
                Long earlier = PREMISES_ID.matcher(premisesId).matches()
                        ? firstLineOfId.putIfAbsent(premisesId, line) : null;
                RegisterEntry entry = new RowCheck(record, line, problems).entry();
                if (earlier != null) {
                    problems.add("line[" + line + "].premises_id", "repeats the premises of line " + earlier
                            + "; each premises must have one row");
                } else if (entry != null) {
                    return entry;
                }
            }
            if (!done && !anyRow && problems.isEmpty()) {
                problems.add("file", "has a header but no premises rows: it must contain at least one premises row");
            }
            done = true;
            return null;
        }

        /** Every problem found, once {@link #next()} has returned null. */
        List<FieldProblem> problems() {
            return problems.list();
        }

        /** The next record, or null at the end or where the CSV breaks (noted as a problem of that line). */
        private CSVRecord record() {
            try {
                return records.hasNext() ? records.next() : null;
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof CharacterCodingException) {
                    // The import decodes strictly and checks the encoding first; a reader that fails here anyway
                    // must not let the file pass as shorter than it is.
                    problems.add("encoding", "is not valid in the declared charset; save the file as UTF-8");
                } else {
                    // Commons CSV reports an unclosed quote at the end of the file: name the record it began.
                    problems.add("line[" + (parser.getRecordNumber() + 1) + "]",
                            "is not valid CSV (a quote is not closed)");
                }
                done = true;
                return null;
            }
        }

        @Override
        public void close() {
            try {
                if (parser != null) {
                    parser.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One problem per kind of fault, so the file's author sees at once whether columns are missing, extra or moved. */
    private static void checkHeader(List<String> names, Problems problems) {
        if (names.size() == 1 && names.get(0).contains(";")) {
            problems.add("header", "is separated by ';': save the file with commas (,) between the columns; " + EXPECTED);
            return;
        }
        List<String> repeated = names.stream().filter(name -> names.indexOf(name) != names.lastIndexOf(name))
                .distinct().toList();
        Set<String> missing = new LinkedHashSet<>(HEADER);
        missing.removeAll(names);
        Set<String> unknown = new LinkedHashSet<>(names);
        HEADER.forEach(unknown::remove);
        unknown.remove("");
        if (!repeated.isEmpty()) {
            problems.add("header", "names " + quoted(repeated) + " more than once; " + EXPECTED);
        }
        if (names.contains("")) {
            problems.add("header", "has a column without a name; " + EXPECTED);
        }
        if (!missing.isEmpty()) {
            problems.add("header", "lacks " + plural(missing.size(), "column") + " " + quoted(missing)
                    + (unknown.isEmpty() ? "" : " (renamed?)") + "; " + EXPECTED);
        }
        if (!unknown.isEmpty()) {
            problems.add("header", "has unknown " + plural(unknown.size(), "column") + " " + quoted(unknown)
                    + "; " + EXPECTED);
        }
        if (problems.isEmpty() && !names.equals(HEADER)) {
            int first = 0;
            while (names.get(first).equals(HEADER.get(first))) {
                first++;
            }
            problems.add("header", "has the right columns in another order: column " + (first + 1) + " must be '"
                    + HEADER.get(first) + "', is '" + names.get(first) + "'; " + EXPECTED);
        }
    }

    private static String quoted(Collection<String> names) {
        return String.join(", ", names.stream().map(name -> "'" + name + "'").toList());
    }

    private static String plural(int count, String noun) {
        return count == 1 ? noun : noun + "s";
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
            String premisesId = value("premises_id");
            if (premisesId == null) {
                problem("premises_id", "is required");
            } else if (!PREMISES_ID.matcher(premisesId).matches()) {
                problem("premises_id", "must be 1-64 letters, digits, '.', '_' or '-'");
            }
            String designation = text("property_designation", true);
            String street = text("street_address", true);
            String postalCode = postalCode();
            String city = text("city", true);
            if (city != null && !LETTER.matcher(city).find()) {
                problem("city", "must contain letters");
            }
            String landlord = text("landlord", true);
            String orgNumber = orgNumber();
            String tenantName = text("tenant_name", false);
            String industryCode = industryCode();
            LocalDate leaseStart = date("lease_start");
            LocalDate leaseEnd = date("lease_end");
            if (tenantName != null && value("lease_start") == null) {
                problem("lease_start", "is required when the premises have a tenant");
            }
            if ((value("tenant_org_number") != null || value("lease_start") != null) && value("tenant_name") == null) {
                problem("tenant_name", "is required when a tenant or lease is given");
            }
            if (value("lease_end") != null && value("lease_start") == null) {
                problem("lease_start", "is required when lease_end is given");
            }
            if (leaseStart != null && leaseEnd != null && leaseEnd.isBefore(leaseStart)) {
                problem("lease_end", "must not be before lease_start");
            }
            if (street != null && postalCode != null && AddressKey.of(street, postalCode).isEmpty()) {
                problem("street_address", "must contain letters or digits");
            }
            if (!valid) {
                return null;
            }
            return new RegisterEntry(premisesId, designation, street, postalCode, city, landlord, orgNumber,
                    tenantName, industryCode, leaseStart, leaseEnd);
        }

        private String value(String column) {
            String value = record.get(HEADER.indexOf(column));
            return value.isEmpty() ? null : value;
        }

        private String text(String column, boolean required) {
            String value = value(column);
            if (value == null) {
                if (required) {
                    problem(column, "is required");
                }
                return null;
            }
            int max = MAX_LENGTH.getOrDefault(column, 200);
            if (value.length() > max) {
                problem(column, "must be at most " + max + " characters");
                return null;
            }
            if (CONTROL.matcher(value).find()) {
                problem(column, "must be on one line, without tabs or control characters");
                return null;
            }
            return value;
        }

        private String postalCode() {
            String value = value("postal_code");
            if (value == null) {
                problem("postal_code", "is required");
                return null;
            }
            Matcher code = POSTAL_CODE.matcher(value);
            if (!code.matches()) {
                problem("postal_code", "must be a Swedish postal code (NNN NN)");
                return null;
            }
            return code.group(1) + " " + code.group(2);
        }

        private String orgNumber() {
            String value = value("tenant_org_number");
            if (value == null) {
                return null;
            }
            OrganisationNumbers.Checked checked = OrganisationNumbers.check(value);
            if (checked.problem() != null) {
                problem("tenant_org_number", checked.problem());
            }
            return checked.number();
        }

        private String industryCode() {
            String value = value("industry_code");
            if (value == null) {
                return null;
            }
            Matcher code = SNI_CODE.matcher(value);
            if (!code.matches()) {
                problem("industry_code", "must be an SNI 2007 code such as 96.040 (NN, NN.N, NN.NN or NN.NNN)");
                return null;
            }
            if (!SNI_DIVISIONS.contains(Integer.parseInt(code.group(1)))) {
                problem("industry_code", "is not an SNI 2007 code: there is no division " + code.group(1));
                return null;
            }
            String detail = code.group(2) != null ? code.group(2) : code.group(3);
            return detail == null ? code.group(1) : code.group(1) + "." + detail;
        }

        private LocalDate date(String column) {
            String value = value(column);
            if (value == null) {
                return null;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problem(column, "must be an ISO-8601 date (YYYY-MM-DD) that exists");
                return null;
            }
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                problem(column, "must be between " + EARLIEST + " and " + LATEST);
                return null;
            }
            return date;
        }

        private void problem(String column, String message) {
            valid = false;
            problems.add("line[" + line + "]." + column, message);
        }
    }

    private static Set<Integer> sniDivisions() {
        Set<Integer> divisions = new HashSet<>();
        for (int division = 1; division <= 99; division++) {
            divisions.add(division);
        }
        divisions.removeAll(List.of(4, 34, 40, 44, 48, 54, 57, 67, 76, 83, 89));
        return Set.copyOf(divisions);
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

        boolean isEmpty() {
            return listed.isEmpty();
        }

        List<FieldProblem> list() {
            List<FieldProblem> all = new ArrayList<>(listed);
            if (unlisted > 0) {
                all.add(new FieldProblem("file", unlisted + " more problems are not listed"));
            }
            return List.copyOf(all);
        }
    }
}
