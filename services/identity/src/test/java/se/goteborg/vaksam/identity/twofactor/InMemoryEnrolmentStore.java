package se.goteborg.vaksam.identity.twofactor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The store's contract in memory, for unit tests of the service; the Mongo store is tested against a real one. */
final class InMemoryEnrolmentStore implements EnrolmentStore {

	private final Map<String, Enrolment> enrolments = new ConcurrentHashMap<>();

	private final Map<String, List<String>> codes = new ConcurrentHashMap<>();

	@Override
	public Optional<Enrolment> find(String username) {
		return Optional.ofNullable(this.enrolments.get(username));
	}

	@Override
	public synchronized boolean startEnrolment(String username, byte[] sealedSecret, Instant now) {
		if (find(username).filter(Enrolment::active).isPresent()) {
			return false;
		}
		this.enrolments.put(username, new Enrolment(username, false, sealedSecret, now, Long.MIN_VALUE, 0, null, 0));
		this.codes.put(username, new ArrayList<>());
		return true;
	}

	@Override
	public synchronized boolean activate(String username, byte[] sealedSecret, long step, List<String> hashes,
			Instant now) {
		Enrolment e = this.enrolments.get(username);
		if (e == null || e.active() || !Arrays.equals(e.sealedSecret(), sealedSecret)) {
			return false;
		}
		this.codes.put(username, new ArrayList<>(hashes));
		this.enrolments.put(username, new Enrolment(username, true, sealedSecret, e.createdAt(), step, 0, null,
				hashes.size()));
		return true;
	}

	@Override
	public synchronized boolean useStep(String username, long step) {
		Enrolment e = this.enrolments.get(username);
		if (e == null || !e.active() || e.lastUsedStep() >= step) {
			return false;
		}
		this.enrolments.put(username, new Enrolment(username, true, e.sealedSecret(), e.createdAt(), step, 0,
				e.lockedUntil(), e.recoveryCodesLeft()));
		return true;
	}

	@Override
	public synchronized boolean useRecoveryCode(String username, String hash) {
		Enrolment e = this.enrolments.get(username);
		if (e == null || !e.active() || !this.codes.get(username).remove(hash)) {
			return false;
		}
		this.enrolments.put(username, new Enrolment(username, true, e.sealedSecret(), e.createdAt(),
				e.lastUsedStep(), 0, e.lockedUntil(), this.codes.get(username).size()));
		return true;
	}

	@Override
	public synchronized Optional<Instant> recordFailure(String username, Instant now, int maxFailures,
			Duration lockout) {
		Enrolment e = this.enrolments.get(username);
		if (e == null) {
			return Optional.empty();
		}
		boolean locks = e.failures() + 1 >= maxFailures;
		Instant until = locks ? now.plus(lockout) : e.lockedUntil();
		this.enrolments.put(username, new Enrolment(username, e.active(), e.sealedSecret(), e.createdAt(),
				e.lastUsedStep(), locks ? 0 : e.failures() + 1, until, e.recoveryCodesLeft()));
		return locks ? Optional.of(until) : Optional.empty();
	}

	@Override
	public synchronized boolean remove(String username) {
		if (find(username).filter(Enrolment::active).isEmpty()) {
			return false;
		}
		this.enrolments.remove(username);
		this.codes.remove(username);
		return true;
	}

	@Override
	public synchronized void seed(String username, byte[] sealedSecret, Instant now) {
		if (!this.enrolments.containsKey(username)) {
			this.enrolments.put(username, new Enrolment(username, true, sealedSecret, now, Long.MIN_VALUE, 0, null, 0));
			this.codes.put(username, new ArrayList<>());
		}
	}

}
