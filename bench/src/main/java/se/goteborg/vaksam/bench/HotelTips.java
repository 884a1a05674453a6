package se.goteborg.vaksam.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;

/** A hotel tip as a member's system submits it through the gateway, each with an Idempotency-Key of its own. */
final class HotelTips {

    private HotelTips() {
    }

    static HttpRequest submit(URI baseUrl, String memberKey, String json, Duration timeout) {
        return HttpRequest.newBuilder(baseUrl.resolve("/api/v1/tips/hotel"))
                .timeout(timeout)
                .header("Authorization", "Bearer " + memberKey)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }
}
