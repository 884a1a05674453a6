package se.goteborg.vaksam.inbox.webhook;

import java.net.URI;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.inbox.webhook.WebhookRequests.Registration;
import se.goteborg.vaksam.inbox.webhook.WebhookViews.DeliveryView;
import se.goteborg.vaksam.inbox.webhook.WebhookViews.WebhookView;
import se.goteborg.vaksam.web.problem.RequestBodies;

@Component
class WebhookHandler {

    private final WebhookService service;
    private final EndpointRules rules;

    WebhookHandler(WebhookService service, EndpointRules rules) {
        this.service = service;
        this.rules = rules;
    }

    Mono<ServerResponse> register(ServerRequest request) {
        return WebhookCaller.current()
                .flatMap(caller -> RequestBodies.required(request, Registration.class)
                        .flatMap(registration -> WebhookRequests.registration(registration, rules))
                        .flatMap(registration -> service.register(caller, registration)))
                // The answer holds the secret: no cache between here and the organisation may keep it.
                .flatMap(view -> ServerResponse.created(URI.create("/api/v1/webhooks/" + view.webhookId()))
                        .cacheControl(CacheControl.noStore())
                        .bodyValue(view));
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return WebhookCaller.current()
                .flatMap(caller -> ServerResponse.ok().body(service.list(caller), WebhookView.class));
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return WebhookCaller.current()
                .flatMap(caller -> service.get(caller, request.pathVariable("webhookId")))
                .flatMap(view -> ServerResponse.ok().bodyValue(view));
    }

    Mono<ServerResponse> delete(ServerRequest request) {
        return WebhookCaller.current()
                .flatMap(caller -> service.delete(caller, request.pathVariable("webhookId")))
                .then(ServerResponse.noContent().build());
    }

    Mono<ServerResponse> deliveries(ServerRequest request) {
        return WebhookCaller.current().flatMap(caller -> WebhookRequests
                .deliveryQuery(request.queryParam("status"), request.queryParam("limit"))
                .flatMap(query -> ServerResponse.ok().body(
                        service.deliveries(caller, request.pathVariable("webhookId"), query), DeliveryView.class)));
    }

    Mono<ServerResponse> retry(ServerRequest request) {
        return WebhookCaller.current()
                .flatMap(caller -> service.retry(caller, request.pathVariable("webhookId"),
                        request.pathVariable("deliveryId")))
                .flatMap(view -> ServerResponse.status(HttpStatus.ACCEPTED).bodyValue(view));
    }

    Mono<ServerResponse> ping(ServerRequest request) {
        return WebhookCaller.current()
                .flatMap(caller -> service.ping(caller, request.pathVariable("webhookId")))
                .flatMap(view -> ServerResponse.status(HttpStatus.ACCEPTED).bodyValue(view));
    }
}
