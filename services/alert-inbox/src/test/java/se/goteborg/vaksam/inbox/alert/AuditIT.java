package se.goteborg.vaksam.inbox.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import se.goteborg.vaksam.events.common.Recipient;
import se.goteborg.vaksam.testsupport.TestTokens;

/** Every opening of sealed content is in the audit log before the content leaves, and auditors read the log. */
class AuditIT extends InboxTestBase {

    static final String AUDITOR = TestTokens.token("auditor-demo", null, List.of("AUDITOR"));
    static final String POLICE_AUDITOR = TestTokens.token("police-auditor", "POLICE", List.of("AUDITOR"));

    @Test
    void noOpeningGoesUnrecorded() {
        List<String> alertIds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String tipId = "tip-" + UUID.randomUUID();
            byte[] sealed = AlertEvents.seal(SEALER, tipId, "beskrivning " + i, "kontakt " + i);
            publish(AlertEvents.hotel(tipId, Recipient.POLICE, sealed).build());
            publish(AlertEvents.hotel(tipId, Recipient.MIKAMOTTAGNINGEN, sealed).build());
            alertIds.add(AlertEvents.alertId(tipId, Recipient.POLICE));
            alertIds.add(AlertEvents.alertId(tipId, Recipient.MIKAMOTTAGNINGEN));
        }
        String withoutDetails = "tip-" + UUID.randomUUID();
        publish(AlertEvents.taxi(withoutDetails, Recipient.POLICE).build());
        for (int i = 0; i < alertIds.size(); i++) {
            awaitListed(i % 2 == 0 ? POLICE : MIKA, alertIds.get(i));
        }
        String bare = AlertEvents.alertId(withoutDetails, Recipient.POLICE);
        awaitListed(POLICE, bare);

        int opened = 0;
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < alertIds.size(); i++) {
                String token = i % 2 == 0 ? POLICE : MIKA;
                Map<String, Object> alert = client().get().uri("/api/v1/alerts/" + alertIds.get(i) + "?reason=runda " + round)
                        .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                        .expectBody(MAP).returnResult().getResponseBody();
                if (alert.containsKey("details")) {
                    opened++;
                }
            }
            // Nothing sealed to open: nothing to record.
            client().get().uri("/api/v1/alerts/" + bare).headers(h -> h.setBearerAuth(POLICE)).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.details").doesNotExist();
        }
        // Listing opens nothing.
        listed(POLICE);
        listed(MIKA);

        assertThat(opened).isEqualTo(3 * alertIds.size());
        int recorded = alertIds.stream().mapToInt(alertId -> openings(alertId).size()).sum();
        assertThat(recorded).isEqualTo(opened);
        assertThat(openings(bare)).isEmpty();
        assertThat(openings(alertIds.get(1))).allSatisfy(o -> assertThat(o)
                .containsEntry("subject", "mika-demo").containsEntry("recipient", "MIKAMOTTAGNINGEN")
                .containsEntry("opened", List.of("DETAILS")).containsKey("openedAt"))
                .extracting(o -> o.getString("reason")).containsExactlyInAnyOrder("runda 0", "runda 1", "runda 2");

        // A refused request opens nothing and records nothing.
        client().get().uri("/api/v1/alerts/" + alertIds.get(0) + "?reason=" + "x".repeat(201))
                .headers(h -> h.setBearerAuth(POLICE)).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        assertThat(openings(alertIds.get(0))).hasSize(3);
    }

    @Test
    void auditorsReadAndExportTheLogAndAnOrganisationsAuditorOnlyItsOwn() {
        Instant before = Instant.now().minusSeconds(1);
        String tipId = "tip-" + UUID.randomUUID();
        byte[] sealed = AlertEvents.seal(SEALER, tipId, "d", "c");
        String police = AlertEvents.alertId(tipId, Recipient.POLICE);
        String mika = AlertEvents.alertId(tipId, Recipient.MIKAMOTTAGNINGEN);
        publish(AlertEvents.hotel(tipId, Recipient.POLICE, sealed).build());
        publish(AlertEvents.hotel(tipId, Recipient.MIKAMOTTAGNINGEN, sealed).build());
        awaitListed(POLICE, police);
        awaitListed(MIKA, mika);
        open(POLICE, police, "=HYPERLINK(\"http://evil\")");
        open(MIKA, mika, "Uppsökande");

        client().get().uri("/api/v1/audit/openings?tipId=" + tipId).headers(h -> h.setBearerAuth(AUDITOR)).exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[?(@.alertId == '" + mika + "')].reason").isEqualTo("Uppsökande")
                .jsonPath("$[?(@.alertId == '" + mika + "')].subject").isEqualTo("mika-demo")
                .jsonPath("$[?(@.alertId == '" + mika + "')].opened[0]").isEqualTo("DETAILS");
        client().get().uri("/api/v1/audit/openings?tipId=" + tipId).headers(h -> h.setBearerAuth(POLICE_AUDITOR))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].alertId").isEqualTo(police);
        client().get().uri("/api/v1/audit/openings?recipient=MIKAMOTTAGNINGEN")
                .headers(h -> h.setBearerAuth(POLICE_AUDITOR)).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("recipient");
        client().get().uri("/api/v1/audit/openings?from=yesterday&colour=red")
                .headers(h -> h.setBearerAuth(AUDITOR)).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString())
                        .contains("colour", "from"));

        String csv = client().get().uri("/api/v1/audit/openings.csv?tipId=" + tipId + "&from=" + before)
                .headers(h -> h.setBearerAuth(AUDITOR)).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("text", "csv"))
                .expectHeader().valueMatches("Content-Disposition", "attachment; filename=\".+\\.csv\"")
                .expectBody(String.class).returnResult().getResponseBody();
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("openedAt,recipient,subject,alertId,tipId,opened,reason,messageIds,noteIds");
        assertThat(csv).contains("MIKAMOTTAGNINGEN,mika-demo," + mika + "," + tipId + ",DETAILS,Uppsökande")
                .contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");

        for (String notAnAuditor : List.of(POLICE, TestTokens.coordinator())) {
            client().get().uri("/api/v1/audit/openings").headers(h -> h.setBearerAuth(notAnAuditor)).exchange()
                    .expectStatus().isForbidden();
            client().get().uri("/api/v1/audit/openings.csv").headers(h -> h.setBearerAuth(notAnAuditor)).exchange()
                    .expectStatus().isForbidden();
        }
        client().get().uri("/api/v1/audit/openings").exchange().expectStatus().isUnauthorized();
        // An auditor reads the log, not the alerts.
        client().get().uri("/api/v1/alerts/" + police).headers(h -> h.setBearerAuth(AUDITOR)).exchange()
                .expectStatus().isForbidden();
    }

    private void open(String token, String alertId, String reason) {
        client().get().uri(builder -> builder.path("/api/v1/alerts/" + alertId).queryParam("reason", "{r}").build(reason))
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.detailsState").isEqualTo("OPENED");
    }
}
