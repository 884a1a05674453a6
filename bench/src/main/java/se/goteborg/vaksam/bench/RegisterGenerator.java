package se.goteborg.vaksam.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A synthetic lettings register of Göteborg in the contract's CSV layout, the same for the same seed: premises in
 * the city's districts with their streets and postal codes, property designations of the district's blocks, the
 * city's landlord companies and departments, tenants with fake but valid organisation numbers (Luhn check digit,
 * legal entities only), SNI 2007 codes with a few percent of massage and body care, some vacant premises and some
 * ended leases kept as history. Nothing in it is a real company.
 *
 * <p>Two uses. The demo register of the local run ({@code services/premises-risk/src/main/resources/demo/
 * lettings-register.csv}) is its hand-written first rows (GBG-L-0001 to GBG-L-0036, which tests name) followed by
 * generated rows on real streets; regenerate it from the repository root with
 * <pre>
 * ./mvnw -q -pl bench -am package -DskipTests
 * java -Dloader.main=se.goteborg.vaksam.bench.RegisterGenerator -jar bench/target/bench.jar \
 *     --keep=services/premises-risk/src/main/resources/demo/lettings-register.csv \
 *     --out=services/premises-risk/src/main/resources/demo/lettings-register.csv
 * </pre>
 * ({@code --keep} keeps the rows of the file numbered below {@code --first-id} and keeps generated premises away
 * from their addresses). {@link PremisesMatchBench} generates its 100,000 rows with {@code --bench}, which also uses
 * made-up streets, since Göteborg's real ones have too few house numbers for that many premises.
 */
public final class RegisterGenerator {

    static final String HEADER = "premises_id,property_designation,street_address,postal_code,city,landlord,"
            + "tenant_org_number,tenant_name,industry_code,lease_start,lease_end";
    static final long DEFAULT_SEED = 20_260_115L;
    static final int DEMO_ROWS = 520;
    /** Leases start and end before this day, so a regenerated file does not change with the calendar. */
    static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    static final String USAGE = """
            Usage: java -Dloader.main=se.goteborg.vaksam.bench.RegisterGenerator -jar bench/target/bench.jar [options]
            Writes a synthetic lettings register of Göteborg as CSV, the same for the same options.

              --rows=N          rows in all, kept rows included (default 520)
              --seed=N          (default 20260115)
              --id-prefix=TEXT  premises ids are the prefix and a number (default GBG-L-)
              --first-id=N      number of the first generated row (default 37)
              --keep=FILE       keep the rows of this register whose ids are numbered below --first-id
              --bench           also made-up streets, for registers of many thousand rows
              --out=FILE        (default: standard output)
              --help            this text
            """;

    private static final Pattern HOUSE = Pattern.compile("(.*\\D)\\s*(\\d+)\\s*([A-Za-z]?)");

    private final SplittableRandom random;
    private final boolean madeUpStreets;
    private final Set<String> usedAddresses = new HashSet<>();
    /** House numbers near which nothing new is put: street (lower case) → numbers of kept and tested premises. */
    private final Map<String, Set<Integer>> keepAwayFrom = new HashMap<>();
    private final List<Tenant> tenants = new ArrayList<>();
    private int nextOrgNumber;

    RegisterGenerator(long seed, boolean madeUpStreets) {
        this.random = new SplittableRandom(seed);
        this.madeUpStreets = madeUpStreets;
        // Addresses that tests submit tips about, expecting them to be outside the register or one premises only.
        for (String tested : List.of("Kungsgatan 1", "Drottninggatan 3", "Vasagatan 40", "Första Långgatan 20",
                "Södra Vägen 50", "Nils Ericsonsplatsen 4", "Kvarngatan 1", "Drottningtorget 5", "Skånegatan 3",
                "Andra Långgatan 8", "Avenyn 8")) {
            keepAway(tested);
        }
    }

    /** One row of the register; empty strings for what a row leaves empty. */
    record Row(String premisesId, String designation, String street, String postalCode, String city, String landlord,
               String orgNumber, String tenantName, String industryCode, LocalDate leaseStart, LocalDate leaseEnd) {

        String csv() {
            return String.join(",", List.of(premisesId, field(designation), field(street), postalCode, field(city),
                    field(landlord), orgNumber, field(tenantName), industryCode, date(leaseStart), date(leaseEnd)));
        }

        private static String field(String value) {
            return value.contains(",") || value.contains("\"")
                    ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
        }

        private static String date(LocalDate date) {
            return date == null ? "" : date.toString();
        }
    }

    private record Tenant(String name, String orgNumber, Industry industry) {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.print(USAGE);
                return;
            }
            if (arg.equals("--bench")) {
                options.put("bench", "true");
                continue;
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                System.err.println("expected --name=value, got '" + arg + "'");
                System.err.print(USAGE);
                System.exit(64);
            }
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        int rows = Integer.parseInt(options.getOrDefault("rows", Integer.toString(DEMO_ROWS)));
        long seed = Long.parseLong(options.getOrDefault("seed", Long.toString(DEFAULT_SEED)));
        String prefix = options.getOrDefault("id-prefix", "GBG-L-");
        int firstId = Integer.parseInt(options.getOrDefault("first-id", "37"));
        Path keep = options.containsKey("keep") ? Path.of(options.get("keep")) : null;
        String csv = register(rows, seed, options.containsKey("bench"), prefix, firstId, keep);
        if (options.containsKey("out")) {
            Files.writeString(Path.of(options.get("out")), csv, StandardCharsets.UTF_8);
        } else {
            PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            out.print(csv);
            out.flush();
        }
    }

    /** A register file of {@code rows} rows in all: the kept rows of {@code keep} (when not null), then generated ones. */
    static String register(int rows, long seed, boolean madeUpStreets, String prefix, int firstId, Path keep) {
        RegisterGenerator generator = new RegisterGenerator(seed, madeUpStreets);
        List<String> kept = keep == null ? List.of() : generator.keep(keep, prefix, firstId);
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        kept.forEach(line -> csv.append(line).append('\n'));
        generator.rows(rows - kept.size(), prefix, firstId, row -> csv.append(row.csv()).append('\n'));
        return csv.toString();
    }

    /** The lines of the register whose ids are numbered below {@code firstId}, as they are; their addresses are taken. */
    List<String> keep(Path register, String prefix, int firstId) {
        List<String> kept = new ArrayList<>();
        Pattern ownId = Pattern.compile(Pattern.quote(prefix) + "(\\d+),.*");
        try (BufferedReader reader = Files.newBufferedReader(register, StandardCharsets.UTF_8)) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                Matcher id = ownId.matcher(line);
                if (id.matches() && Integer.parseInt(id.group(1)) < firstId) {
                    kept.add(line);
                    // Hand-written rows have no quoted fields: the street is the third.
                    keepAway(line.split(",", -1)[2]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return kept;
    }

    private void keepAway(String streetAddress) {
        Matcher house = HOUSE.matcher(streetAddress);
        if (house.matches()) {
            keepAwayFrom.computeIfAbsent(house.group(1).strip().toLowerCase(Locale.ROOT), s -> new HashSet<>())
                    .add(Integer.parseInt(house.group(2)));
        }
    }

    /** Writes {@code count} generated rows numbered from {@code firstId}. */
    void rows(int count, String prefix, int firstId, Consumer<Row> sink) {
        int width = Math.max(4, Integer.toString(firstId + count).length());
        int number = firstId;
        int written = 0;
        while (written < count) {
            District district = pick(GothenburgData.DISTRICTS);
            Street street = street(district);
            String address = address(street);
            if (address == null) {
                continue;
            }
            String designation = district.area() + " " + (1 + random.nextInt(district.blocks())) + ":"
                    + (1 + random.nextInt(24));
            String landlord = pick(district.landlords());
            String id = prefix + zeroPadded(number++, width);
            double kind = random.nextDouble();
            if (kind < 0.08) {
                // Vacant.
                sink.accept(new Row(id, designation, address, street.postalCode(), district.city(), landlord,
                        "", "", "", null, null));
                written++;
                continue;
            }
            Tenant tenant = tenant(district);
            LocalDate start = TODAY.minusDays(30 + random.nextInt(365 * 18));
            LocalDate end = null;
            if (kind < 0.16) {
                // Ended; the premises are vacant now, the row kept as history.
                end = between(start.plusMonths(6), TODAY.minusDays(1));
            } else if (kind < 0.26) {
                // A fixed term still running.
                end = TODAY.plusDays(60 + random.nextInt(365 * 4));
            }
            if (kind >= 0.26 && kind < 0.30 && written + 1 < count) {
                // The previous lease at the same premises, ended before the present one began: two rows, one address.
                Tenant previous = tenant(district);
                LocalDate previousStart = start.minusYears(2 + random.nextInt(8));
                sink.accept(new Row(id, designation, address, street.postalCode(), district.city(), landlord,
                        previous.orgNumber(), previous.name(), previous.industry().code(), previousStart,
                        start.minusDays(1 + random.nextInt(90))));
                written++;
                id = prefix + zeroPadded(number++, width);
            }
            sink.accept(new Row(id, designation, address, street.postalCode(), district.city(), landlord,
                    tenant.orgNumber(), tenant.name(), tenant.industry().code(), start, end));
            written++;
        }
    }

    private Street street(District district) {
        if (madeUpStreets && random.nextInt(4) > 0) {
            String name = pick(GothenburgData.STREET_STEMS) + pick(GothenburgData.STREET_ENDINGS);
            return new Street(name, pick(district.streets()).postalCode(), 250);
        }
        return pick(district.streets());
    }

    /** A free address on the street, or null when the try hit a taken one or one too near a kept or tested one. */
    private String address(Street street) {
        int number = 1 + random.nextInt(street.maxNumber());
        Set<Integer> near = keepAwayFrom.getOrDefault(street.name().toLowerCase(Locale.ROOT), Set.of());
        for (int kept : near) {
            if (Math.abs(kept - number) <= 10) {
                return null;
            }
        }
        String letter = random.nextInt(12) == 0 ? String.valueOf((char) ('A' + random.nextInt(3))) : "";
        String address = street.name() + " " + number + letter;
        return usedAddresses.add(address.toLowerCase(Locale.ROOT) + "|" + street.postalCode()) ? address : null;
    }

    /** A new tenant mostly; sometimes one that already rents elsewhere (a chain, or a second salon). */
    private Tenant tenant(District district) {
        if (!tenants.isEmpty() && random.nextInt(20) == 0) {
            return tenants.get(random.nextInt(tenants.size()));
        }
        Industry industry = pickWeighted();
        String name = pick(industry.names())
                .replace("{place}", pick(district.places()))
                .replace("{word}", pick(GothenburgData.WORDS));
        String form = industry.association() ? "" : random.nextInt(10) == 0 ? " HB" : " AB";
        String code = random.nextInt(50) == 0 && !industry.code().startsWith("96.04") ? "" : industry.code();
        Tenant tenant = new Tenant(name + form, orgNumber(industry.association() ? "802" : form.equals(" HB")
                ? "969" : "559"), new Industry(code, industry.weight(), industry.names(), industry.association()));
        tenants.add(tenant);
        return tenant;
    }

    /** Fake but valid: the group digits of the legal form, a running number, and the Luhn check digit. */
    private String orgNumber(String group) {
        String nine = group + String.format(Locale.ROOT, "%06d", 100_000 + nextOrgNumber++ * 7 % 900_000);
        return nine.substring(0, 6) + "-" + nine.substring(6) + luhnCheckDigit(nine);
    }

    static int luhnCheckDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < nineDigits.length(); i++) {
            int digit = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += digit > 9 ? digit - 9 : digit;
        }
        return (10 - sum % 10) % 10;
    }

    private Industry pickWeighted() {
        int total = GothenburgData.INDUSTRIES.stream().mapToInt(Industry::weight).sum();
        int at = random.nextInt(total);
        for (Industry industry : GothenburgData.INDUSTRIES) {
            at -= industry.weight();
            if (at < 0) {
                return industry;
            }
        }
        throw new IllegalStateException("weights");
    }

    private LocalDate between(LocalDate from, LocalDate to) {
        if (!from.isBefore(to)) {
            return to;
        }
        return from.plusDays(random.nextLong(to.toEpochDay() - from.toEpochDay()));
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static String zeroPadded(int number, int width) {
        String digits = Integer.toString(number);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    /** {@code count} generated rows numbered from 1, on real and made-up streets: the benchmark's register. */
    static List<Row> benchRows(int count, long seed, String prefix) {
        List<Row> rows = new ArrayList<>(count);
        new RegisterGenerator(seed, true).rows(count, prefix, 1, rows::add);
        return rows;
    }

    /** The register file of these rows. */
    static void write(Writer out, List<Row> rows) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (Row row : rows) {
            out.write(row.csv());
            out.write('\n');
        }
    }

    record Street(String name, String postalCode, int maxNumber) {
    }

    record District(String area, int blocks, String city, List<Street> streets, List<String> landlords,
                    List<String> places) {
    }

    /** An SNI 2007 code, how often it comes (per thousand tenants) and name patterns of its tenants. */
    record Industry(String code, int weight, List<String> names, boolean association) {
    }
}
