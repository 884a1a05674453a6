package se.goteborg.vaksam.premises.assessment;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vaksam.premises.*}.
 *
 * @param riskIndustryCodes     SNI 2007 code prefixes of the industries the lettings group checks first (massage and
 *                              body care, escort and other personal services, beauty care)
 * @param riskKeywords          words in a tenant's name that flag a risk industry whatever its code says, for tenants
 *                              registered under a wrong or generic code; case and diacritics ignored, whole words
 *                              unless a '*' marks where a word may go on (see {@link IndustryClassifier})
 * @param repeatWindow          the short window of the premises history, reported as {@code tipsLast30Days}
 * @param repeatWindow90        the long window, reported as {@code tipsLast90Days}; also how far back linked tips go
 * @param repeatThreshold       this many tips about the same premises within a window, this one included, make a
 *                              repeat (the design's "three or more tips about the same premises within 30 days")
 * @param registerLookupTimeout how long one register lookup may take; after two more tries the tip is assessed
 *                              without a match, so its assessment is never held up for long
 */
@ConfigurationProperties("vaksam.premises")
public record PremisesProperties(@DefaultValue({"96.04", "96.09", "96.022"}) List<String> riskIndustryCodes,
                                 @DefaultValue({"*massage*", "spa", "dayspa", "relax", "wellness", "kroppsvård*",
                                         "body care", "bodycare", "tantra*", "erotik*", "erotic*", "escort*",
                                         "sensual*", "sensuell*"}) List<String> riskKeywords,
                                 @DefaultValue("30d") Duration repeatWindow,
                                 @DefaultValue("90d") Duration repeatWindow90,
                                 @DefaultValue("3") int repeatThreshold,
                                 @DefaultValue("2s") Duration registerLookupTimeout) {
}
