package se.goteborg.vaksam.inbox.webhook;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private CA, made for one test run, that issues receivers' certificates. The service trusts the CA through
 * {@code trusted-certificates} (its PEM file), as production would trust a private CA of the city's, so a
 * receiver's own certificate is never trusted directly.
 */
final class TestCertificates {

    /** A receiver's key and certificate, with the CA's certificate to send along. */
    record Server(PrivateKey key, X509Certificate certificate, X509Certificate ca) {
    }

    private static final Duration VALIDITY = Duration.ofDays(1);

    private final KeyPair caKeys;
    private final X500Name caName = new X500Name("CN=Vaksam webhook test CA");
    private final X509Certificate caCertificate;
    private final AtomicLong serials = new AtomicLong(1);

    TestCertificates() {
        try {
            caKeys = keys();
            X509v3CertificateBuilder builder = builder(caName, caKeys)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            caCertificate = sign(builder);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("The test CA cannot be made", e);
        }
    }

    /** A certificate for the names given: DNS names, or IPv4 literals. */
    Server issue(String... names) {
        try {
            KeyPair server = keys();
            GeneralName[] alternatives = new GeneralName[names.length];
            for (int i = 0; i < names.length; i++) {
                alternatives[i] = new GeneralName(names[i].matches("[0-9.]+") ? GeneralName.iPAddress
                        : GeneralName.dNSName, names[i]);
            }
            X509v3CertificateBuilder builder = builder(new X500Name("CN=" + names[0]), server)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternatives));
            return new Server(server.getPrivate(), sign(builder), caCertificate);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("A test certificate cannot be made", e);
        }
    }

    /** The CA's certificate in a PEM file, deleted when the JVM ends. */
    Path caFile() {
        try {
            Path file = Files.createTempFile("vaksam-webhook-test-ca", ".pem");
            file.toFile().deleteOnExit();
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
                 JcaPEMWriter pem = new JcaPEMWriter(out)) {
                pem.writeObject(caCertificate);
            }
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("The test CA's file cannot be written", e);
        }
    }

    private X509v3CertificateBuilder builder(X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(caName, BigInteger.valueOf(serials.getAndIncrement()),
                Date.from(now.minus(VALIDITY)), Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
    }

    private X509Certificate sign(X509v3CertificateBuilder builder) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair keys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }
}
