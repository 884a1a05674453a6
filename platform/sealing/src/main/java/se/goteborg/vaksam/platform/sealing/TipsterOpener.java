package se.goteborg.vaksam.platform.sealing;

/**
 * Opens what a {@link TipsterSealer} sealed: follow-up messages meant for the tipster's receipt page. A type of its
 * own, not an {@link Opener}, so a service cannot open the tipster's messages with alert-inbox's key or the other way
 * round by a mixed-up injection.
 */
public final class TipsterOpener {

    /** Part of the associated data, so content sealed for the tipster never opens as anything else. */
    private static final String AUDIENCE = "vaksam-tipster";

    private final Opener opener;
    private final TipsterSealer sealer;

    private TipsterOpener(Opener opener, TipsterSealer sealer) {
        this.opener = opener;
        this.sealer = sealer;
    }

    /**
     * @param tinkJson the tipster private keyset in Tink's (cleartext) JSON format
     * @throws IllegalArgumentException when it is not a private hybrid encryption keyset
     */
    public static TipsterOpener fromPrivateKeyset(String tinkJson) {
        Opener opener = Opener.fromPrivateKeyset(tinkJson);
        return new TipsterOpener(opener, TipsterSealer.of(opener.sealer()));
    }

    /** @throws SealingException when sealed to another key, for another tip or message, or altered */
    public byte[] open(byte[] sealed, String tipId, String messageId) {
        return opener.open(sealed, context(tipId, messageId));
    }

    /**
     * Seals to this keyset's own public half: what the tipster wrote is kept for their receipt page, readable only
     * with this keyset.
     */
    public TipsterSealer sealer() {
        return sealer;
    }

    static String context(String tipId, String messageId) {
        if (tipId == null || tipId.isEmpty() || messageId == null || messageId.isEmpty()) {
            throw new IllegalArgumentException("A tip id and a message id are required");
        }
        if (tipId.indexOf('\n') >= 0 || messageId.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("Ids must not contain line breaks");
        }
        return AUDIENCE + "\n" + tipId + "\n" + messageId;
    }
}
