package se.goteborg.vaksam.inbox.alert;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import se.goteborg.vaksam.platform.sealing.Opener;
import se.goteborg.vaksam.platform.sealing.SealingException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens the details tip-intake sealed with the inbox's public key: JSON {@code {"description","reporterContact"}},
 * bound to the tip id, so details moved onto another tip's alert do not open.
 */
@Component
class DetailsOpener {

    private static final Logger log = LoggerFactory.getLogger(DetailsOpener.class);

    private final Opener opener;
    private final JsonMapper json;

    DetailsOpener(Opener opener, JsonMapper json) {
        this.opener = opener;
        this.json = json;
    }

    /** A field the recipient may not see, or the tip did not have, is left out. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Details(String description, String reporterContact) {

        @Override
        public String toString() {
            return "Details[(sealed content)]";
        }
    }

    /** Empty when the details cannot be opened; the reason is logged without any content. */
    Optional<Details> open(byte[] sealed, String tipId, String alertId) {
        try {
            return Optional.of(json.readValue(opener.open(sealed, tipId), Details.class));
        } catch (SealingException e) {
            log.warn("Sealed details of alert {} cannot be opened: wrong key, wrong tip or altered", alertId);
        } catch (JacksonException e) {
            log.warn("Sealed details of alert {} opened but are not the expected JSON ({})", alertId,
                    e.getClass().getSimpleName());
        }
        return Optional.empty();
    }
}
