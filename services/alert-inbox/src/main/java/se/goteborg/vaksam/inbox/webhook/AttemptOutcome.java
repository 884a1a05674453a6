package se.goteborg.vaksam.inbox.webhook;

/**
 * How one attempt ended: the receiver's HTTP status, or the class of the error that kept it from answering. Never a
 * message, which could name the receiver's host or echo its answer.
 */
record AttemptOutcome(Integer statusCode, String error) {

    static AttemptOutcome status(int statusCode) {
        return new AttemptOutcome(statusCode, null);
    }

    static AttemptOutcome error(Throwable error) {
        return new AttemptOutcome(null, error.getClass().getSimpleName());
    }

    boolean delivered() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    /** For the log: the status code or the error class. */
    String describe() {
        return statusCode != null ? "HTTP " + statusCode : error;
    }
}
