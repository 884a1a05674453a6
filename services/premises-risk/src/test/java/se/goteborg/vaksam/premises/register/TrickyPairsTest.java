package se.goteborg.vaksam.premises.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import se.goteborg.vaksam.events.premises.MatchLevel;
import se.goteborg.vaksam.premises.register.AddressComparison.Judgement;

/**
 * The matcher's tricky pairs: a register address and the address a tip gives, and the level the match must reach.
 * Each pair goes the way a lookup goes: the tip is found only through the address index keys it shares with the
 * register row, then judged. Writes the table with the results to {@code target/tricky-pairs.md}.
 */
class TrickyPairsTest {

    private static final List<String> ROWS = new ArrayList<>();
    private static final Map<MatchLevel, Map<MatchLevel, Integer>> COUNTS = new EnumMap<>(MatchLevel.class);

    @ParameterizedTest(name = "{index}: [{3}|{4}|{5}] vs register [{0}|{1}|{2}] -> {6} ({9})")
    @CsvSource(delimiter = '|', nullValues = "NULL", quoteCharacter = '"', textBlock = """
            # register street      | postal | city      | tip street                          | postal     | city        | expected | min  | max  | why
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan 12                       | 411 19     | Göteborg    | EXACT    | 1    | 1    | the same
            Kungsgatan 12          | 411 19 | Göteborg  | KUNGSGATAN 12                       | 41119      | GÖTEBORG    | EXACT    | 1    | 1    | case, postal spacing
            Kungsgatan 12          | 411 19 | Göteborg  | "  kungsgatan   12 "                | SE-411 19  | Gothenburg  | EXACT    | 1    | 1    | spaces, SE- prefix, English city name
            Kungsgatan 12          | 411 19 | Göteborg  | "Kungsgatan 12, 411 19 Göteborg"    | NULL       | NULL        | EXACT    | 1    | 1    | postal code and town in the street line
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsg. 12                          | 411 19     | Gbg         | EXACT    | 1    | 1    | g. = gatan
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgt 12                          | 411 19     | GBG         | EXACT    | 1    | 1    | gt = gatan
            Kungsgatan 12          | 411 19 | Göteborg  | Kungs gatan 12                      | 411 19     | Göteborg    | EXACT    | 1    | 1    | word break before gatan
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan12                        | 411 19     | Göteborg    | EXACT    | 1    | 1    | number stuck to the name
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan 12 lgh 1102              | 411 19     | Göteborg    | EXACT    | 1    | 1    | flat number ignored
            Kungsgatan 12          | 411 19 | Göteborg  | "Kungsgatan 12, 2 tr"               | 411 19     | Göteborg    | EXACT    | 1    | 1    | floor ignored
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan 12 bv                    | 411 19     | NULL        | EXACT    | 1    | 1    | ground floor ignored
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan nr 12.                   | 411 19     | Göteborg    | EXACT    | 1    | 1    | nr and stray dot
            Kungsgatan 12          | 411 19 | Göteborg  | 12 Kungsgatan                       | 411 19     | Gothenburg  | EXACT    | 1    | 1    | number first, as visitors write
            Kungsgatan 12A         | 411 19 | Göteborg  | Kungsgatan 12 a                     | 411 19     | Göteborg    | EXACT    | 1    | 1    | letter apart, lower case
            Kungsgatan 12A         | 411 19 | Göteborg  | Kungsgatan 12 A                     | 41119      | NULL        | EXACT    | 1    | 1    | letter apart
            Kungsgatan 12-14       | 411 19 | Göteborg  | Kungsgatan 12 - 14                  | 411 19     | Göteborg    | EXACT    | 1    | 1    | range spacing
            Sankt Eriksgatan 5     | 411 05 | Göteborg  | S:t Eriksgatan 5                    | 411 05     | Göteborg    | EXACT    | 1    | 1    | S:t = Sankt
            Sankt Eriksgatan 5     | 411 05 | Göteborg  | St. Eriksgatan 5                    | 411 05     | Göteborg    | EXACT    | 1    | 1    | St. = Sankt
            Sankt Sigfridsgatan 9  | 412 66 | Göteborg  | St Sigfridsgatan 9                  | 412 66     | NULL        | EXACT    | 1    | 1    | St = Sankt
            Södra Hamngatan 37     | 411 06 | Göteborg  | S. Hamngatan 37                     | 411 06     | Göteborg    | EXACT    | 1    | 1    | S. = Södra
            Västra Hamngatan 3     | 411 17 | Göteborg  | V. Hamngatan 3                      | 411 17     | Göteborg    | EXACT    | 1    | 1    | V. before the name = Västra
            Östra Hamngatan 24     | 411 09 | Göteborg  | Ö Hamngatan 24                      | 411 09     | Göteborg    | EXACT    | 1    | 1    | Ö = Östra
            Norra Hamngatan 10     | 411 14 | Göteborg  | N. Hamngatan 10                     | 411 14     | Göteborg    | EXACT    | 1    | 1    | N. = Norra
            Första Långgatan 16    | 413 27 | Göteborg  | 1:a Långgatan 16                    | 413 27     | Göteborg    | EXACT    | 1    | 1    | 1:a = Första
            Andra Långgatan 20     | 413 27 | Göteborg  | 2:a Långgatan 20                    | 413 27     | Göteborg    | EXACT    | 1    | 1    | 2:a = Andra
            Kungsportsavenyen 7    | 411 36 | Göteborg  | Avenyn 7                            | 411 36     | Göteborg    | EXACT    | 1    | 1    | Avenyn = Kungsportsavenyen
            Redbergsvägen 8        | 416 65 | Göteborg  | Redbergsv. 8                        | 416 65     | Göteborg    | EXACT    | 1    | 1    | v. after the name = vägen
            Redbergsvägen 8        | 416 65 | Göteborg  | Redbergsvg 8                        | 416 65     | Göteborg    | EXACT    | 1    | 1    | vg = vägen
            Redbergsvägen 8        | 416 65 | Göteborg  | Redbergsvg. 8                       | 416 65     | Göteborg    | PROBABLE | 0.85 | 0.85 | vg. read two ways
            Gruvgatan 38           | 421 30 | Västra Frölunda | Gruvg. 38                           | 421 30     | Västra Frölunda | PROBABLE | 0.85 | 0.85 | g. for gatan after a v
            Linnégatan 44          | 413 08 | Göteborg  | "Linne\u0301gatan 44"               | 413 08     | Göteborg    | EXACT    | 1    | 1    | e and a combining accent (NFC)
            Olof Palmes plats 1    | 413 04 | Göteborg  | "Olof Palmes plats 1, 413 04 Göteborg" | NULL    | NULL        | EXACT    | 1    | 1    | everything in one line
            Järntorget 3           | 413 04 | Göteborg  | Järntorget 3.                       | 413 04     | Göteborg C  | EXACT    | 1    | 1    | Göteborg C
            Karl Johansgatan 54    | 414 55 | Göteborg  | Karl-Johansgatan 54                 | 414 55     | Göteborg    | EXACT    | 1    | 1    | hyphen for space
            Haga Nygata 21         | 413 01 | Göteborg  | "Haga  Nygata 21,"                  | 413 01     | Göteborg    | EXACT    | 1    | 1    | double space, trailing comma
            Angered Torg 5         | 424 65 | Angered   | angered torg 5                      | 424 65     | Göteborg    | EXACT    | 1    | 1    | district town; postal code agrees
            Backavägen 3           | 417 05 | Göteborg  | Backavägen 3                        | 417 05     | Hisings Backa | EXACT  | 1    | 1    | town name differs, postal code agrees
            Nordstadstorget        | 411 05 | Göteborg  | Nordstadstorget                     | 411 05     | Göteborg    | EXACT    | 1    | 1    | no number on either side
            Linnégatan 44          | 413 08 | Göteborg  | Linnegatan 44                       | 413 08     | Göteborg    | PROBABLE | 0.9  | 0.9  | é folded
            Järntorget 3           | 413 04 | Göteborg  | Jarntorget 3                        | 413 04     | Goteborg    | PROBABLE | 0.9  | 0.9  | ä folded
            Södra Hamngatan 37     | 411 06 | Göteborg  | Sodra Hamngatan 37                  | 411 06     | Göteborg    | PROBABLE | 0.9  | 0.9  | ö folded
            Sprängkullsgatan 17    | 411 23 | Göteborg  | SPRANGKULLSGATAN 17                 | 411 23     | Göteborg    | PROBABLE | 0.9  | 0.9  | ä folded, upper case
            Gamlestadsvägen 4      | 415 11 | Göteborg  | Gamlestadsvagen 4                   | 415 11     | Göteborg    | PROBABLE | 0.9  | 0.9  | ä folded in vägen
            Lindholmsallén 12      | 417 55 | Göteborg  | Lindholmsallen 12                   | 417 55     | Göteborg    | PROBABLE | 0.9  | 0.9  | é folded in allén
            Haga Nygata 21         | 413 01 | Göteborg  | Haganygata 21                       | 413 01     | Göteborg    | PROBABLE | 0.9  | 0.9  | words run together
            Kortedala Torg 10      | 415 26 | Göteborg  | Kortedalatorg 10                    | 415 26     | Göteborg    | PROBABLE | 0.9  | 0.9  | words run together
            Kungsgatan 12A         | 411 19 | Göteborg  | Kungsgatan 12                       | 411 19     | Göteborg    | PROBABLE | 0.8  | 0.8  | letter missing in the tip
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan 12B                      | 411 19     | Göteborg    | PROBABLE | 0.8  | 0.8  | letter missing in the register
            Kungsgatan 12-14       | 411 19 | Göteborg  | Kungsgatan 14                       | 411 19     | Göteborg    | PROBABLE | 0.8  | 0.8  | number within the register's range
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan 12-14                    | 411 19     | Göteborg    | PROBABLE | 0.8  | 0.8  | register number within the tip's range
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan 12                       | NULL       | Göteborg    | PROBABLE | 0.85 | 0.85 | no postal code, same town
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan 12                       | NULL       | Gothenburg  | PROBABLE | 0.85 | 0.85 | no postal code, town alias
            Kungsgatan 12          | 411 19 | Göteborg  | "Kungsgatan 12, Göteborg"           | NULL       | NULL        | PROBABLE | 0.85 | 0.85 | town in the street line
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan 12                       | NULL       | NULL        | PROBABLE | 0.7  | 0.7  | no postal code, no town
            Hammarkulletorget 62   | 424 37 | Angered   | Hammarkulletorget 62                | NULL       | Göteborg    | PROBABLE | 0.8  | 0.8  | Göteborg for a district town
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan 12                       | 411 91     | Göteborg    | PROBABLE | 0.7  | 0.7  | postal digits swapped
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan 12                       | 411 18     | Göteborg    | PROBABLE | 0.7  | 0.7  | postal digit wrong
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan 12                       | 412 19     | NULL        | PROBABLE | 0.7  | 0.7  | postal digit wrong, Göteborg area
            Kungsportsplatsen 2    | 411 10 | Göteborg  | Kungsportspl. 2                     | 411 10     | Göteborg    | PROBABLE | 0.85 | 0.85 | pl. for platsen
            Olof Palmes plats 1    | 413 04 | Göteborg  | Olof Palmes pl 1                    | 413 04     | Göteborg    | PROBABLE | 0.85 | 0.85 | pl for plats
            Wieselgrensplatsen 2   | 417 17 | Göteborg  | Wieselgrenspl. 2                    | 417 17     | NULL        | PROBABLE | 0.85 | 0.85 | pl. for platsen
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsg 12                           | 411 19     | Göteborg    | PROBABLE | 0.85 | 0.85 | g without the dot
            Eklandagatan 40        | 412 61 | Göteborg  | Eklandagtan 40                      | 412 61     | Göteborg    | PROBABLE | 0.7  | 0.7  | one letter missing
            Sprängkullsgatan 17    | 411 23 | Göteborg  | Sprängkulsgatan 17                  | 411 23     | Göteborg    | PROBABLE | 0.7  | 0.7  | one letter missing
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatna 12                       | 411 19     | Göteborg    | PROBABLE | 0.7  | 0.7  | neighbouring letters swapped
            Magasinsgatan 5        | 411 18 | Göteborg  | Magasinsgatan 5                     | 411 18     | Stockholm   | EXACT    | 1    | 1    | postal code decides over a wrong town
            Linnégatan 44          | 413 08 | Göteborg  | Linnegatan 44 A                     | NULL       | Goteborg    | PROBABLE | 0.61 | 0.61 | folded, letter, no postal code
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan 12 B                     | NULL       | NULL        | PROBABLE | 0.56 | 0.56 | letter, no postal code, no town
            Kungsgatan 12A         | 411 19 | Göteborg  | Kungsgatan 12                       | 411 18     | NULL        | PROBABLE | 0.56 | 0.56 | letter, postal typo
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgtaan 12 B                     | 411 19     | Göteborg    | PROBABLE | 0.56 | 0.56 | typo and letter
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan 14                       | 411 19     | Göteborg    | NONE     | 0    | 0    | neighbouring number
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan 10                       | 411 19     | Göteborg    | NONE     | 0    | 0    | neighbouring number
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan 121                      | 411 19     | Göteborg    | NONE     | 0    | 0    | longer number
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan 1                        | 411 19     | Göteborg    | NONE     | 0    | 0    | shorter number
            Kungsgatan 12-14       | 411 19 | Göteborg  | Kungsgatan 13                       | 411 19     | Göteborg    | NONE     | 0    | 0    | other side of the street
            Linnégatan 44          | 413 08 | Göteborg  | Linnégatan 46                       | 413 08     | Göteborg    | NONE     | 0    | 0    | neighbouring number
            Kungsgatan 12A         | 411 19 | Göteborg  | Kungsgatan 12B                      | 411 19     | Göteborg    | NONE     | 0    | 0    | different letter
            Kungsgatan 12A         | 411 19 | Göteborg  | Kungsgatan 12 C                     | NULL       | Göteborg    | NONE     | 0    | 0    | different letter
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan 12                       | 111 43     | Stockholm   | NONE     | 0    | 0    | same street in Stockholm
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan 12                       | 111 43     | NULL        | NONE     | 0    | 0    | Stockholm postal code
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan 12                       | NULL       | Stockholm   | NONE     | 0    | 0    | same street, another town
            Kungsgatan 12          | 411 19 | Göteborg  | "Kungsgatan 12, Stockholm"          | NULL       | NULL        | NONE     | 0    | 0    | another town in the street line
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan 12                       | 431 30     | Mölndal     | NONE     | 0    | 0    | same street in Mölndal
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan 12                       | 431 19     | NULL        | NONE     | 0    | 0    | Mölndal code one digit off
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan 12                       | 434 30     | Kungsbacka  | NONE     | 0    | 0    | same street in Kungsbacka
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan 12                       | 411 19     | NULL        | EXACT    | 1    | 1    | no town needed with the postal code
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan 12                       | 413 27     | Göteborg    | NONE     | 0    | 0    | another postal area of the city
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan 12                       | 411 91     | Mölndal     | NONE     | 0    | 0    | postal typo but another town
            Hammarkulletorget 62   | 424 37 | Angered   | Hammarkulletorget 62                | NULL       | Mölndal     | NONE     | 0    | 0    | another municipality
            Södra Hamngatan 37     | 411 06 | Göteborg  | Östra Hamngatan 37                  | 411 06     | Göteborg    | NONE     | 0    | 0    | Östra is not Södra
            Östra Hamngatan 24     | 411 09 | Göteborg  | Västra Hamngatan 24                 | 411 09     | Göteborg    | NONE     | 0    | 0    | Västra is not Östra
            Norra Hamngatan 10     | 411 14 | Göteborg  | S. Hamngatan 10                     | 411 14     | Göteborg    | NONE     | 0    | 0    | S. (Södra) is not Norra
            Södra Hamngatan 37     | 411 06 | Göteborg  | Hamngatan 37                        | 411 06     | Göteborg    | NONE     | 0    | 0    | no direction is not Södra
            Första Långgatan 16    | 413 27 | Göteborg  | Andra Långgatan 16                  | 413 27     | Göteborg    | NONE     | 0    | 0    | Andra is not Första
            Andra Långgatan 20     | 413 27 | Göteborg  | 3:e Långgatan 20                    | 413 27     | Göteborg    | NONE     | 0    | 0    | Tredje is not Andra
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsportsplatsen 12                | 411 19     | Göteborg    | NONE     | 0    | 0    | different street, similar name
            Kungsportsavenyen 7    | 411 36 | Göteborg  | Kungsportsplatsen 7                 | 411 36     | Göteborg    | NONE     | 0    | 0    | different street, similar name
            Vasagatan 22           | 411 24 | Göteborg  | Vallgatan 22                        | 411 24     | Göteborg    | NONE     | 0    | 0    | two letters differ
            Redbergsvägen 8        | 416 65 | Göteborg  | Redbergsgatan 8                     | 416 65     | Göteborg    | NONE     | 0    | 0    | gatan is not vägen
            Kungsgatan 12          | 411 19 | Göteborg  | Drottninggatan 12                   | 411 19     | Göteborg    | NONE     | 0    | 0    | different street
            Kungsgatan 12          | 411 19 | Göteborg  | Kungs 12                            | 411 19     | Göteborg    | NONE     | 0    | 0    | the name cut before gatan
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan                          | 411 19     | Göteborg    | NONE     | 0    | 0    | no number
            Nordstadstorget 6      | 411 05 | Göteborg  | Nordstadstorget                     | 411 05     | Göteborg    | NONE     | 0    | 0    | no number
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgtaan 12                       | NULL       | Göteborg    | NONE     | 0    | 0    | typo without a postal code to pin it
            Kungsgatan 12          | 411 19 | Göteborg  | Kungsgatan 12-14                    | 111 43     | Stockholm   | NONE     | 0    | 0    | range in Stockholm
            Vasagatan 22           | 411 24 | Göteborg  | Vasaplatsen 22                      | 411 24     | Göteborg    | NONE     | 0    | 0    | different street, same start
            Kungsgatan 12          | 411 19 | Göteborg  | "411 19 Göteborg"                   | NULL       | NULL        | NONE     | 0    | 0    | no street at all
            """)
    void matchesAsExpected(String registerStreet, String registerPostal, String registerCity, String tipStreet,
                           String tipPostal, String tipCity, MatchLevel expected, double min, double max,
                           String why) {
        SwedishAddress premises = SwedishAddress.parse(registerStreet, registerPostal, registerCity).orElseThrow();
        Judgement judgement = lookUp(SwedishAddress.readings(tipStreet, tipPostal, tipCity), premises);

        record(registerStreet, registerPostal, registerCity, tipStreet, tipPostal, tipCity, expected, judgement, why);
        assertThat(judgement.level()).as(why).isEqualTo(expected);
        assertThat(judgement.confidence()).as(why).isBetween(min, max);
    }

    /** As a lookup does it: only rows sharing an index key with the tip are read, then judged. */
    private static Judgement lookUp(List<SwedishAddress> readings, SwedishAddress premises) {
        Set<String> keys = new HashSet<>();
        readings.forEach(reading -> keys.addAll(reading.indexKeys()));
        if (premises.indexKeys().stream().noneMatch(keys::contains)) {
            return Judgement.NONE;
        }
        return PremisesMatcher.judge(readings, premises);
    }

    private static synchronized void record(String registerStreet, String registerPostal, String registerCity,
                                            String tipStreet, String tipPostal, String tipCity, MatchLevel expected,
                                            Judgement actual, String why) {
        COUNTS.computeIfAbsent(expected, level -> new EnumMap<>(MatchLevel.class))
                .merge(actual.level(), 1, Integer::sum);
        ROWS.add("| %d | %s, %s %s | %s | %s | %s | %s | %s %s | %s | %s |".formatted(ROWS.size() + 1, registerStreet,
                registerPostal, registerCity, tipStreet, text(tipPostal), text(tipCity), expected, actual.level(),
                actual.level() == MatchLevel.PROBABLE ? "(" + actual.confidence() + ")" : "",
                actual.level() == expected ? "yes" : "**NO**", why));
    }

    private static String text(String value) {
        return value == null ? "–" : value;
    }

    @AfterAll
    static void writeTable() throws IOException {
        StringBuilder md = new StringBuilder("# Tricky address pairs: register vs tip\n\n");
        md.append("| expected \\ actual | EXACT | PROBABLE | NONE | total |\n|---|---|---|---|---|\n");
        int falseExact = 0;
        for (MatchLevel expected : MatchLevel.values()) {
            Map<MatchLevel, Integer> actual = COUNTS.getOrDefault(expected, Map.of());
            int total = actual.values().stream().mapToInt(Integer::intValue).sum();
            md.append("| %s | %d | %d | %d | %d |\n".formatted(expected, actual.getOrDefault(MatchLevel.EXACT, 0),
                    actual.getOrDefault(MatchLevel.PROBABLE, 0), actual.getOrDefault(MatchLevel.NONE, 0), total));
            if (expected != MatchLevel.EXACT) {
                falseExact += actual.getOrDefault(MatchLevel.EXACT, 0);
            }
        }
        md.append("\nFalse EXACT: ").append(falseExact).append(" of ").append(ROWS.size()).append(" pairs.\n\n");
        md.append("| # | register | tip street | tip postal code | tip city | expected | actual (confidence) | as expected "
                + "| why |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        ROWS.forEach(row -> md.append(row).append('\n'));
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("tricky-pairs.md"), md, StandardCharsets.UTF_8);
    }
}
