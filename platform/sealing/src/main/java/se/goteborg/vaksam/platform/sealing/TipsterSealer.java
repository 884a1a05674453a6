package se.goteborg.vaksam.platform.sealing;

/**
 * Seals a follow-up question for the tipster: only tip-intake, which holds the tipster private keyset, can open it
 * (with a {@link TipsterOpener}). A type of its own, not a {@link Sealer}, so content for the tipster can never be
 * sealed to alert-inbox's key by a mixed-up injection, nor the other way round.
 */
public final class TipsterSealer {

    private final Sealer sealer;

    private TipsterSealer(Sealer sealer) {
        this.sealer = sealer;
    }

    /**
     * @param tinkJson the tipster public keyset in Tink's JSON format
     * @throws IllegalArgumentException when it holds secret key material or is not a hybrid encryption keyset
     */
    public static TipsterSealer fromPublicKeyset(String tinkJson) {
        return new TipsterSealer(Sealer.fromPublicKeyset(tinkJson));
    }

    static TipsterSealer of(Sealer sealer) {
        return new TipsterSealer(sealer);
    }

    /**
     * @param tipId     the tip the message is about
     * @param messageId the message; the sealed bytes open only for this tip and this message, so a question cannot be
     *                  moved onto another tip or passed off as another message
     */
    public byte[] seal(byte[] plaintext, String tipId, String messageId) {
        return sealer.seal(plaintext, TipsterOpener.context(tipId, messageId));
    }
}
