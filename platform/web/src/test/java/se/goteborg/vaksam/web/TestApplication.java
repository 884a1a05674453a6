package se.goteborg.vaksam.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.web.page.PageSecurity;
import se.goteborg.vaksam.web.problem.FieldProblems;
import se.goteborg.vaksam.web.problem.RequestBodies;
import se.goteborg.vaksam.web.security.VaksamCaller;
import se.goteborg.vaksam.web.security.VaksamJwtAuthenticationConverter;
import se.goteborg.vaksam.web.security.VaksamSecurity;

/** A tiny service using the library the way the real services do. */
@SpringBootApplication
public class TestApplication {

	public enum Kind {

		HOTEL, TAXI

	}

	public record Place(String city) {
	}

	public record Thing(String name, Kind kind, int count, List<Kind> tags, Place place) {
	}

	public record ValidatedThing(@NotBlank String name, @Positive int count) {
	}

	/** Pages people log in to, as the services with such pages declare them. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityWebFilterChain pagesChain(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
			VaksamJwtAuthenticationConverter converter) {
		return PageSecurity.personPages(http, PageSecurity.NO_SCRIPT_CSP, "/pages", jwtDecoder, converter)
			.authorizeExchange(exchanges -> exchanges.anyExchange().hasRole("RECIPIENT"))
			.build();
	}

	@Bean
	SecurityWebFilterChain testChain(ServerHttpSecurity http, VaksamSecurity vaksam) {
		return vaksam.resourceServer(http)
			.authorizeExchange(exchanges -> exchanges.pathMatchers("/api/recipient/**")
				.hasRole("RECIPIENT")
				.pathMatchers("/api/coordinator/**")
				.hasRole("COORDINATOR")
				.pathMatchers("/test/**")
				.permitAll()
				.anyExchange()
				.denyAll())
			.build();
	}

	@Bean
	RouterFunction<ServerResponse> functionalRoutes() {
		return RouterFunctions.route()
			.POST("/test/fn/things", request -> RequestBodies.required(request, Thing.class)
				.flatMap(TestApplication::check)
				.flatMap(thing -> ServerResponse.status(HttpStatus.CREATED).bodyValue(thing)))
			.GET("/pages/form", request -> ServerResponse.ok().bodyValue("form"))
			.POST("/pages/form", request -> ServerResponse.ok().bodyValue("sent"))
			.POST("/test/large/upload", request -> request.bodyToMono(String.class)
				.flatMap(body -> ServerResponse.ok().bodyValue(Map.of("length", body.length()))))
			.build();
	}

	static Mono<Thing> check(Thing thing) {
		FieldProblems problems = new FieldProblems();
		problems.requireText("name", thing.name());
		problems.requirePresent("kind", thing.kind());
		if (problems.requirePresent("place", thing.place())) {
			problems.requireText("place.city", thing.place().city());
		}
		return problems.thenReturn(thing);
	}

	@RestController
	static class TestController {

		@PostMapping(path = "/test/things", consumes = MediaType.APPLICATION_JSON_VALUE)
		@ResponseStatus(HttpStatus.CREATED)
		Mono<Thing> create(@RequestBody Thing thing) {
			return check(thing);
		}

		@PostMapping(path = "/test/validated", consumes = MediaType.APPLICATION_JSON_VALUE)
		ValidatedThing validated(@Valid @RequestBody ValidatedThing thing) {
			return thing;
		}

		@GetMapping("/test/boom")
		Mono<String> boom() {
			return Mono.error(new IllegalStateException("secret content from a tip"));
		}

		@GetMapping("/api/recipient/me")
		Mono<Map<String, Object>> me() {
			return VaksamCaller.current()
				.map(caller -> Map.of("subject", caller.subject(), "recipient", caller.recipient().orElse("-"),
						"roles", caller.roles()));
		}

		@GetMapping("/api/coordinator/stats")
		Map<String, Object> stats() {
			return Map.of("tips", 0);
		}

	}

}
