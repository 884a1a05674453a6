package se.goteborg.vaksam.premises.assessment;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import se.goteborg.vaksam.premises.register.RegisterEntry;

/**
 * Names a tenant's industry from its SNI 2007 code by the most specific code prefix known (96.040 → 96.04 → 96), and
 * tells whether the tenant is in one of the risk industries: by the code's prefix, or by a keyword in the tenant's
 * name. The keywords catch what the code misses: a massage salon registered under a generic code (96.090, or a
 * gym's 93.130), one whose code was never updated, or one with no code at all.
 *
 * <p>Keywords are matched on words of the tenant name, ignoring case and diacritics ("Kroppsvård" = "kroppsvard"):
 * a plain keyword must be a whole word ({@code spa} flags "Relax Spa AB" but not "Spara AB"), {@code relax*}
 * matches words that begin with it ("Relaxcenter"), {@code *massage*} words that contain it ("Thaimassage",
 * "Massagesalong"); a keyword of several words matches them in a row ({@code body care}).
 */
@Component
class IndustryClassifier {

    static final String CATEGORIES = "sni-categories.csv";

    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}*]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final Map<String, String> categoryByPrefix;
    private final List<String> riskPrefixes;
    private final List<Keyword> riskKeywords;

    IndustryClassifier(PremisesProperties properties) {
        this.categoryByPrefix = readCategories();
        this.riskPrefixes = List.copyOf(properties.riskIndustryCodes());
        this.riskKeywords = properties.riskKeywords().stream()
                .map(Keyword::of)
                .filter(keyword -> !keyword.isEmpty())
                .toList();
    }

    Optional<String> category(String industryCode) {
        if (industryCode == null) {
            return Optional.empty();
        }
        for (String prefix = industryCode; !prefix.isEmpty(); prefix = prefix.substring(0, prefix.length() - 1)) {
            String category = categoryByPrefix.get(prefix);
            if (category != null) {
                return Optional.of(category);
            }
        }
        return Optional.of("SNI " + industryCode);
    }

    /** Whether the tenant of the premises works in one of the risk industries, by its code or its name. */
    boolean isRiskIndustry(RegisterEntry premises) {
        return riskReason(premises).isPresent();
    }

    /**
     * Why the tenant counts as a risk industry, the code first: {@code "SNI 96.04"} (the configured prefix that
     * matched) or {@code "keyword massage"} (the configured keyword, without its wildcards); empty when it does not.
     */
    Optional<String> riskReason(RegisterEntry premises) {
        Optional<String> byCode = riskPrefix(premises.industryCode()).map(prefix -> "SNI " + prefix);
        if (byCode.isPresent() || premises.tenantName() == null) {
            return byCode;
        }
        String words = " " + words(premises.tenantName().replace('*', ' ')) + " ";
        return riskKeywords.stream().filter(keyword -> keyword.foundIn(words)).findFirst()
                .map(keyword -> "keyword " + keyword.label());
    }

    boolean isRiskIndustry(String industryCode) {
        return riskPrefix(industryCode).isPresent();
    }

    private Optional<String> riskPrefix(String industryCode) {
        return industryCode == null ? Optional.empty()
                : riskPrefixes.stream().filter(industryCode::startsWith).findFirst();
    }

    /** Lower case, without diacritics, words separated by single spaces; keeps '*' for the keywords' wildcards. */
    static String words(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        return NOT_LETTER_OR_DIGIT.matcher(folded).replaceAll(" ").strip();
    }

    /**
     * A keyword as the text it must be found as in {@code " " + words + " "}: a space on each side that has no
     * wildcard, so a plain keyword only matches whole words.
     */
    private record Keyword(String label, String needle) {

        static Keyword of(String configured) {
            String words = words(configured);
            boolean prefix = words.endsWith("*");
            boolean suffix = words.startsWith("*");
            String core = words.replace("*", "").strip();
            return new Keyword(configured.replace("*", "").strip(), (suffix ? "" : " ") + core + (prefix ? "" : " "));
        }

        boolean isEmpty() {
            return needle.isBlank();
        }

        boolean foundIn(String paddedWords) {
            return paddedWords.contains(needle);
        }
    }

    private static Map<String, String> readCategories() {
        var format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (Reader reader = new InputStreamReader(new ClassPathResource(CATEGORIES).getInputStream(),
                StandardCharsets.UTF_8)) {
            Map<String, String> categories = new HashMap<>();
            for (CSVRecord record : format.parse(reader)) {
                categories.put(record.get("sni_prefix"), record.get("category"));
            }
            return Map.copyOf(categories);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
