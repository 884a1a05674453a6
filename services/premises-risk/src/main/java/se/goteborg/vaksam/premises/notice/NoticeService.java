package se.goteborg.vaksam.premises.notice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Mono;
import se.goteborg.vaksam.premises.notice.NoticeRepository.ActionKey;
import se.goteborg.vaksam.premises.notice.NoticeRepository.Stored;
import se.goteborg.vaksam.web.problem.FieldProblems;

/**
 * The landlord's notices: one per city-let premises a tip concerned, opened by the first such tip and dated by its
 * assessment, with every later tip added and the actions lettings users record.
 */
@Service
public class NoticeService {

    /** Notices listed at most, newest tip first; only premises flagged by tips have one, so this is rarely reached. */
    public static final int MAX_LISTED = 500;
    public static final ZoneId CITY_TIME = ZoneId.of("Europe/Stockholm");
    static final int MAX_IDEMPOTENCY_KEY = 255;
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9 ./:-]{1,40}");
    private static final Comparator<NoticeSummary> NEWEST_TIP_FIRST = Comparator
            .comparing(NoticeSummary::lastTipAt).reversed().thenComparing(NoticeSummary::premisesId);
    private static final Logger log = LoggerFactory.getLogger(NoticeService.class);

    private final NoticeRepository notices;
    private final Clock clock;

    NoticeService(NoticeRepository notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    /** Adds the tip to its premises' notice, opening the notice if this is the first tip; a second call is harmless. */
    public Mono<Void> noteTip(AssessedTip tip) {
        return notices.addTip(tip)
                .doOnSuccess(done -> log.debug("Tip {} noted on the notice for premises {}", tip.tipId(),
                        tip.premisesId()));
    }

    /** The notices, newest tip first, at most {@value #MAX_LISTED}. */
    public Mono<List<NoticeSummary>> list() {
        return notices.summaries().collectSortedList(NEWEST_TIP_FIRST)
                .map(all -> all.subList(0, Math.min(all.size(), MAX_LISTED)));
    }

    /** The notice, or a 404 error when no tip has concerned these premises. */
    public Mono<Notice> get(String premisesId) {
        return notices.find(premisesId).map(Stored::notice).switchIfEmpty(Mono.error(NoticeService::notFound));
    }

    /** Today in Göteborg: the latest day an action can have been taken. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(CITY_TIME));
    }

    /**
     * Records an action on the notice. With an idempotency key (the API's {@code Idempotency-Key}, the page's form
     * submission id), the same request again records nothing more; the key reused for a different action is a 409.
     * Fails with a 404 for premises without a notice and with field problems ({@code action}, {@code takenOn},
     * {@code reference}, {@code Idempotency-Key}) for bad input.
     */
    public Mono<Notice> recordAction(String premisesId, ActionRequest request, String recordedBy,
                                     String idempotencyKey) {
        return get(premisesId).flatMap(notice -> checked(notice, request, idempotencyKey)).flatMap(action -> {
            Optional<String> idempotencyId = Optional.ofNullable(idempotencyKey)
                    .map(key -> sha256(recordedBy + "\n" + key));
            String fingerprint = sha256(action.action() + "\n" + action.takenOn() + "\n" + action.reference());
            return notices.change(premisesId, stored -> stored.flatMap(current -> {
                Optional<ActionKey> earlier = idempotencyId.flatMap(current::keyed);
                if (earlier.isPresent()) {
                    if (!earlier.get().fingerprint().equals(fingerprint)) {
                        throw new ResponseStatusException(HttpStatus.CONFLICT,
                                "This Idempotency-Key was used for another action.");
                    }
                    return Optional.empty();
                }
                NoticeAction recorded = new NoticeAction(UUID.randomUUID().toString(), action.action(),
                        action.takenOn(), clock.instant(), recordedBy, action.reference());
                List<ActionKey> keys = idempotencyId
                        .map(id -> append(current.actionKeys(), new ActionKey(id, fingerprint, recorded.actionId())))
                        .orElse(current.actionKeys());
                return Optional.of(new Stored(NoticeChanges.withAction(current.notice(), recorded), current.version(),
                        keys));
            })).map(Stored::notice).switchIfEmpty(Mono.error(NoticeService::notFound));
        });
    }

    private record CheckedAction(LandlordAction action, LocalDate takenOn, String reference) {
    }

    private Mono<CheckedAction> checked(Notice notice, ActionRequest request, String idempotencyKey) {
        FieldProblems problems = new FieldProblems();
        LandlordAction action = null;
        if (problems.requireText("action", request.action())) {
            action = Arrays.stream(LandlordAction.values()).filter(value -> value.name().equals(request.action()))
                    .findFirst().orElse(null);
            problems.check(action != null, "action", "must be one of " + Arrays.toString(LandlordAction.values()));
        }
        LocalDate takenOn = null;
        if (problems.requireText("takenOn", request.takenOn())) {
            takenOn = date(request.takenOn().strip());
            if (problems.check(takenOn != null, "takenOn", "must be a date YYYY-MM-DD")) {
                LocalDate known = notice.knownSince().atZone(CITY_TIME).toLocalDate();
                problems.check(!takenOn.isAfter(today()), "takenOn", "must not be in the future");
                problems.check(!takenOn.isBefore(known), "takenOn",
                        "must not be before " + known + ", the day the premises were first flagged");
            }
        }
        String reference = request.reference() == null || request.reference().isBlank() ? null
                : request.reference().strip();
        problems.check(reference == null || REFERENCE.matcher(reference).matches(), "reference",
                "must be 1-40 letters A-Z, digits, spaces or . / : -");
        problems.check(idempotencyKey == null || isValidKey(idempotencyKey), "Idempotency-Key",
                "must be 1-" + MAX_IDEMPOTENCY_KEY + " visible ASCII characters");
        return problems.thenReturn(new CheckedAction(action, takenOn, reference));
    }

    private static boolean isValidKey(String key) {
        return !key.isEmpty() && key.length() <= MAX_IDEMPOTENCY_KEY && key.chars().allMatch(c -> c > 0x20 && c < 0x7F);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static <T> List<T> append(List<T> list, T item) {
        return Stream.concat(list.stream(), Stream.of(item)).toList();
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No tip has concerned these premises.");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
