package io.weftdb.pg.wire.auth;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tls-server-end-point channel binding (RFC 5929 section 4.1): the hash of the server's
 * certificate, taken with the hash function of the certificate's signature algorithm, SHA-256
 * standing in for MD5 and SHA-1. A client computes the same from the certificate it received, so a
 * man in the middle presenting another certificate cannot relay the SCRAM exchange.
 */
public final class TlsServerEndPoint {
    private static final Pattern SINGLE_HASH = Pattern.compile("^(MD5|SHA-?(1|224|256|384|512))WITH.*");

    private TlsServerEndPoint() {
    }

    /**
     * The binding data for {@code certificate}; empty when its signature algorithm names no single
     * hash function (RSASSA-PSS, EdDSA), for which the binding is not defined.
     */
    public static Optional<byte[]> of(X509Certificate certificate) {
        Matcher matcher = SINGLE_HASH.matcher(certificate.getSigAlgName().toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String bits = matcher.group(2);
        String algorithm = bits == null || bits.equals("1") ? "SHA-256" : "SHA-" + bits;
        try {
            return Optional.of(Secrets.digest(algorithm, certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            return Optional.empty();
        }
    }
}
