package se.goteborg.vaksam.intake.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import se.goteborg.vaksam.events.common.Channel;
import se.goteborg.vaksam.events.common.ExploitationType;
import se.goteborg.vaksam.events.common.SuspectedMinor;
import se.goteborg.vaksam.intake.intake.TipRequests.HotelTipRequest;
import se.goteborg.vaksam.intake.intake.TipRequests.TaxiTipRequest;
import se.goteborg.vaksam.platform.events.Indicator;
import se.goteborg.vaksam.web.problem.IdempotencyKeys;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/** The hand-written OpenAPI document says what the code does: same fields, same limits, same catalogue. */
class OpenApiDocumentTest {

    private static final String DOCUMENT = "/openapi/vaksam-intake.yaml";
    /** Just after the examples' times. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T21:00:00Z"), ZoneOffset.UTC);
    /** As strict as the service's own mapper (JsonConfiguration). */
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private final SwaggerParseResult parsed = parse();
    private final OpenAPI api = parsed.getOpenAPI();

    @Test
    void theDocumentIsValidOpenApi31() {
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(api.getOpenapi()).isEqualTo("3.1.0");
        assertThat(api.getPaths()).containsKeys("/api/v1/tips/hotel", "/api/v1/tips/taxi",
                "/api/v1/receipts/{receiptCode}", "/api/v1/receipts/{receiptCode}/answers", "/api/v1/openapi.yaml");
    }

    @Test
    void theIndicatorEnumsAreTheCatalogue() {
        assertThat(enumOf("IndicatorCode")).containsExactly(Arrays.stream(Indicator.values()).map(Enum::name)
                .toArray(String[]::new));
        assertThat(enumOf("HotelIndicatorCode")).containsExactly(codesOf(Channel.HOTEL));
        assertThat(enumOf("TaxiIndicatorCode")).containsExactly(codesOf(Channel.TAXI));
    }

    @Test
    void theOtherEnumsAreTheEventSchemas() {
        assertThat(enumOf(property("TipFields", "suspectedMinor")))
                .containsExactly(names(SuspectedMinor.values()));
        assertThat(enumOf(property("TipFields", "exploitationType")))
                .containsExactly(names(ExploitationType.values()));
        assertThat(enumOf("TipStatus")).containsExactly(names(TipStatus.values()));
    }

    @Test
    void theRequestSchemasHaveExactlyTheRequestsFields() {
        assertThat(fieldsOf("HotelTipRequest")).containsExactlyInAnyOrder(components(HotelTipRequest.class));
        assertThat(fieldsOf("TaxiTipRequest")).containsExactlyInAnyOrder(components(TaxiTipRequest.class));
        assertThat(fieldsOf("Premises")).containsExactlyInAnyOrder(components(TipRequests.PremisesRequest.class));
        assertThat(fieldsOf("Trip")).containsExactlyInAnyOrder(components(TipRequests.TripRequest.class));
        assertThat(fieldsOf("TripStop")).containsExactlyInAnyOrder(components(TipRequests.StopRequest.class));
    }

    @Test
    void theLimitsAreTheValidators() {
        assertThat(property("TipFields", "description").getMaxLength()).isEqualTo(TipValidator.MAX_DESCRIPTION);
        assertThat(property("TipFields", "reporterContact").getMaxLength()).isEqualTo(TipValidator.MAX_CONTACT);
        for (String request : List.of("HotelTipRequest", "TaxiTipRequest")) {
            assertThat(ownProperty(request, "indicators").getMaxItems()).isEqualTo(TipValidator.MAX_INDICATORS);
        }
        assertThat(property("Premises", "name").getMaxLength()).isEqualTo(TipValidator.MAX_NAME);
        assertThat(property("Premises", "streetAddress").getMaxLength()).isEqualTo(TipValidator.MAX_ADDRESS);
        assertThat(property("Premises", "city").getMaxLength()).isEqualTo(TipValidator.MAX_CITY);
        assertThat(property("Premises", "room").getMaxLength()).isEqualTo(TipValidator.MAX_ROOM);
        assertThat(property("TripStop", "address").getMaxLength()).isEqualTo(TipValidator.MAX_ADDRESS);
        assertThat(property("Trip", "vehicleRef").getMaxLength()).isEqualTo(TipValidator.MAX_VEHICLE_REF);
        assertThat(property("Trip", "passengers").getMaximum()).isEqualByComparingTo(
                String.valueOf(TipValidator.MAX_PASSENGERS));
        assertThat(api.getComponents().getParameters().get("IdempotencyKey").getSchema().getMaxLength())
                .isEqualTo(IdempotencyKeys.MAX_LENGTH);
        assertThat(required("HotelTipRequest")).containsExactlyInAnyOrder("observedAt", "indicators",
                "suspectedMinor", "immediateDanger", "exploitationType", "premises");
        assertThat(required("TaxiTipRequest")).containsExactlyInAnyOrder("observedAt", "indicators",
                "suspectedMinor", "immediateDanger", "exploitationType", "trip");
    }

    @Test
    void theExampleRequestsAreAcceptedByTheValidator() {
        TipValidator validator = new TipValidator(CLOCK);
        // A refused example throws InvalidFieldsException naming its fields; an unknown field fails to read.
        assertThat(examples("/api/v1/tips/hotel")).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(json -> validator.validate(STRICT.readValue(json, HotelTipRequest.class)));
        assertThat(examples("/api/v1/tips/taxi")).isNotEmpty()
                .allSatisfy(json -> validator.validate(STRICT.readValue(json, TaxiTipRequest.class)));
    }

    /** Each example request body of the path's POST, as JSON. */
    private List<String> examples(String path) {
        Map<String, Example> examples = api.getPaths().get(path).getPost().getRequestBody().getContent()
                .get("application/json").getExamples();
        return examples.values().stream().map(example -> {
            try {
                return Json31.mapper().writeValueAsString(example.getValue());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private Schema<?> schema(String name) {
        Schema<?> schema = api.getComponents().getSchemas().get(name);
        assertThat(schema).as("schema %s", name).isNotNull();
        return schema;
    }

    /** A property of a schema, or of any schema it is made of with {@code allOf}. */
    private Schema<?> property(String schemaName, String property) {
        return properties(schema(schemaName)).entrySet().stream().filter(e -> e.getKey().equals(property))
                .map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError(schemaName + " has no property " + property));
    }

    /** A property the schema adds itself (in its own {@code allOf} part), not one of a referenced schema. */
    private Schema<?> ownProperty(String schemaName, String property) {
        return schema(schemaName).getAllOf().stream()
                .filter(part -> part.get$ref() == null && part.getProperties() != null
                        && part.getProperties().containsKey(property))
                .map(part -> (Schema<?>) part.getProperties().get(property))
                .findFirst().orElseThrow(() -> new AssertionError(schemaName + " adds no property " + property));
    }

    /** The required properties of a schema and of the schemas it is made of with {@code allOf}. */
    private Set<String> required(String schemaName) {
        Set<String> required = new LinkedHashSet<>();
        Schema<?> schema = schema(schemaName);
        if (schema.getRequired() != null) {
            required.addAll(schema.getRequired());
        }
        for (Schema<?> part : schema.getAllOf()) {
            Schema<?> resolved = part.get$ref() == null ? part
                    : schema(part.get$ref().substring(part.get$ref().lastIndexOf('/') + 1));
            if (resolved.getRequired() != null) {
                required.addAll(resolved.getRequired());
            }
        }
        return required;
    }

    private Set<String> fieldsOf(String schemaName) {
        return properties(schema(schemaName)).keySet();
    }

    @SuppressWarnings("rawtypes")
    private Map<String, Schema<?>> properties(Schema<?> schema) {
        Map<String, Schema<?>> properties = new LinkedHashMap<>();
        if (schema.get$ref() != null) {
            return properties(schema(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1)));
        }
        if (schema.getAllOf() != null) {
            for (Schema part : schema.getAllOf()) {
                properties.putAll(properties((Schema<?>) part));
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> properties.put(name, (Schema<?>) property));
        }
        return properties;
    }

    private List<String> enumOf(String schemaName) {
        return enumOf(schema(schemaName));
    }

    private static List<String> enumOf(Schema<?> schema) {
        return schema.getEnum().stream().map(String::valueOf).toList();
    }

    private static String[] codesOf(Channel channel) {
        return Arrays.stream(Indicator.values()).filter(i -> i.channel() == channel).map(Enum::name)
                .toArray(String[]::new);
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }

    private static String[] components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toArray(String[]::new);
    }

    private static SwaggerParseResult parse() {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream(DOCUMENT)) {
            assertThat(in).as(DOCUMENT).isNotNull();
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            return new OpenAPIV3Parser().readContents(new String(in.readAllBytes(), StandardCharsets.UTF_8), null,
                    options);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
