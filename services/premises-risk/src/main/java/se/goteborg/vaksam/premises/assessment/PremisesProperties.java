package se.goteborg.vaksam.premises.assessment;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vaksam.premises.*}.
 *
 * @param riskIndustryCodes SNI 2007 code prefixes of the industries the lettings group checks first (massage and
 *                          body care, escort and other personal services, beauty care)
 * @param riskKeywords      words in a tenant's name that flag a risk industry whatever its code says, for tenants
 *                          registered under a wrong or generic code; case and diacritics ignored, whole words
 *                          unless a '*' marks where a word may go on (see {@link IndustryClassifier})
 * @param repeatWindow      how far back tips about the same address count towards a repeat
 */
@ConfigurationProperties("vaksam.premises")
public record PremisesProperties(@DefaultValue({"96.04", "96.09", "96.022"}) List<String> riskIndustryCodes,
                                 @DefaultValue({"*massage*", "spa", "dayspa", "relax", "wellness", "kroppsvård*",
                                         "body care", "bodycare", "tantra*", "erotik*", "erotic*", "escort*",
                                         "sensual*", "sensuell*"}) List<String> riskKeywords,
                                 @DefaultValue("30d") Duration repeatWindow) {
}
