package se.goteborg.vaksam.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of the running system that knows only its public contract: the gateway's base URL. */
final class Vaksam {

    record Response(int status, String contentType, JsonNode body, String raw) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    Vaksam(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A client-credentials token from identity, through the gateway, for one of the demo clients. */
    String token(String clientId) {
        return tokens.computeIfAbsent(clientId, id -> {
            String basic = Base64.getEncoder().encodeToString((id + ":" + id + "-secret").getBytes(StandardCharsets.UTF_8));
            Response response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
            if (response.status() != 200) {
                throw new AssertionError("No token for " + id + ": " + response.status() + " " + response.raw());
            }
            return response.body().get("access_token").asString();
        });
    }

    Response submitTip(String channel, String memberKey, Object tip) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/tips/" + channel))
                .header("Authorization", "Bearer " + memberKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(tip))));
    }

    Response submitRaw(String channel, String memberKey, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/tips/" + channel))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (memberKey != null) {
            request.header("Authorization", "Bearer " + memberKey);
        }
        return send(request);
    }

    List<JsonNode> alerts(String clientId) {
        Response response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/alerts?limit=500"))
                .header("Authorization", "Bearer " + token(clientId)).GET());
        if (response.status() != 200) {
            throw new AssertionError("Inbox of " + clientId + " answered " + response.status() + " " + response.raw());
        }
        JsonNode body = response.body();
        JsonNode list = body.isArray() ? body : body.get("alerts");
        return list.valueStream().toList();
    }

    List<JsonNode> alertsForTip(String clientId, String tipId) {
        return alerts(clientId).stream().filter(a -> tipId.equals(a.get("tipId").asString())).toList();
    }

    Response alert(String clientId, String alertId) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/alerts/" + alertId))
                .header("Authorization", "Bearer " + token(clientId)).GET());
    }

    Response acknowledge(String clientId, String alertId) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/alerts/" + alertId + "/acknowledge"))
                .header("Authorization", "Bearer " + token(clientId))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    Response outcome(String clientId, String alertId, String outcome) {
        return postJson(clientId, "/api/v1/alerts/" + alertId + "/outcome", Map.of("outcome", outcome));
    }

    Response ask(String clientId, String alertId, String text) {
        return postJson(clientId, "/api/v1/alerts/" + alertId + "/questions", Map.of("text", text));
    }

    /** The receipt, as its holder reads it: no token, only the code. */
    Response receipt(String receiptCode) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/receipts/" + receiptCode)).GET());
    }

    Response answer(String receiptCode, String questionId, String text) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/receipts/" + receiptCode + "/answers"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("questionId", questionId, "text", text)))));
    }

    /** The lettings group's register file, as its systems send it. */
    Response importRegister(byte[] csv, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/lettings/register"))
                .header("Authorization", "Bearer " + token("lettings-demo"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)));
    }

    Response get(String clientId, String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token(clientId)).GET());
    }

    Response postJson(String clientId, String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token(clientId))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** Any request, with the {@code Authorization} header given as is (or none when null). */
    Response request(String method, String path, String authorization, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode body = response.body().isBlank() || !contentType.contains("json") ? null : JSON.readTree(response.body());
            return new Response(response.statusCode(), contentType, body, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
