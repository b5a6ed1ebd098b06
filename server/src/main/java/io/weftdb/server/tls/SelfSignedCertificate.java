package io.weftdb.server.tls;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Generates the server's own certificate: an RSA 2048 key and a self-signed X.509 certificate
 * (SHA256withRSA, ten years) for localhost, 127.0.0.1, ::1 and this host's name, written as PEM. It
 * encrypts connections without any setup; clients that verify the server can trust the certificate
 * file itself (psql's {@code sslrootcert}).
 */
final class SelfSignedCertificate {
    static final String CERTIFICATE_FILE = "server-cert.pem";
    static final String KEY_FILE = "server-key.pem";
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private SelfSignedCertificate() {
    }

    /** Writes a new key and certificate into {@code directory}; the key file is readable by its owner only. */
    static void generate(Path directory) throws TlsSetupException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, new SecureRandom());
            KeyPair keys = generator.generateKeyPair();
            X509Certificate certificate = certificate(keys);
            // The key first, so that a certificate file never exists without its key; each file
            // appears complete or not at all.
            writeAtomically(directory.resolve(KEY_FILE), new JcaPKCS8Generator(keys.getPrivate(), null), true);
            writeAtomically(directory.resolve(CERTIFICATE_FILE), certificate, false);
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new TlsSetupException("cannot generate a self-signed certificate: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TlsSetupException("cannot write the self-signed certificate into " + directory + ": " + e, e);
        }
    }

    private static X509Certificate certificate(KeyPair keys)
            throws GeneralSecurityException, OperatorCreationException, CertIOException {
        X500Name name = new X500Name("CN=WeftDB Server self-signed certificate");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(127, new SecureRandom()).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), name, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternativeNames()));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    private static GeneralName[] alternativeNames() {
        Set<String> hosts = new LinkedHashSet<>(List.of("localhost"));
        try {
            hosts.add(InetAddress.getLocalHost().getHostName());
        } catch (IOException unknownHost) {
            // No resolvable host name: localhost and the loopback addresses still work.
        }
        List<GeneralName> names = new ArrayList<>();
        hosts.forEach(host -> names.add(new GeneralName(GeneralName.dNSName, host)));
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        names.add(new GeneralName(GeneralName.iPAddress, "::1"));
        return names.toArray(GeneralName[]::new);
    }

    private static void writeAtomically(Path file, Object pemObject, boolean ownerOnly) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary);
        if (ownerOnly && Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
            Set<PosixFilePermission> permissions = PosixFilePermissions.fromString("rw-------");
            Files.setPosixFilePermissions(temporary, permissions);
        }
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
             JcaPEMWriter pem = new JcaPEMWriter(writer)) {
            pem.writeObject(pemObject);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
