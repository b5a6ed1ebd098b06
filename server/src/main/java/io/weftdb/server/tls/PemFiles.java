package io.weftdb.server.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads PEM files as OpenSSL writes them: a certificate chain (server certificate first) and an
 * unencrypted private key in PKCS#8 ("PRIVATE KEY") or the older PKCS#1 / SEC1 forms ("RSA PRIVATE
 * KEY", "EC PRIVATE KEY").
 */
final class PemFiles {
    private PemFiles() {
    }

    static List<X509Certificate> certificates(Path file) throws TlsSetupException {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (Object object : objects(file)) {
            if (object instanceof X509CertificateHolder holder) {
                try {
                    chain.add(converter.getCertificate(holder));
                } catch (GeneralSecurityException e) {
                    throw new TlsSetupException(file + ": invalid certificate: " + e.getMessage(), e);
                }
            }
        }
        if (chain.isEmpty()) {
            throw new TlsSetupException(file + ": no PEM certificate (-----BEGIN CERTIFICATE-----) found");
        }
        return chain;
    }

    static PrivateKey privateKey(Path file) throws TlsSetupException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        for (Object object : objects(file)) {
            try {
                if (object instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (object instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
            } catch (IOException e) {
                throw new TlsSetupException(file + ": unsupported private key: " + e.getMessage(), e);
            }
            if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                throw new TlsSetupException(file + ": the private key is encrypted; give an unencrypted key "
                        + "(openssl pkey -in " + file.getFileName() + " -out server-key.pem)");
            }
        }
        throw new TlsSetupException(file + ": no PEM private key (-----BEGIN PRIVATE KEY-----) found");
    }

    private static List<Object> objects(Path file) throws TlsSetupException {
        List<Object> objects = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException e) {
            throw new TlsSetupException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return objects;
    }
}
