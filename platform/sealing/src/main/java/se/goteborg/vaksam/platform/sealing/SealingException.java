package se.goteborg.vaksam.platform.sealing;

/** Sealing or opening failed; the message never contains any of the content. */
public class SealingException extends RuntimeException {

    public SealingException(String message, Throwable cause) {
        super(message, cause);
    }
}
