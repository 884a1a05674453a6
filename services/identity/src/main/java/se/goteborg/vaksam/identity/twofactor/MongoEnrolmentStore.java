package se.goteborg.vaksam.identity.twofactor;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;
import static com.mongodb.client.model.Updates.unset;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;

/** Enrolments in identity's own database, collection {@code two_factor}, one document per username. */
final class MongoEnrolmentStore implements EnrolmentStore {

	static final String COLLECTION = "two_factor";

	private static final String STATUS = "status";

	private static final String ACTIVE = "ACTIVE";

	private static final String PENDING = "PENDING";

	private static final String SECRET = "secret";

	private static final String CREATED_AT = "createdAt";

	private static final String LAST_USED_STEP = "lastUsedStep";

	private static final String FAILURES = "failures";

	private static final String LOCKED_UNTIL = "lockedUntil";

	private static final String RECOVERY_CODES = "recoveryCodes";

	private final MongoCollection<Document> collection;

	MongoEnrolmentStore(MongoDatabase database) {
		this.collection = database.getCollection(COLLECTION);
	}

	@Override
	public Optional<Enrolment> find(String username) {
		return Optional.ofNullable(this.collection.find(eq("_id", username)).first()).map(MongoEnrolmentStore::read);
	}

	@Override
	public boolean startEnrolment(String username, byte[] sealedSecret, Instant now) {
		try {
			// An active document does not match, so the upsert tries to insert a second one with its id and fails.
			this.collection.updateOne(and(eq("_id", username), ne(STATUS, ACTIVE)),
					combine(set(STATUS, PENDING), set(SECRET, new Binary(sealedSecret)),
							set(CREATED_AT, Date.from(now)), set(LAST_USED_STEP, Long.MIN_VALUE), set(FAILURES, 0),
							unset(LOCKED_UNTIL), set(RECOVERY_CODES, List.of())),
					new UpdateOptions().upsert(true));
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return false;
			}
			throw ex;
		}
	}

	@Override
	public boolean activate(String username, byte[] sealedSecret, long step, List<String> recoveryCodeHashes,
			Instant now) {
		return matchedOne(and(eq("_id", username), eq(STATUS, PENDING), eq(SECRET, new Binary(sealedSecret))),
				combine(set(STATUS, ACTIVE), set(LAST_USED_STEP, step), set(FAILURES, 0), unset(LOCKED_UNTIL),
						set(RECOVERY_CODES, recoveryCodeHashes), set("activatedAt", Date.from(now))));
	}

	@Override
	public boolean useStep(String username, long step) {
		return matchedOne(and(eq("_id", username), eq(STATUS, ACTIVE), lt(LAST_USED_STEP, step)),
				combine(set(LAST_USED_STEP, step), set(FAILURES, 0)));
	}

	@Override
	public boolean useRecoveryCode(String username, String hash) {
		return matchedOne(and(eq("_id", username), eq(STATUS, ACTIVE), eq(RECOVERY_CODES, hash)),
				combine(pull(RECOVERY_CODES, hash), set(FAILURES, 0)));
	}

	@Override
	public Optional<Instant> recordFailure(String username, Instant now, int maxFailures, Duration lockout) {
		Document counted = this.collection.findOneAndUpdate(eq("_id", username), inc(FAILURES, 1),
				new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
		if (counted == null || counted.getInteger(FAILURES, 0) < maxFailures) {
			return Optional.empty();
		}
		Instant until = now.plus(lockout);
		this.collection.updateOne(and(eq("_id", username), gte(FAILURES, maxFailures)),
				combine(set(FAILURES, 0), set(LOCKED_UNTIL, Date.from(until))));
		return find(username).map(Enrolment::lockedUntil);
	}

	@Override
	public boolean remove(String username) {
		return this.collection.deleteOne(and(eq("_id", username), eq(STATUS, ACTIVE))).getDeletedCount() == 1;
	}

	@Override
	public void seed(String username, byte[] sealedSecret, Instant now) {
		this.collection.updateOne(eq("_id", username),
				combine(setOnInsert(STATUS, ACTIVE), setOnInsert(SECRET, new Binary(sealedSecret)),
						setOnInsert(CREATED_AT, Date.from(now)), setOnInsert(LAST_USED_STEP, Long.MIN_VALUE),
						setOnInsert(FAILURES, 0), setOnInsert(RECOVERY_CODES, List.of())),
				new UpdateOptions().upsert(true));
	}

	private boolean matchedOne(Bson filter, Bson update) {
		return this.collection.updateOne(filter, update).getMatchedCount() == 1;
	}

	private static Enrolment read(Document document) {
		Date locked = document.getDate(LOCKED_UNTIL);
		List<String> codes = document.getList(RECOVERY_CODES, String.class, List.of());
		Number lastUsed = document.get(LAST_USED_STEP, Number.class);
		return new Enrolment(document.getString("_id"), ACTIVE.equals(document.getString(STATUS)),
				document.get(SECRET, Binary.class).getData(), document.getDate(CREATED_AT).toInstant(),
				lastUsed == null ? Long.MIN_VALUE : lastUsed.longValue(), document.getInteger(FAILURES, 0),
				locked == null ? null : locked.toInstant(), codes.size());
	}

}
