package se.goteborg.vaksam.intake;

import static se.goteborg.vaksam.intake.Bodies.REMOVE;
import static se.goteborg.vaksam.intake.Bodies.with;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.http.HttpMethod;

/**
 * The hostile-input suite's requests: every one breaks the public contract of {@code POST /api/v1/tips/hotel} and
 * {@code /taxi} (or of the receipt look-up) in one way, starting from a valid tip, so that only that one thing can be
 * why it is refused. Names say what is wrong, which is what a failing case reports.
 */
final class HostileCases {

    static final String HOTEL = "/api/v1/tips/hotel";
    static final String TAXI = "/api/v1/tips/taxi";

    /** The contract's limits (TipValidator), restated: the suite checks the contract, not the code. */
    private static final Map<String, Integer> LIMITS = new LinkedHashMap<>();

    static {
        LIMITS.put("description", 4000);
        LIMITS.put("reporterContact", 200);
        LIMITS.put("premises.name", 200);
        LIMITS.put("premises.streetAddress", 200);
        LIMITS.put("premises.city", 100);
        LIMITS.put("premises.room", 20);
        LIMITS.put("trip.pickup.address", 200);
        LIMITS.put("trip.dropoff.address", 200);
        LIMITS.put("trip.vehicleRef", 20);
    }

    private static final int MAX_INDICATORS = 40;
    private static final int BODY_LIMIT = 64 * 1024;
    private static final int ONE_MB = 1024 * 1024;

    private static final List<String> HOTEL_INDICATORS = List.of("PAID_CASH_OR_PREPAID", "SHORT_OR_HOURLY_STAY",
            "SEVERAL_ROOMS_ONE_BOOKER", "LOCAL_ADDRESS_GUEST", "BOOKER_NOT_OCCUPANT", "VISITOR_ASKS_ROOM_WITHOUT_NAME",
            "NO_ID_OR_LUGGAGE", "ASKS_ISOLATED_ROOM", "ASKS_ADULT_SERVICES", "SIDE_ENTRANCES", "MANY_VISITORS_TO_ROOM",
            "YOUNG_PERSON_WITH_OLDER_ADULT", "SOMEONE_SPEAKS_FOR_PERSON", "DO_NOT_DISTURB_FOR_DAYS",
            "REFUSES_CLEANING_WANTS_LINEN", "CONDOMS_LUBRICANT_CASH", "MANY_PHONES_OR_CARD_READERS",
            "MORE_PEOPLE_THAN_BEDS", "CHILD_ITEMS_NO_CHILD_REGISTERED", "STREAM_OF_MEN", "LOOKOUTS_IN_CORRIDOR");
    private static final List<String> TAXI_INDICATORS = List.of("REPEATED_TRIPS_HOTELS_ADDRESSES",
            "PAID_OR_BOOKED_BY_OTHER", "DOES_NOT_KNOW_DESTINATION", "NO_OWN_ID_OR_MONEY", "COMPANION_CONTROLS",
            "FEARFUL_OR_DRUGGED", "VISIBLE_INJURIES_OR_BRANDING", "SEX_TRADE_TERMS", "OFFERS_SEX_FOR_RIDE",
            "MINOR_WITHOUT_GUARDIAN");

    private final String bearer;
    private final Instant now;
    private final List<HostileCase> cases = new ArrayList<>();
    private int turn;
    /** Literal JSON tokens (NaN, 1e309) that no serialiser writes: put in as a marker string, swapped in after. */
    private final Map<String, String> rawTokens = new LinkedHashMap<>();

    private HostileCases(String memberKey, Instant now) {
        this.bearer = "Bearer " + memberKey;
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * @param memberKey an active member's key: every case is authenticated unless the case is about the key
     * @param keyOf     keys of a revoked and of a suspended member, by status
     */
    static List<HostileCase> all(String memberKey, Map<String, String> keyOf, Instant now) {
        HostileCases all = new HostileCases(memberKey, now);
        all.missingAndNull();
        all.wrongTypes();
        all.oversized();
        all.indicators();
        all.enumerations();
        all.injection();
        all.controlCharacters();
        all.invalidUtf8();
        all.numbers();
        all.dates();
        all.contentTypes();
        all.malformedJson();
        all.memberKeys(keyOf);
        all.idempotencyKeys();
        all.methodsAndPaths();
        all.receipts();
        all.answers();
        return List.copyOf(all.cases);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Valid tips, and one thing changed

    Map<String, Object> hotelTip() {
        return with(IntakeTestSupport.hotelTip(), "observedAt", now.minus(Duration.ofMinutes(10)).toString());
    }

    Map<String, Object> taxiTip() {
        Instant pickup = now.minus(Duration.ofMinutes(30));
        return with(with(with(IntakeTestSupport.taxiTip(), "observedAt", pickup.plusSeconds(300).toString()),
                        "trip.pickup", Map.of("address", "Nils Ericsonsplatsen 4", "time", pickup.toString())),
                "trip.dropoff", Map.of("address", "Mässans gata 24", "time", pickup.plusSeconds(900).toString()));
    }

    private Map<String, Object> tipFor(String path) {
        return path.equals(HOTEL) ? hotelTip() : taxiTip();
    }

    private static String channel(String path) {
        return path.equals(HOTEL) ? "hotel" : "taxi";
    }

    /** The channel with this field; fields of both take turns, so both are covered without doubling the suite. */
    private List<String> paths(String field) {
        if (field.startsWith("premises")) {
            return List.of(HOTEL);
        }
        if (field.startsWith("trip")) {
            return List.of(TAXI);
        }
        return List.of(turn++ % 2 == 0 ? HOTEL : TAXI);
    }

    private Object raw(String token) {
        String marker = "@@raw-" + rawTokens.size() + "@@";
        rawTokens.put(marker, token);
        return marker;
    }

    private String json(Map<String, Object> body) {
        String json = Bodies.json(body);
        for (var token : rawTokens.entrySet()) {
            json = json.replace("\"" + token.getKey() + "\"", token.getValue());
        }
        return escapeLoneSurrogates(json);
    }

    /** A lone surrogate has no UTF-8 form; in JSON it can only be sent as an escape, which is how it is sent here. */
    private static String escapeLoneSurrogates(String json) {
        StringBuilder escaped = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < json.length()
                    && Character.isLowSurrogate(json.charAt(i + 1));
            if (pair) {
                escaped.append(c).append(json.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private String changed(String path, String field, Object value) {
        return json(with(tipFor(path), field, value));
    }

    private void add(String name, String path, String body, int status, String field) {
        cases.add(HostileCase.post(channel(path) + ": " + name, path, bearer, body, status, field));
    }

    private void add(HostileCase hostile) {
        cases.add(hostile);
    }

    /** A field set to a value, on a channel that has the field: 400 naming the field. */
    private void field(String field, String what, Object value) {
        field(field, what, value, field);
    }

    private void field(String field, String what, Object value, String named) {
        for (String path : paths(field)) {
            add(field + " " + what, path, changed(path, field, value), 400, named);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void missingAndNull() {
        for (String field : List.of("observedAt", "indicators", "suspectedMinor", "immediateDanger", "exploitationType",
                "premises", "premises.name", "premises.streetAddress", "premises.postalCode", "premises.city",
                "trip", "trip.pickup", "trip.dropoff", "trip.pickup.address", "trip.dropoff.address")) {
            field(field, "missing", REMOVE);
            field(field, "null", null);
        }
        for (String field : List.of("observedAt", "suspectedMinor", "exploitationType", "premises.name",
                "premises.streetAddress", "premises.postalCode", "premises.city", "trip.pickup.address")) {
            field(field, "empty", "");
            field(field, "blank", " \t ");
        }
        for (String path : List.of(HOTEL, TAXI)) {
            add("no indicator and no description", path,
                    json(with(with(tipFor(path), "indicators", List.of()), "description", REMOVE)), 400, "indicators");
            add("no indicator and a blank description", path,
                    json(with(with(tipFor(path), "indicators", List.of()), "description", "  \n\t ")), 400,
                    "indicators");
        }
        add("empty object", HOTEL, "{}", 400, "observedAt");
        add("empty object", TAXI, "{}", 400, "trip");
        add("empty premises object", HOTEL, changed(HOTEL, "premises", Map.of()), 400, "premises.name");
        add("empty trip object", TAXI, changed(TAXI, "trip", Map.of()), 400, "trip.pickup");
        add("empty pickup object", TAXI, changed(TAXI, "trip.pickup", Map.of()), 400, "trip.pickup.address");
    }

    private void wrongTypes() {
        List<String> textFields = List.of("observedAt", "suspectedMinor", "exploitationType", "description",
                "reporterContact", "premises.name", "premises.streetAddress", "premises.postalCode", "premises.city",
                "premises.room", "trip.pickup.address", "trip.pickup.time", "trip.dropoff.address",
                "trip.dropoff.time", "trip.vehicleRef");
        for (String field : textFields) {
            field(field, "as a number", 42);
            field(field, "as a boolean", true);
            field(field, "as an array", List.of("x"));
            field(field, "as an object", Map.of("x", 1));
        }
        field("observedAt", "as a decimal number", new BigDecimal("1764270000.5"));
        field("description", "as a negative number", -1);

        for (Object value : List.of("true", "false", 1, 0, "yes", List.of(true), Map.of())) {
            field("immediateDanger", "as " + Bodies.json(value), value);
        }
        field("indicators", "as a single code", "BOOKER_NOT_OCCUPANT");
        field("indicators", "as a comma-separated text", "BOOKER_NOT_OCCUPANT,STREAM_OF_MEN");
        field("indicators", "as a number", 42);
        field("indicators", "as a boolean", true);
        field("indicators", "as an object", Map.of("0", "BOOKER_NOT_OCCUPANT"));
        field("indicators", "with a number", List.of(42), "indicators[0]");
        field("indicators", "with null", Arrays.asList((Object) null), "indicators[0]");
        field("indicators", "with a nested array", List.of(List.of("BOOKER_NOT_OCCUPANT")), null);
        field("indicators", "with an object", List.of(Map.of("code", "BOOKER_NOT_OCCUPANT")), "indicators[0]");
        field("indicators", "with a boolean", List.of(true), "indicators[0]");

        for (String container : List.of("premises", "trip", "trip.pickup", "trip.dropoff")) {
            field(container, "as text", "Drottningtorget 5");
            field(container, "as an array", List.of(Map.of("name", "x")));
            field(container, "as a number", 1);
        }
        field("premises", "as a boolean", true);
        field("trip", "as a boolean", true);
    }

    private void oversized() {
        for (var limit : LIMITS.entrySet()) {
            String field = limit.getKey();
            int max = limit.getValue();
            field(field, "one character over " + max, "x".repeat(max + 1));
            // Counted in code points: one emoji is two UTF-16 units, so a UTF-16 count would let half as many through.
            field(field, "one emoji over " + max, "😀".repeat(max + 1));
        }
        field("description", "one Swedish letter over 4000 with line breaks",
                ("åäö\n".repeat(1000) + "ö"));
        field("premises.postalCode", "of 100 digits", "4".repeat(100));

        for (String field : List.of("description", "reporterContact", "premises.name", "premises.room",
                "observedAt", "trip.pickup.address", "trip.vehicleRef")) {
            for (String path : paths(field)) {
                add(field + " of 1 MB", path, changed(path, field, "x".repeat(ONE_MB)), 413, null);
            }
        }
        add("description of 1 MB sent chunked", HOTEL, null, 413, null);
        replaceLastBody(changed(HOTEL, "description", "y".repeat(ONE_MB)));
        cases.set(cases.size() - 1, cases.get(cases.size() - 1).chunkedBody());
        add("body of 1 MB of whitespace sent chunked", TAXI, null, 413, null);
        replaceLastBody(" ".repeat(ONE_MB) + json(taxiTip()));
        cases.set(cases.size() - 1, cases.get(cases.size() - 1).chunkedBody());
        add("body one byte over the limit", HOTEL, padTo(json(hotelTip()), BODY_LIMIT + 1), 413, null);
        add("body one byte over the limit", TAXI, padTo(json(taxiTip()), BODY_LIMIT + 1), 413, null);
        add("body one byte over the limit sent chunked", HOTEL, padTo(json(hotelTip()), BODY_LIMIT + 1), 413, null);
        cases.set(cases.size() - 1, cases.get(cases.size() - 1).chunkedBody());
        add("body of 1 MB in an unknown field", HOTEL, changed(HOTEL, "padding", "z".repeat(ONE_MB)), 413, null);
        add("10,000 indicators", HOTEL, changed(HOTEL, "indicators", Collections.nCopies(10_000, "STREAM_OF_MEN")),
                413, null);
    }

    private void replaceLastBody(String body) {
        cases.set(cases.size() - 1, cases.get(cases.size() - 1).withBody(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** A valid body padded with trailing whitespace to exactly {@code size} bytes. */
    private static String padTo(String json, int size) {
        return json + " ".repeat(size - json.getBytes(StandardCharsets.UTF_8).length);
    }

    private void indicators() {
        for (String path : List.of(HOTEL, TAXI)) {
            List<String> own = path.equals(HOTEL) ? HOTEL_INDICATORS : TAXI_INDICATORS;
            add(MAX_INDICATORS + 1 + " indicators, each code repeated", path, changed(path, "indicators",
                    Stream.generate(() -> own).flatMap(List::stream).limit(MAX_INDICATORS + 1).toList()), 400,
                    "indicators");
            add(MAX_INDICATORS + 1 + " copies of one indicator", path,
                    changed(path, "indicators", Collections.nCopies(MAX_INDICATORS + 1, own.get(0))), 400,
                    "indicators");
            add("1,000 copies of one indicator", path,
                    changed(path, "indicators", Collections.nCopies(1000, own.get(0))), 400, "indicators");
            add(MAX_INDICATORS + " indicators of which the last is unknown", path, changed(path, "indicators",
                    Stream.concat(Collections.nCopies(MAX_INDICATORS - 1, own.get(0)).stream(), Stream.of("NOPE"))
                            .toList()), 400, "indicators[39]");
        }
        for (String code : List.of("NOT_IN_THE_CATALOGUE", "booker_not_occupant", "Booker_Not_Occupant",
                "BOOKER_NOT_OCCUPANT ", " BOOKER_NOT_OCCUPANT", "BOOKER-NOT-OCCUPANT", "BOOKER_NОT_OCCUPANT",
                "ＢＯＯＫＥＲ＿ＮＯＴ＿ＯＣＣＵＰＡＮＴ", "BOOKER_NOT_OCCUPANT\u0000", "", " ", "*", "0", "4",
                "CONTROL", "BOOKER_NOT_OCCUPANT; DROP TABLE tips", "BOOKER_NOT_OCCUPANT' OR '1'='1",
                "{\"$ne\":null}", "<script>alert(1)</script>", "X".repeat(10_000))) {
            String shown = code.length() > 40 ? "a code of " + code.length() + " letters" : Bodies.json(code);
            add("unknown indicator " + shown, HOTEL,
                    changed(HOTEL, "indicators", List.of("STREAM_OF_MEN", code)), 400, "indicators[1]");
        }
        for (String code : List.of("not_a_code", "companion_controls", "COMPANION CONTROLS", "SEX_TRADE_TERMS\n",
                "$where")) {
            add("unknown indicator " + Bodies.json(code), TAXI, changed(TAXI, "indicators", List.of(code)), 400,
                    "indicators[0]");
        }
        for (String code : TAXI_INDICATORS) {
            add("taxi indicator " + code, HOTEL, changed(HOTEL, "indicators", List.of("STREAM_OF_MEN", code)), 400,
                    "indicators[1]");
        }
        for (String code : HOTEL_INDICATORS) {
            add("hotel indicator " + code, TAXI, changed(TAXI, "indicators", List.of(code)), 400, "indicators[0]");
        }
    }

    private void enumerations() {
        for (String value : List.of("yes", "Yes", "YES ", " YES", "YES\u0000", "YES; DROP TABLE tips",
                "YES' OR '1'='1", "MAYBE", "ＹＥＳ", "0", "2", "TRUE", "YES|NO", "YES,NO", "\"YES\"")) {
            field("suspectedMinor", Bodies.json(value), value);
        }
        for (String value : List.of("sexual", "Sexual", "SEXUAL ", "SEXUAL; DROP", "OTHER", "0", "4",
                "SEXUAL\nLABOUR", "UNKNOWN\u200b", "\u0000")) {
            field("exploitationType", Bodies.json(value), value);
        }
        field("suspectedMinor", "as an array of values", List.of("YES"));
    }

    private void injection() {
        Map<String, Object> neNull = new LinkedHashMap<>();
        neNull.put("$ne", null);
        for (String field : List.of("observedAt", "suspectedMinor", "exploitationType", "description",
                "reporterContact", "premises.name", "premises.postalCode", "premises.city", "trip.pickup.address",
                "trip.vehicleRef")) {
            field(field, "as {\"$ne\":null}", neNull);
        }
        field("premises.name", "as {\"$gt\":\"\"}", Map.of("$gt", ""));
        field("premises.room", "as {\"$where\":…}", Map.of("$where", "sleep(5000) || true"));
        field("immediateDanger", "as {\"$ne\":false}", Map.of("$ne", false));
        field("trip.passengers", "as {\"$gt\":0}", Map.of("$gt", 0));
        field("indicators", "as {\"$in\":[…]}", Map.of("$in", List.of("STREAM_OF_MEN")));
        field("premises", "as {\"$where\":\"1\"}", Map.of("$where", "1"), "premises.$where");
        field("trip", "as {\"$ne\":null}", neNull, "trip.$ne");
        field("description", "as {\"$regex\":\".*\"}", Map.of("$regex", ".*"));
        field("observedAt", "as {\"$date\":…}", Map.of("$date", "2026-11-27T19:30:00Z"));
        field("trip.pickup.time", "as {\"$date\":…}", Map.of("$date", 1764270000000L));
        field("premises.name", "as a BSON-like binary", Map.of("$binary", Map.of("base64", "AA==", "subType", "00")));

        for (String key : List.of("$where", "$set", "$unset", "$ne", "_id", "__proto__", "constructor", "@class",
                "premises.name", "a.b", "memberId", "status", "receiptCode", "outbox", "channel", "submittedAt",
                "sealedDetails", "clientAddress", "userAgent")) {
            for (String path : List.of(HOTEL, TAXI)) {
                if (key.equals("premises.name") && path.equals(TAXI)) {
                    continue;
                }
                Map<String, Object> body = new LinkedHashMap<>(tipFor(path));
                body.put(key, "x");
                add("extra field " + Bodies.json(key), path, json(body), 400, key);
            }
        }
        add("extra field \"$where\" inside premises", HOTEL, changed(HOTEL, "premises.$where", "1"), 400,
                "premises.$where");
        add("extra field \"a.b\" inside premises", HOTEL, null, 400, "premises.a.b");
        replaceLastBody(json(hotelTip()).replace("\"premises\":{", "\"premises\":{\"a.b\":\"1\","));
        add("extra field \"$where\" inside the trip", TAXI, changed(TAXI, "trip.$where", "1"), 400, "trip.$where");
        add("extra field \"$ne\" inside the pickup", TAXI, changed(TAXI, "trip.pickup.$ne", "1"), 400,
                "trip.pickup.$ne");
        add("trip on a hotel tip", HOTEL, json(with(hotelTip(), "trip", taxiTip().get("trip"))), 400, "trip");
        add("premises on a taxi tip", TAXI, json(with(taxiTip(), "premises", hotelTip().get("premises"))), 400,
                "premises");

        field("premises.name", "with a script tag and a line break", "<script>alert(1)</script>\nHotell");
        field("premises.room", "as an image tag over 20 characters", "<img src=x onerror=alert(1)>");
        field("trip.vehicleRef", "as an SVG tag over 20 characters", "<svg/onload=alert(1)//>");
        field("premises.postalCode", "as a script tag", "<script>");
        field("premises.postalCode", "with SQL", "41103' OR 1=1--");
        field("premises.postalCode", "with a statement", "41103; DROP TABLE tips");
        field("observedAt", "as a script tag", "<script>alert(1)</script>");
        field("reporterContact", "as a script tag with an escape character", "<script>\u001b[2J</script>");
        field("premises.city", "with a template injection and a NUL", "${jndi:ldap://x/a}\u0000");
        for (String value : List.of("4110", "411033", "abcde", "41 103", "411\u00a003", "٤١١٠٣", "4110\u00003",
                "-4110", "41103 41103")) {
            field("premises.postalCode", Bodies.json(value), value);
        }
    }

    private void controlCharacters() {
        List<String> singleLine = List.of("reporterContact", "premises.name", "premises.streetAddress",
                "premises.city", "premises.room", "trip.pickup.address", "trip.dropoff.address", "trip.vehicleRef");
        Map<String, String> common = new LinkedHashMap<>();
        common.put("NUL", "\u0000");
        common.put("BEL", "\u0007");
        common.put("ESC", "\u001b");
        common.put("a line feed", "\n");
        common.put("a carriage return", "\r");
        common.put("a line separator U+2028", "\u2028");
        common.put("a lone surrogate \\ud800", "\ud800");
        for (String field : singleLine) {
            for (var c : common.entrySet()) {
                field(field, "with " + c.getKey(), "Ab" + c.getValue() + "cd");
            }
        }
        Map<String, String> more = new LinkedHashMap<>();
        more.put("a tab", "\t");
        more.put("DEL", "\u007f");
        more.put("NEL U+0085", "\u0085");
        more.put("a vertical tab", "\u000b");
        more.put("a form feed", "\u000c");
        more.put("a paragraph separator U+2029", "\u2029");
        more.put("a right-to-left override U+202E", "\u202e");
        more.put("a left-to-right isolate U+2066", "\u2066");
        more.put("a lone low surrogate \\udfff", "\udfff");
        more.put("a high surrogate at the end", "\ud83d");
        more.put("surrogates in the wrong order", "\ude00\ud83d");
        more.put("CSI", "\u009b");
        for (var c : more.entrySet()) {
            field("premises.name", "with " + c.getKey(), "Hotell" + c.getValue() + "Canaria");
        }
        field("trip.vehicleRef", "with a tab", "ABC\t123");
        Map<String, String> multiLine = new LinkedHashMap<>();
        multiLine.put("NUL", "\u0000");
        multiLine.put("BEL", "\u0007");
        multiLine.put("ESC", "\u001b");
        multiLine.put("DEL", "\u007f");
        multiLine.put("a vertical tab", "\u000b");
        multiLine.put("a backspace", "\b");
        multiLine.put("a lone surrogate \\ud800", "\ud800");
        multiLine.put("a lone low surrogate \\udc00", "\udc00");
        for (var c : multiLine.entrySet()) {
            field("description", "with " + c.getKey(), "Line one\n" + c.getValue() + "line two");
        }
        field("observedAt", "with a NUL", now.minusSeconds(600) + "\u0000");
        field("observedAt", "with a lone surrogate", now.minusSeconds(600) + "\ud800");
    }

    /** Bytes that are not UTF-8, inside an otherwise valid tip's description. */
    private void invalidUtf8() {
        Map<String, String> sequences = new LinkedHashMap<>();
        sequences.put("an overlong slash C0 AF", "c0af");
        sequences.put("an overlong NUL C0 80", "c080");
        sequences.put("an overlong 3-byte slash E0 80 AF", "e080af");
        sequences.put("an overlong 4-byte slash F0 80 80 AF", "f08080af");
        sequences.put("a lone continuation byte 80", "80");
        sequences.put("a lone continuation byte BF", "bf");
        sequences.put("a truncated 2-byte sequence C3", "c3");
        sequences.put("a truncated 3-byte sequence E2 82", "e282");
        sequences.put("a truncated 4-byte sequence F0 9F 98", "f09f98");
        sequences.put("a UTF-8-encoded high surrogate ED A0 80", "eda080");
        sequences.put("a UTF-8-encoded low surrogate ED BF BF", "edbfbf");
        sequences.put("an encoded surrogate pair ED A0 BD ED B8 80", "eda0bdedb880");
        sequences.put("a code point above U+10FFFF F4 90 80 80", "f4908080");
        sequences.put("a lead byte F5", "f5808080");
        sequences.put("a 5-byte lead F8", "f888808080");
        sequences.put("byte FE", "fe");
        sequences.put("byte FF", "ff");
        sequences.put("Latin-1 ö (F6)", "f6");
        for (var sequence : sequences.entrySet()) {
            for (String path : List.of(HOTEL, TAXI)) {
                if (path.equals(TAXI) && sequences.keySet().stream().toList().indexOf(sequence.getKey()) % 3 != 0) {
                    continue;
                }
                String body = changed(path, "description", "@@bytes@@");
                add("description with " + sequence.getKey(), path, null, 400, null);
                replaceLastBody(splice(body, "@@bytes@@", HexFormat.of().parseHex(sequence.getValue())));
            }
        }
        add("room with a lone continuation byte", HOTEL, null, 400, null);
        replaceLastBody(splice(changed(HOTEL, "premises.room", "4@@bytes@@12"), "@@bytes@@",
                HexFormat.of().parseHex("80")));
        add("an invalid byte between fields", HOTEL, null, 400, null);
        replaceLastBody(splice(json(hotelTip()).replaceFirst(",", ",@@bytes@@"), "@@bytes@@",
                HexFormat.of().parseHex("ff")));
        for (var encoding : List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16,
                Charset.forName("UTF-32"))) {
            add("body encoded as " + encoding.name(), HOTEL, null, 0, null);
            replaceLastBody(json(hotelTip()), encoding);
        }
        add("body encoded as Latin-1 with å and ö", HOTEL, null, 400, null);
        replaceLastBody(json(hotelTip()), StandardCharsets.ISO_8859_1);
        add("UTF-8 BOM before a broken body", HOTEL, null, 400, null);
        replaceLastBody("\ufeff{\"observedAt\":");
        add("two UTF-8 BOMs before a valid body", HOTEL, null, 400, null);
        replaceLastBody("\ufeff\ufeff" + json(hotelTip()));
    }

    private void replaceLastBody(String text, Charset charset) {
        cases.set(cases.size() - 1, cases.get(cases.size() - 1).withBody(text.getBytes(charset)));
    }

    private void replaceLastBody(byte[] bytes) {
        cases.set(cases.size() - 1, cases.get(cases.size() - 1).withBody(bytes));
    }

    private static byte[] splice(String text, String marker, byte[] bytes) {
        int at = text.indexOf(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(text.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private void numbers() {
        Map<String, Object> passengers = new LinkedHashMap<>();
        passengers.put("1e309", raw("1e309"));
        passengers.put("-1e309", raw("-1e309"));
        passengers.put("99999999999999999999", new BigInteger("99999999999999999999"));
        passengers.put("2147483648", 2_147_483_648L);
        passengers.put("-2147483649", -2_147_483_649L);
        passengers.put("-1", -1);
        passengers.put("0", 0);
        passengers.put("-0", raw("-0"));
        passengers.put("21", 21);
        passengers.put("1000", 1000);
        passengers.put("1.5", new BigDecimal("1.5"));
        passengers.put("2.0", raw("2.0"));
        passengers.put("1e1", raw("1e1"));
        passengers.put("0.0001", new BigDecimal("0.0001"));
        passengers.put("\"2\"", "2");
        passengers.put("\"NaN\"", "NaN");
        passengers.put("\"Infinity\"", "Infinity");
        passengers.put("\"\"", "");
        passengers.put("true", true);
        passengers.put("[2]", List.of(2));
        passengers.put("{}", Map.of());
        for (var value : passengers.entrySet()) {
            add("trip.passengers " + value.getKey(), TAXI, changed(TAXI, "trip.passengers", value.getValue()), 400,
                    "trip.passengers");
        }
        add("trip.passengers a number of 2,000 digits", TAXI,
                changed(TAXI, "trip.passengers", raw("9".repeat(2000))), 400, null);
        for (String literal : List.of("NaN", "Infinity", "-Infinity", "0x10", "007", "+2", ".5", "2.", "1e", "--1")) {
            add("trip.passengers as the bare token " + literal, TAXI,
                    changed(TAXI, "trip.passengers", raw(literal)), 400, null);
        }
        field("immediateDanger", "as 1e309", raw("1e309"));
        field("immediateDanger", "as NaN", raw("NaN"), null);
    }

    private void dates() {
        ZoneId stockholm = ZoneId.of("Europe/Stockholm");
        Map<String, Object> times = new LinkedHashMap<>();
        times.put("on 30 February", "2026-02-30T10:00:00Z");
        times.put("at 24:61", "2026-11-27T24:61");
        times.put("in month 13", "2026-13-01T10:00");
        times.put("in month 0", "2026-00-10T10:00");
        times.put("on day 32", "2026-01-32T10:00");
        times.put("at second 61", "2026-11-27T10:00:61Z");
        times.put("in year 0", "0000-01-01T00:00:00Z");
        times.put("in year +999999999", "+999999999-12-31T23:59:59Z");
        times.put("in year -999999999", "-999999999-01-01T00:00:00Z");
        times.put("in 2099", "2099-01-01T00:00:00Z");
        times.put("tomorrow", now.plus(Duration.ofDays(1)).toString());
        times.put("ten minutes ahead", now.plus(Duration.ofMinutes(10)).toString());
        times.put("366 days ago", now.minus(Duration.ofDays(366)).toString());
        times.put("in 1970", "1970-01-01T00:00:00Z");
        times.put("ahead in local time", LocalDateTime.ofInstant(now.plus(Duration.ofHours(2)), stockholm)
                .truncatedTo(ChronoUnit.MINUTES).toString());
        times.put("as epoch seconds in text", String.valueOf(now.getEpochSecond()));
        times.put("as epoch milliseconds in text", String.valueOf(now.toEpochMilli()));
        times.put("as a date without time", "2026-11-27");
        times.put("as a time without date", "19:30");
        times.put("in Swedish notation", "27/11/2026 19:30");
        times.put("with a space for T", "2026-11-27 19:30:00");
        times.put("as an ISO week date", "2026-W48-5T19:30");
        times.put("as an ISO ordinal date", "2026-331T19:30");
        times.put("with offset +25:00", "2026-11-27T19:30:00+25:00");
        times.put("with an unknown zone", "2026-11-27T19:30:00+01:00[Mars/Olympus_Mons]");
        times.put("with ten fraction digits", "2026-11-27T19:30:00.0000000001Z");
        times.put("as RFC 1123", "Fri, 27 Nov 2026 19:30:00 GMT");
        times.put("as \"now\"", "now");
        times.put("as \"yesterday\"", "yesterday");
        times.put("as -1 in text", "-1");
        times.put("with a trailing Z twice", now.minusSeconds(600) + "Z");
        times.put("with an ISO interval", "2026-11-27T19:00/2026-11-27T19:30");
        times.put("in full-width digits", "２０２６-１１-２７T１９:３０");
        for (var time : times.entrySet()) {
            field("observedAt", time.getKey(), time.getValue());
        }
        field("observedAt", "as epoch seconds", now.getEpochSecond());
        field("observedAt", "as epoch milliseconds", now.toEpochMilli());
        field("observedAt", "as 1e309", raw("1e309"));
        for (String key : List.of("on 30 February", "at 24:61", "in year 0", "in year +999999999", "tomorrow",
                "366 days ago", "as a date without time", "with a space for T", "as \"now\"",
                "as epoch seconds in text")) {
            field("trip.pickup.time", key, times.get(key));
            field("trip.dropoff.time", key, times.get(key));
        }
        Instant pickup = now.minus(Duration.ofMinutes(30));
        add("dropoff a minute before pickup", TAXI, changed(TAXI, "trip.dropoff.time",
                pickup.minusSeconds(60).toString()), 400, "trip.dropoff.time");
        add("dropoff a day before pickup in local time", TAXI, changed(TAXI, "trip.dropoff.time",
                LocalDateTime.ofInstant(pickup.minus(Duration.ofDays(1)), stockholm).toString()), 400,
                "trip.dropoff.time");
    }

    private void contentTypes() {
        for (String path : List.of(HOTEL, TAXI)) {
            String body = json(tipFor(path));
            for (String type : List.of("text/plain", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x", "application/xml", "text/json", "application/problem+json",
                    "application/merge-patch+json", "application/octet-stream", "application/jsonp",
                    "application/json; charset=UTF-16", "application/json; charset=ISO-8859-1")) {
                add(HostileCase.post(channel(path) + ": Content-Type " + type, path, bearer, body, 415,
                        "Content-Type").withContentType(type));
            }
            add(HostileCase.post(channel(path) + ": no Content-Type", path, bearer, body, 415, "Content-Type")
                    .withContentType(null));
        }
        for (String type : List.of("*/*", "application/*", "json", "application/json/x", "garbage;;;",
                "application/json; charset=nonsense")) {
            add(HostileCase.post("hotel: Content-Type " + type, HOTEL, bearer, json(hotelTip()), 415, "Content-Type")
                    .withContentType(type));
        }
        add(HostileCase.post("hotel: a form post of the tip's fields", HOTEL, bearer,
                        "observedAt=" + now + "&indicators=STREAM_OF_MEN&suspectedMinor=NO", 415, "Content-Type")
                .withContentType("application/x-www-form-urlencoded"));
        add(HostileCase.post("hotel: a multipart post", HOTEL, bearer,
                        "--x\r\nContent-Disposition: form-data; name=\"tip\"\r\nContent-Type: application/json\r\n\r\n"
                                + json(hotelTip()) + "\r\n--x--\r\n", 415, "Content-Type")
                .withContentType("multipart/form-data; boundary=x"));
    }

    private void malformedJson() {
        String hotel = json(hotelTip());
        String taxi = json(taxiTip());
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("an empty body", "");
        bodies.put("a body of whitespace", "  \n\t ");
        bodies.put("a trailing comma in the object", hotel.substring(0, hotel.length() - 1) + ",}");
        bodies.put("a trailing comma in the indicators",
                hotel.replace("\"MANY_VISITORS_TO_ROOM\"]", "\"MANY_VISITORS_TO_ROOM\",]"));
        bodies.put("a line comment", "// tip\n" + hotel);
        bodies.put("a block comment", hotel.replaceFirst("\\{", "{/* tip */"));
        bodies.put("single quotes", hotel.replace('"', '\''));
        bodies.put("unquoted field names", hotel.replace("\"observedAt\"", "observedAt"));
        bodies.put("a missing colon", hotel.replace("\"observedAt\":", "\"observedAt\" "));
        bodies.put("a missing comma", hotel.replaceFirst(",", " "));
        bodies.put("a raw control character in a string", hotel.replace("Hotell Canaria", "Hotell\u0001Canaria"));
        bodies.put("a raw line break in a string", hotel.replace("Hotell Canaria", "Hotell\nCanaria"));
        bodies.put("an invalid escape \\x41", hotel.replace("Hotell Canaria", "Hotell \\x41"));
        bodies.put("a truncated \\u escape", hotel.replace("Hotell Canaria", "Hotell \\u12"));
        bodies.put("an unterminated string", "{\"observedAt\":\"2026-11-27T19:30:00Z}");
        for (int cut : new int[] {1, 15, hotel.length() / 2, hotel.length() - 2, hotel.length() - 1}) {
            bodies.put("the body cut at byte " + cut, hotel.substring(0, cut));
        }
        bodies.put("a second object after the tip", hotel + "{}");
        bodies.put("a word after the tip", hotel + " true");
        bodies.put("a closing bracket after the tip", hotel + "]");
        bodies.put("two tips", hotel + hotel);
        bodies.put("the tip in an array", "[" + hotel + "]");
        bodies.put("an empty array", "[]");
        bodies.put("a string", "\"tip\"");
        bodies.put("a number", "42");
        bodies.put("null", "null");
        bodies.put("true", "true");
        bodies.put("the tip as a JSON string", Bodies.json(hotel));
        bodies.put("a repeated description", hotel.replaceFirst("\\{", "{\"description\":\"first\","));
        bodies.put("a repeated suspectedMinor", hotel.replaceFirst("\\{", "{\"suspectedMinor\":\"YES\","));
        bodies.put("a repeated premises object", hotel.replaceFirst("\\{",
                "{\"premises\":{\"name\":\"a\",\"streetAddress\":\"b\",\"postalCode\":\"41103\",\"city\":\"c\"},"));
        bodies.put("a repeated city inside premises", hotel.replace("\"premises\":{", "\"premises\":{\"city\":\"x\","));
        bodies.put("10,000 nested arrays", "{\"indicators\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}");
        bodies.put("10,000 nested arrays at the top", "[".repeat(10_000) + "]".repeat(10_000));
        bodies.put("10,000 nested objects", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000));
        bodies.put("3,000 nested arrays in an unknown field",
                hotel.replaceFirst("\\{", "{\"x\":" + "[".repeat(3000) + "]".repeat(3000) + ","));
        bodies.put("a field name of 30,000 characters", hotel.replaceFirst("\\{", "{\"" + "k".repeat(30_000)
                + "\":1,"));
        bodies.put("a NUL byte before the body", "\u0000" + hotel);
        bodies.put("a NUL byte after the body", hotel + "\u0000");
        for (var body : bodies.entrySet()) {
            add(body.getKey(), HOTEL, body.getValue(), 400, null);
        }
        add("a trailing comma in the object", TAXI, taxi.substring(0, taxi.length() - 1) + ",}", 400, null);
        add("the body cut in the middle", TAXI, taxi.substring(0, taxi.length() / 2), 400, null);
        add("the tip in an array", TAXI, "[" + taxi + "]", 400, null);
        add("a repeated trip", TAXI, taxi.replaceFirst("\\{", "{\"trip\":null,"), 400, null);
        add("a repeated passengers count", TAXI, taxi.replace("\"passengers\":2", "\"passengers\":2,\"passengers\":3"),
                400, null);
        add("an empty body", TAXI, "", 400, null);
        add("null", TAXI, "null", 400, null);
    }

    private void memberKeys(Map<String, String> keyOf) {
        String key = bearer.substring("Bearer ".length());
        Map<String, String> authorizations = new LinkedHashMap<>();
        authorizations.put("no member key", null);
        authorizations.put("an empty Authorization", "");
        authorizations.put("Bearer without a key", "Bearer");
        authorizations.put("Bearer and a space", "Bearer ");
        authorizations.put("an unknown key", "Bearer not-a-member-key");
        authorizations.put("a revoked member's key", "Bearer " + keyOf.get("REVOKED"));
        authorizations.put("a suspended member's key", "Bearer " + keyOf.get("SUSPENDED"));
        authorizations.put("the key in Basic", "Basic " + java.util.Base64.getEncoder()
                .encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)));
        authorizations.put("the key without a scheme", key);
        authorizations.put("the key with a suffix", bearer + "x");
        authorizations.put("the key with a prefix", "Bearer x" + key);
        authorizations.put("the key in upper case", "Bearer " + key.toUpperCase());
        authorizations.put("two keys", bearer + " " + key);
        authorizations.put("the key's SHA-256 instead of the key", "Bearer " + IntakeTestSupport.sha256(key));
        authorizations.put("a key of 257 characters", "Bearer " + "k".repeat(257));
        authorizations.put("a key of 8 KB", "Bearer " + "k".repeat(7000));
        authorizations.put("a JWT-looking key", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
        authorizations.put("a Mongo operator as key", "Bearer {\"$ne\":null}");
        authorizations.put("a regex as key", "Bearer .*");
        for (var authorization : authorizations.entrySet()) {
            for (String path : List.of(HOTEL, TAXI)) {
                add(HostileCase.post(channel(path) + ": " + authorization.getKey(), path, authorization.getValue(),
                        json(tipFor(path)), 401, "Authorization"));
            }
        }
        add(HostileCase.post("hotel: a key with a non-ASCII letter", HOTEL, "Bearer nyckel-ö-" + key,
                json(hotelTip()), 401, "Authorization").overRawSocket());
        add(HostileCase.post("hotel: an unknown key and a broken body", HOTEL, "Bearer not-a-member-key",
                "{\"observedAt\":", 401, "Authorization"));
        add(HostileCase.post("taxi: a revoked member's key and no Content-Type", TAXI,
                "Bearer " + keyOf.get("REVOKED"), json(taxiTip()), 401, "Authorization").withContentType(null));
    }

    private void idempotencyKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("of 256 characters", "k".repeat(256));
        keys.put("of 4,000 characters", "k".repeat(4000));
        keys.put("with a space", "retry key");
        keys.put("with a comma and a space", "retry, key");
        for (var key : keys.entrySet()) {
            for (String path : List.of(HOTEL, TAXI)) {
                add(HostileCase.post(channel(path) + ": Idempotency-Key " + key.getKey(), path, bearer,
                        json(tipFor(path)), 400, "Idempotency-Key").withIdempotencyKey(key.getValue()));
            }
        }
        // Header bytes a client library will not send. The HTTP server itself refuses control characters other than
        // the tab, before the application sees them.
        for (String control : List.of("\u007f", "\u0001", "\u001b", "\u0000")) {
            add(HostileCase.post("hotel: Idempotency-Key with U+" + HexFormat.of().toHexDigits(control.charAt(0), 4)
                            .toUpperCase(), HOTEL, bearer, json(hotelTip()), 400, null)
                    .withIdempotencyKey("retry" + control + "key").overRawSocket().refusedByTheHttpServer());
        }
        add(HostileCase.post("taxi: Idempotency-Key with a tab", TAXI, bearer, json(taxiTip()), 400,
                "Idempotency-Key").withIdempotencyKey("retry\tkey").overRawSocket());
        // The UTF-8 of an emoji read as Latin-1 holds a C1 control, which the security firewall refuses.
        add(HostileCase.post("taxi: Idempotency-Key with an emoji", TAXI, bearer, json(taxiTip()), 400, null)
                .withIdempotencyKey("retry-😀").overRawSocket());
        add(HostileCase.post("hotel: Idempotency-Key with a non-ASCII letter", HOTEL, bearer, json(hotelTip()), 400,
                "Idempotency-Key").withIdempotencyKey("försök-1").overRawSocket());
        add(HostileCase.post("hotel: Idempotency-Key empty", HOTEL, bearer, json(hotelTip()), 400,
                "Idempotency-Key").withIdempotencyKey("").overRawSocket());
        add(HostileCase.post("hotel: a valid Idempotency-Key and an invalid body", HOTEL, bearer,
                changed(HOTEL, "observedAt", "yesterday"), 400, "observedAt")
                .withIdempotencyKey("hostile-" + now.toEpochMilli()));
    }

    private void methodsAndPaths() {
        for (String path : List.of(HOTEL, TAXI)) {
            for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
                add(HostileCase.post(channel(path) + ": " + method.name(), path, bearer, json(tipFor(path)), 405,
                        null).withMethod(method));
            }
            add(HostileCase.post(channel(path) + ": GET without a key", path, null, null, 405, null)
                    .withMethod(HttpMethod.GET).withContentType(null));
        }
        for (String path : List.of("/api/v1/tips", "/api/v1/tips/bus", "/api/v1/tips/HOTEL", "/api/v1/tips/hotel/",
                "/api/v1/tips/hotel/x", "/api/v2/tips/hotel", "/api/v1/tips/hotel%00", "/api/v1/tips/hotel%2F",
                "/api/v1/tips/hotel.json", "/api/v1//tips/hotel")) {
            // Nothing else is served: whether that is 401 (the security chain's answer) or 404 is not the point.
            add(HostileCase.post("hotel tip to " + path, path, bearer, json(hotelTip()), 0, null));
        }
    }

    private void receipts() {
        // The security firewall refuses encoded NULs and slashes in a path with 400 before any route is looked at.
        for (String code : List.of("%00", "..%2F..%2Fetc%2Fpasswd", "VK-7K3M-Q9XW-2HBD-0RTA\u0000")) {
            add(new HostileCase("receipt look-up of " + Bodies.json(code), HttpMethod.GET,
                    "/api/v1/receipts/" + java.net.URLEncoder.encode(code, StandardCharsets.UTF_8), null, null, null,
                    null, false, false, 400, null, false));
        }
        for (String code : List.of("x", "VK-", "VK-0000-0000-0000-000U", "VK-7K3M-Q9XW-2HBD-0RT",
                "VK-7K3M-Q9XW-2HBD-0RTAA", "V".repeat(65), "VK-7K3M-Q9XW-2HBD-0RT*", "' OR '1'='1",
                "{\"$ne\":null}", "$where", "VK-ÅÄÖÅ-Q9XW-2HBD-0RTA", "<script>", "VK 7K3M Q9XW 2HBD 0RT?")) {
            add(new HostileCase("receipt look-up of " + Bodies.json(code), HttpMethod.GET,
                    "/api/v1/receipts/" + java.net.URLEncoder.encode(code, StandardCharsets.UTF_8)
                            .replace("+", "%20"), null, null, null, null, false, false, 404, null, false));
        }
        add(new HostileCase("receipt look-up of a well-formed unknown code", HttpMethod.GET,
                "/api/v1/receipts/VK-0000-0000-0000-0000", null, null, null, null, false, false, 404, null, false));
        add(new HostileCase("receipt look-up without a code", HttpMethod.GET, "/api/v1/receipts/", null, null, null,
                null, false, false, 404, null, false));
    }

    /** Answers to follow-up questions on receipts that do not exist, or in bodies that break the contract. */
    private void answers() {
        String unknown = "/api/v1/receipts/VK-0000-0000-0000-0000/answers";
        String answer = "{\"questionId\":\"q-1\",\"text\":\"The fourth floor.\"}";
        for (String code : List.of("VK-0000-0000-0000-0000", "x", "VK-0000-0000-0000-000U", "' OR '1'='1",
                "{\"$ne\":null}", "$where", "V".repeat(65))) {
            add(new HostileCase("answer on receipt " + Bodies.json(code), HttpMethod.POST, "/api/v1/receipts/"
                    + java.net.URLEncoder.encode(code, StandardCharsets.UTF_8).replace("+", "%20") + "/answers",
                    null, HostileCase.JSON, null, answer.getBytes(StandardCharsets.UTF_8), false, false, 404, null,
                    false));
        }
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("a broken body", "{\"questionId\":");
        bodies.put("an empty body", "");
        bodies.put("a top-level array", "[" + answer + "]");
        bodies.put("an unknown field", "{\"questionId\":\"q-1\",\"text\":\"x\",\"$where\":\"1\"}");
        bodies.put("text as a number", "{\"questionId\":\"q-1\",\"text\":42}");
        bodies.put("questionId as an operator", "{\"questionId\":{\"$ne\":null},\"text\":\"x\"}");
        bodies.put("a repeated text", "{\"questionId\":\"q-1\",\"text\":\"x\",\"text\":\"y\"}");
        for (var body : bodies.entrySet()) {
            add(new HostileCase("answer with " + body.getKey(), HttpMethod.POST, unknown, null, HostileCase.JSON,
                    null, body.getValue().getBytes(StandardCharsets.UTF_8), false, false, 0, null, false));
        }
        add(new HostileCase("answer with an overlong UTF-8 slash", HttpMethod.POST, unknown, null, HostileCase.JSON,
                null, splice(answer, "fourth", HexFormat.of().parseHex("c0af")), false, false, 0, null, false));
        add(new HostileCase("answer as text/plain", HttpMethod.POST, unknown, null, "text/plain", null,
                answer.getBytes(StandardCharsets.UTF_8), false, false, 0, null, false));
        add(new HostileCase("answer of 1 MB", HttpMethod.POST, unknown, null, HostileCase.JSON, null,
                ("{\"questionId\":\"q-1\",\"text\":\"" + "x".repeat(ONE_MB) + "\"}").getBytes(StandardCharsets.UTF_8),
                false, false, 413, null, false));
    }

    /** For failure messages: the distinct names, to prove no two cases are the same request by name. */
    static Map<String, Long> duplicateNames(List<HostileCase> cases) {
        return cases.stream().collect(Collectors.groupingBy(HostileCase::name, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
