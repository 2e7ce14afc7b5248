package org.asyncio4j.examples.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate made in memory (EC P-256, valid one day), for servers on the loopback interface:
 * {@link #serverContext()} serves it, {@link #clientContext()} trusts exactly it. Python's equivalent is a
 * certificate made with {@code openssl req -x509} and loaded with {@code SSLContext.load_cert_chain}.
 */
public final class SelfSignedCertificate {
    private static final char[] PASSWORD = "asyncio4j".toCharArray();
    private final KeyPair keys;
    private final X509Certificate certificate;

    private SelfSignedCertificate(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    /**
     * @param names DNS names or IP literals the certificate is valid for (the first is also its common name)
     * @return a new certificate with its key
     */
    public static SelfSignedCertificate generate(String... names) {
        if (names.length == 0) {
            throw new IllegalArgumentException("a certificate needs at least one name");
        }
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = gen.generateKeyPair();
            X500Name subject = new X500Name("CN=" + names[0]);
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(1))), subject, keys.getPublic());
            GeneralName[] alt = new GeneralName[names.length];
            for (int i = 0; i < names.length; i++) {
                boolean ip = names[i].contains(":") || names[i].chars().allMatch(c -> Character.isDigit(c) || c == '.');
                alt[i] = new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, names[i]);
            }
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alt));
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new SelfSignedCertificate(keys, cert);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot make a self-signed certificate", e);
        }
    }

    /** @return the certificate */
    public X509Certificate certificate() {
        return certificate;
    }

    /** @return a TLS context that serves this certificate (Python: {@code ctx.load_cert_chain(cert, key)}) */
    public SSLContext serverContext() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", keys.getPrivate(), PASSWORD, new X509Certificate[] {certificate});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot make a server TLS context", e);
        }
    }

    /** @return a TLS context that trusts exactly this certificate (Python: {@code ctx.load_verify_locations(cert)}) */
    public SSLContext clientContext() {
        try {
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            ts.setCertificateEntry("trusted", certificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ts);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot make a client TLS context", e);
        }
    }
}
