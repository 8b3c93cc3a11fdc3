package org.demarche.key;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.demarche.record.TrackedEntity;

/** An API key. Only the SHA-256 of the secret is stored; the secret itself is shown once, on creation. */
@Entity
@Table(name = "api_key")
public class ApiKey extends TrackedEntity {

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public KeyRole role;

    /** Hex SHA-256 of the whole secret. */
    @Column(name = "secret_hash", nullable = false)
    public String secretHash;

    /** The first characters of the secret, so people can tell their keys apart. */
    @Column(name = "secret_prefix", nullable = false)
    public String secretPrefix;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static Optional<ApiKey> activeByHash(String secretHash) {
        return find("secretHash = ?1 and revokedAt is null", secretHash).firstResultOptional();
    }

    public static long countActiveAdmins() {
        return count("role = ?1 and revokedAt is null", KeyRole.admin);
    }
}
