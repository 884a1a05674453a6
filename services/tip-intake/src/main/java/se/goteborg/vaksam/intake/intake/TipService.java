package se.goteborg.vaksam.intake.intake;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.events.common.Address;
import se.goteborg.vaksam.events.tip.HotelPremises;
import se.goteborg.vaksam.events.tip.TaxiTrip;
import se.goteborg.vaksam.events.tip.TipSubmitted;
import se.goteborg.vaksam.events.tip.TripStop;
import se.goteborg.vaksam.intake.intake.TipRequests.TipRequest;
import se.goteborg.vaksam.intake.receipt.ReceiptCodes;
import se.goteborg.vaksam.platform.events.Outbox;
import se.goteborg.vaksam.platform.events.OutboxRelay;
import se.goteborg.vaksam.platform.events.Topics;
import se.goteborg.vaksam.platform.sealing.Sealer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts a validated tip: seals its details to alert-inbox, stores it with its receipt code and its TipSubmitted
 * event in one atomic insert, and has the outbox relay publish the event.
 */
@Service
class TipService {

    /** A fresh receipt code is tried again only on the (2^-80) chance that it is taken. */
    private static final int ATTEMPTS = 3;

    private final TipRepository tips;
    private final Sealer sealer;
    private final OutboxRelay relay;
    private final Clock clock;
    private final JsonMapper json;

    TipService(TipRepository tips, Sealer sealer, OutboxRelay relay, Clock clock, JsonMapper json) {
        this.tips = tips;
        this.sealer = sealer;
        this.relay = relay;
        this.clock = clock;
        this.json = json;
    }

    /** A receipt, and whether it answers an earlier identical request with the same Idempotency-Key. */
    record Submitted(TipReceipt receipt, boolean replayed) {
    }

    /**
     * @param idempotencyKey the request's {@code Idempotency-Key}, or {@code null}: with a key, a repeated request
     *                       gets the first one's receipt and stores nothing; the same key with another body is a 409
     */
    Mono<Submitted> submit(String memberId, TipRequest request, Tip tip, String idempotencyKey) {
        if (idempotencyKey == null) {
            return create(memberId, tip, null, 1);
        }
        byte[] canonical = (tip.channel().name() + "\n" + json.writeValueAsString(request))
                .getBytes(StandardCharsets.UTF_8);
        Idempotency idempotency = Idempotency.of(memberId, idempotencyKey, canonical);
        return replay(idempotency).switchIfEmpty(Mono.defer(() -> create(memberId, tip, idempotency, 1)));
    }

    private Mono<Submitted> replay(Idempotency idempotency) {
        return tips.findByIdempotencyId(idempotency.id()).handle((stored, sink) -> {
            if (idempotency.fingerprint().equals(stored.getString(TipRepository.IDEMPOTENCY_FINGERPRINT))) {
                sink.next(new Submitted(new TipReceipt(stored.getString("_id"),
                        stored.getString(TipCollection.RECEIPT_CODE), TipStatus.RECEIVED), true));
            } else {
                sink.error(conflict());
            }
        });
    }

    private Mono<Submitted> create(String memberId, Tip tip, Idempotency idempotency, int attempt) {
        return Mono.defer(() -> {
                    String tipId = UUID.randomUUID().toString();
                    String receiptCode = ReceiptCodes.generate();
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                    byte[] sealed = tip.details().isEmpty() ? null : sealer.seal(detailsJson(tip.details()), tipId);
                    TipSubmitted event = event(tipId, memberId, now, tip, sealed);
                    Document document = document(event, tip, receiptCode, idempotency);
                    return tips.insert(document)
                            .then(Mono.fromRunnable(() -> relay.nudge(tipId)))
                            .thenReturn(new Submitted(new TipReceipt(tipId, receiptCode, TipStatus.RECEIVED), false));
                })
                .onErrorResume(TipService::isDuplicateKey, e -> {
                    // A concurrent request with the same Idempotency-Key was stored first, or the receipt code was taken.
                    Mono<Submitted> again = attempt < ATTEMPTS ? create(memberId, tip, idempotency, attempt + 1)
                            : Mono.error(e);
                    return idempotency == null ? again : replay(idempotency).switchIfEmpty(again);
                });
    }

    /** The sealed plaintext: UTF-8 JSON {@code {"description":…,"reporterContact":…}}, absent ones as null. */
    private byte[] detailsJson(Tip.Details details) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("description", details.description());
        fields.put("reporterContact", details.reporterContact());
        return json.writeValueAsBytes(fields);
    }

    private static TipSubmitted event(String tipId, String memberId, Instant now, Tip tip, byte[] sealed) {
        return TipSubmitted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setTipId(tipId)
                .setMemberId(memberId)
                .setChannel(tip.channel())
                .setSubmittedAt(now)
                .setObservedAt(tip.observedAt().truncatedTo(ChronoUnit.MILLIS))
                .setIndicators(List.copyOf(tip.indicators()))
                .setSuspectedMinor(tip.suspectedMinor())
                .setImmediateDanger(tip.immediateDanger())
                .setExploitationType(tip.exploitationType())
                .setPremises(tip.premises() == null ? null : premises(tip.premises()))
                .setTrip(tip.trip() == null ? null : trip(tip.trip()))
                .setSealedDetails(sealed == null ? null : ByteBuffer.wrap(sealed))
                .build();
    }

    private static HotelPremises premises(Tip.Premises premises) {
        return HotelPremises.newBuilder()
                .setName(premises.name())
                .setAddress(Address.newBuilder()
                        .setStreetAddress(premises.streetAddress())
                        .setPostalCode(premises.postalCode())
                        .setCity(premises.city())
                        .build())
                .setRoom(premises.room())
                .build();
    }

    private static TaxiTrip trip(Tip.Trip trip) {
        return TaxiTrip.newBuilder()
                .setPickup(stop(trip.pickup()))
                .setDropoff(stop(trip.dropoff()))
                .setPassengers(trip.passengers())
                .setVehicleRef(trip.vehicleRef())
                .build();
    }

    private static TripStop stop(Tip.Stop stop) {
        return TripStop.newBuilder()
                .setAddress(Address.newBuilder().setStreetAddress(stop.address()).build())
                .setTime(stop.time() == null ? null : stop.time().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }

    /** Routing facts in the clear, details only sealed; nothing about the sender beyond the member. */
    private static Document document(TipSubmitted event, Tip tip, String receiptCode, Idempotency idempotency) {
        Document document = new Document("_id", event.getTipId())
                .append("memberId", event.getMemberId())
                .append("channel", tip.channel().name())
                .append("submittedAt", Date.from(event.getSubmittedAt()))
                .append("observedAt", Date.from(event.getObservedAt()))
                .append("indicators", tip.indicators())
                .append("suspectedMinor", tip.suspectedMinor().name())
                .append("immediateDanger", tip.immediateDanger())
                .append("exploitationType", tip.exploitationType().name());
        if (tip.premises() != null) {
            Tip.Premises p = tip.premises();
            document.append("premises", new Document("name", p.name())
                    .append("streetAddress", p.streetAddress())
                    .append("postalCode", p.postalCode())
                    .append("city", p.city())
                    .append("room", p.room()));
        }
        if (tip.trip() != null) {
            Tip.Trip t = tip.trip();
            document.append("trip", new Document("pickup", stopDocument(t.pickup()))
                    .append("dropoff", stopDocument(t.dropoff()))
                    .append("passengers", t.passengers())
                    .append("vehicleRef", t.vehicleRef()));
        }
        if (event.getSealedDetails() != null) {
            document.append("sealedDetails", new Binary(event.getSealedDetails().array()));
        }
        document.append(TipCollection.RECEIPT_CODE, receiptCode);
        if (idempotency != null) {
            document.append(TipRepository.IDEMPOTENCY_ID, idempotency.id())
                    .append(TipRepository.IDEMPOTENCY_FINGERPRINT, idempotency.fingerprint());
        }
        return document.append(Outbox.FIELD, List.of(Outbox.entry(Topics.TIP_SUBMITTED, event.getTipId(), event)));
    }

    private static Document stopDocument(Tip.Stop stop) {
        return new Document("address", stop.address())
                .append("time", stop.time() == null ? null : Date.from(stop.time()));
    }

    private static boolean isDuplicateKey(Throwable e) {
        return e instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    private static ErrorResponseException conflict() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "This Idempotency-Key was already used with a different request.");
        problem.setProperty("errors", List.of(Map.of("field", "Idempotency-Key",
                "message", "was already used with a different request body")));
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }
}
