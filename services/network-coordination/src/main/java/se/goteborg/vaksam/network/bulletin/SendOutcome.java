package se.goteborg.vaksam.network.bulletin;

import jakarta.mail.MessagingException;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailSendException;

/**
 * How one attempt to send an e-mail ended: sent, refused by the SMTP server with a reply code, or ended by an error
 * (no connection, a time-out) named by its class. Never an error's message: the server's answer may hold the
 * address.
 */
record SendOutcome(boolean sent, Integer replyCode, String error) {

    static final SendOutcome SENT = new SendOutcome(true, null, null);

    /** The SMTP reply code found among the error's causes, else the class of its innermost cause. */
    static SendOutcome failed(Throwable error) {
        Throwable innermost = error;
        for (Throwable cause = error; cause != null; cause = next(cause)) {
            Integer code = replyCode(cause);
            if (code != null) {
                return new SendOutcome(false, code, cause.getClass().getSimpleName());
            }
            innermost = cause;
        }
        return new SendOutcome(false, null, innermost.getClass().getSimpleName());
    }

    /** A 5xx reply is the server's final word on this message: sending it again the same way cannot help. */
    boolean permanent() {
        return replyCode != null && replyCode >= 500;
    }

    /** For the log and the pages: the reply code, or the error's class. */
    String describe() {
        return sent ? "sent" : replyCode != null ? "SMTP " + replyCode : error;
    }

    private static Integer replyCode(Throwable error) {
        if (error instanceof SMTPAddressFailedException refused) {
            return refused.getReturnCode();
        }
        if (error instanceof SMTPSendFailedException refused) {
            return refused.getReturnCode();
        }
        if (error instanceof SMTPSenderFailedException refused) {
            return refused.getReturnCode();
        }
        return null;
    }

    /**
     * The error behind this one. Spring reports a message the server refused with the refusal among the failed
     * messages rather than as the cause; a refused message lists its refused recipients as its next exceptions.
     */
    private static Throwable next(Throwable error) {
        if (error instanceof MailSendException send && send.getCause() == null
                && send.getMessageExceptions().length > 0) {
            return send.getMessageExceptions()[0];
        }
        if (error instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return error.getCause() == error ? null : error.getCause();
    }
}
