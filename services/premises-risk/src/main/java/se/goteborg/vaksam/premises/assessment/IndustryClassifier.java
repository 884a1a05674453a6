package se.goteborg.vaksam.premises.assessment;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import se.goteborg.vaksam.premises.register.RegisterEntry;

/**
 * Names a tenant's industry from its SNI 2007 code by the most specific code prefix known (96.040 → 96.04 → 96), and
 * tells whether it is one of the risk industries.
 */
@Component
class IndustryClassifier {

    static final String CATEGORIES = "sni-categories.csv";

    private final Map<String, String> categoryByPrefix;
    private final List<String> riskPrefixes;

    IndustryClassifier(PremisesProperties properties) {
        this.categoryByPrefix = readCategories();
        this.riskPrefixes = List.copyOf(properties.riskIndustryCodes());
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

    /** Whether the tenant of the premises works in one of the risk industries. */
    boolean isRiskIndustry(RegisterEntry premises) {
        return isRiskIndustry(premises.industryCode());
    }

    boolean isRiskIndustry(String industryCode) {
        return industryCode != null && riskPrefixes.stream().anyMatch(industryCode::startsWith);
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
