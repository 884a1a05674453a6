package se.goteborg.vaksam.inbox.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ResponseStatusException;

import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.web.security.VaksamCaller;

class InboxCallerTest {

    @Test
    void theRecipientClaimChoosesTheInbox() {
        InboxCaller caller = InboxCaller.of(caller("police-demo", "POLICE", List.of("RECIPIENT")));
        assertThat(caller.recipient()).isEqualTo(Recipient.POLICE);
        assertThat(caller.subject()).isEqualTo("police-demo");
        assertThat(caller.mayOpenDetails()).isTrue();
    }

    @Test
    void theLettingsGroupNeverSeesDetailsWhateverItsRoles() {
        assertThat(InboxCaller.of(caller("lettings-demo", "LETTINGS_GROUP", List.of("LETTINGS"))).mayOpenDetails())
                .isFalse();
        assertThat(InboxCaller.of(caller("lettings-demo", "LETTINGS_GROUP", List.of("RECIPIENT", "LETTINGS")))
                .mayOpenDetails()).isFalse();
        assertThat(DetailsPolicy.mayReceiveDetails(Recipient.LETTINGS_GROUP)).isFalse();
    }

    @Test
    void everyOtherRecipientSeesDetailsOnlyWithTheRecipientRole() {
        for (Recipient recipient : Recipient.values()) {
            if (recipient != Recipient.LETTINGS_GROUP) {
                assertThat(InboxCaller.mayOpenDetails(recipient, true)).as(recipient.name()).isTrue();
                assertThat(InboxCaller.mayOpenDetails(recipient, false)).as(recipient.name()).isFalse();
                assertThat(DetailsPolicy.mayReceiveDetails(recipient)).isTrue();
            }
        }
    }

    @Test
    void aTokenWithoutAKnownRecipientOpensNoInbox() {
        for (VaksamCaller caller : List.of(caller("coordinator-demo", null, List.of("COORDINATOR")),
                caller("x", "POLICE_OF_ANOTHER_COUNTRY", List.of("RECIPIENT")), caller("x", "police", List.of()))) {
            assertThatThrownBy(() -> InboxCaller.of(caller)).isInstanceOf(ResponseStatusException.class)
                    .extracting(e -> ((ResponseStatusException) e).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    private static VaksamCaller caller(String subject, String recipient, List<String> roles) {
        Jwt.Builder jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject(subject).claim("roles", roles);
        if (recipient != null) {
            jwt.claim("recipient", recipient);
        }
        return VaksamCaller.of(jwt.build());
    }
}
