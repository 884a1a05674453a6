package se.goteborg.vaksam.identity.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import se.goteborg.vaksam.identity.TestStore;

/** The store against a real Mongo-compatible server: its conditional single-document writes are the guards. */
class MongoEnrolmentStoreIT {

	private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

	private static final byte[] SEALED = { 1, 2, 3, 4 };

	private static MongoClient client;

	private static MongoDatabase database;

	private static MongoEnrolmentStore store;

	@BeforeAll
	static void connect() {
		client = MongoClients.create(TestStore.uri());
		database = client.getDatabase(TestStore.database("identity-store"));
		store = new MongoEnrolmentStore(database);
	}

	@AfterAll
	static void close() {
		client.close();
	}

	@Test
	void anAuthenticatorIsSetUpThenActivatedAndNeverReplacedWhileActive() {
		assertThat(store.startEnrolment("setting-up", SEALED, NOW)).isTrue();
		Enrolment pending = store.find("setting-up").orElseThrow();
		assertThat(pending.active()).isFalse();
		assertThat(pending.sealedSecret()).isEqualTo(SEALED);
		assertThat(store.useStep("setting-up", 10)).as("no code counts before activation").isFalse();

		assertThat(store.activate("setting-up", new byte[] { 9 }, 5, List.of("h1"), NOW))
			.as("another secret than the one set up")
			.isFalse();
		assertThat(store.activate("setting-up", SEALED, 5, List.of("h1", "h2"), NOW)).isTrue();
		Enrolment active = store.find("setting-up").orElseThrow();
		assertThat(active.active()).isTrue();
		assertThat(active.lastUsedStep()).isEqualTo(5);
		assertThat(active.recoveryCodesLeft()).isEqualTo(2);

		assertThat(store.startEnrolment("setting-up", new byte[] { 7 }, NOW)).isFalse();
		assertThat(store.find("setting-up").orElseThrow().sealedSecret()).isEqualTo(SEALED);
		assertThat(database.getCollection(MongoEnrolmentStore.COLLECTION).countDocuments(new Document("_id", "setting-up")))
			.isEqualTo(1);
	}

	@Test
	void ofManyRequestsWithTheSameCodeExactlyOneGetsIn() throws Exception {
		active("racing", List.of());

		List<Boolean> results = concurrently(16, () -> store.useStep("racing", 100));

		assertThat(results).containsOnlyOnce(true);
		assertThat(store.useStep("racing", 99)).as("an earlier step after a later one").isFalse();
		assertThat(store.useStep("racing", 101)).isTrue();
	}

	@Test
	void aRecoveryCodeIsStruckOutOnceWhateverTheRace() throws Exception {
		active("recovering", List.of("hash-a", "hash-b"));

		List<Boolean> results = concurrently(16, () -> store.useRecoveryCode("recovering", "hash-a"));

		assertThat(results).containsOnlyOnce(true);
		assertThat(store.find("recovering").orElseThrow().recoveryCodesLeft()).isEqualTo(1);
		assertThat(store.useRecoveryCode("recovering", "hash-b")).isTrue();
		assertThat(store.useRecoveryCode("recovering", "hash-b")).isFalse();
	}

	@Test
	void theFifthFailureLocksAndStartsTheCountAgain() {
		active("guessing", List.of());
		for (int i = 0; i < 4; i++) {
			assertThat(store.recordFailure("guessing", NOW, 5, Duration.ofMinutes(15))).isEmpty();
		}
		assertThat(store.recordFailure("guessing", NOW, 5, Duration.ofMinutes(15)))
			.contains(NOW.plus(Duration.ofMinutes(15)));
		Enrolment locked = store.find("guessing").orElseThrow();
		assertThat(locked.lockedAt(NOW.plus(Duration.ofMinutes(14)))).isTrue();
		assertThat(locked.lockedAt(NOW.plus(Duration.ofMinutes(15)))).isFalse();
		assertThat(locked.failures()).isZero();

		store.recordFailure("guessing", NOW, 5, Duration.ofMinutes(15));
		assertThat(store.useStep("guessing", 1)).isTrue();
		assertThat(store.find("guessing").orElseThrow().failures()).as("an accepted code resets the count").isZero();
	}

	@Test
	void removingTakesOnlyAnActiveAuthenticatorAndSeedingKeepsAnExistingOne() {
		active("leaving", List.of());
		assertThat(store.remove("leaving")).isTrue();
		assertThat(store.find("leaving")).isEmpty();
		assertThat(store.remove("leaving")).isFalse();

		store.seed("seeded", SEALED, NOW);
		assertThat(store.useStep("seeded", 3)).isTrue();
		store.seed("seeded", new byte[] { 8 }, NOW);
		Enrolment seeded = store.find("seeded").orElseThrow();
		assertThat(seeded.sealedSecret()).isEqualTo(SEALED);
		assertThat(seeded.lastUsedStep()).isEqualTo(3);
	}

	private static void active(String username, List<String> hashes) {
		assertThat(store.startEnrolment(username, SEALED, NOW)).isTrue();
		assertThat(store.activate(username, SEALED, 0, hashes, NOW)).isTrue();
	}

	private static List<Boolean> concurrently(int requests, Callable<Boolean> request) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(requests);
		try {
			List<Future<Boolean>> futures = IntStream.range(0, requests).mapToObj(i -> pool.submit(request)).toList();
			return futures.stream().map(future -> {
				try {
					return future.get();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}).toList();
		}
		finally {
			pool.shutdownNow();
		}
	}

}
