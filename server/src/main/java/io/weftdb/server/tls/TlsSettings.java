package io.weftdb.server.tls;

import java.nio.file.Path;
import java.util.Objects;

/** Where the server's TLS certificate comes from, as {@code --tls}, {@code --tls-cert} and {@code --tls-key} say. */
public sealed interface TlsSettings {

    /** {@code --tls off}: every listener refuses TLS. */
    record Off() implements TlsSettings {}

    /**
     * The default: the self-signed certificate kept in the data directory, generated at the first
     * start (like MySQL 8's auto-generated certificates).
     */
    record SelfSigned() implements TlsSettings {}

    /** {@code --tls-cert FILE --tls-key FILE}: PEM files the operator provides. */
    record Files(Path certificate, Path key) implements TlsSettings {
        public Files {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(key, "key");
        }
    }
}
