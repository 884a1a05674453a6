package se.goteborg.vaksam.network.member;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The link a member's staff open once on each device to enrol it (tip-intake's {@code /intake/enrol/<key>}, which
 * asks for confirmation before it sets the device's cookie). It holds the intake key, so it exists only when a key is
 * issued, like the key itself.
 */
@Component
public class EnrolmentLinks {

    private final URI publicBaseUrl;

    EnrolmentLinks(@Value("${vaksam.network.public-base-url:http://localhost:8080}") URI publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    /** The intake's start page, where enrolled devices find the tip form. */
    public String intakeUrl() {
        return UriComponentsBuilder.fromUri(publicBaseUrl).path("/intake").build().toUriString();
    }

    public String url(String intakeKey) {
        return UriComponentsBuilder.fromUri(publicBaseUrl).path("/intake/enrol/{key}").buildAndExpand(intakeKey)
                .encode().toUriString();
    }
}
