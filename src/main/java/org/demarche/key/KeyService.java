package org.demarche.key;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.demarche.common.ProblemException;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.PageParams;
import org.demarche.common.paging.SortField;
import org.demarche.common.paging.Sorting;
import org.demarche.common.validation.RequestValidator;
import org.demarche.record.ChangeClock;
import org.demarche.record.ListQuery;

/** Creates, lists, revokes and checks API keys. Secrets never reach the log, except a generated first key. */
@ApplicationScoped
public class KeyService {

    /** Recording every use would write on every request; a minute is precise enough for "last used". */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    static final Sorting<ApiKey> SORTING = new Sorting<>(
            "createdAt",
            SortField.instant("createdAt", "createdAt", k -> k.createdAt),
            SortField.text("name", "name", k -> k.name));

    private final RequestValidator validator;

    public KeyService(RequestValidator validator) {
        this.validator = validator;
    }

    /** A key's identity, as much as authentication needs. */
    public record Holder(UUID id, String name, KeyRole role) {}

    @Transactional
    public KeyResponse create(KeyRequest request) {
        validator.check(request).throwIfAny();
        String secret = KeySecrets.generate();
        return KeyResponse.of(store(request.name(), request.role(), secret), secret);
    }

    @Transactional
    public Page<KeyResponse> list(PageParams page) {
        return ListQuery.of(ApiKey.class, "k").page(page, SORTING).map(k -> KeyResponse.of(k, null));
    }

    @Transactional
    public KeyResponse get(UUID id) {
        return KeyResponse.of(find(id), null);
    }

    /** Revokes a key at once; the last active admin key cannot be revoked, or nobody could manage keys. */
    @Transactional
    public void revoke(UUID id) {
        ApiKey key = find(id);
        if (key.revokedAt != null) {
            return;
        }
        if (key.role == KeyRole.admin && ApiKey.countActiveAdmins() == 1) {
            throw ProblemException.conflict(
                    "This is the last active admin key; create another admin key before" + " revoking it");
        }
        key.revokedAt = Instant.now();
    }

    /**
     * The holder of an active key with this secret, noting the use. The note is a bulk update that leaves
     * the key's version alone, so requests using one key at once, on any instance, never conflict over it.
     * It is made only when the key as read was last used longer ago than the precision: most requests only
     * read.
     */
    @Transactional
    public Optional<Holder> identify(String secret) {
        return ApiKey.activeByHash(KeySecrets.hash(secret)).map(key -> {
            Instant now = Instant.now();
            Instant stale = now.minus(LAST_USED_PRECISION);
            if (key.lastUsedAt == null || key.lastUsedAt.isBefore(stale)) {
                ApiKey.update(
                        "lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?3)",
                        now,
                        key.id,
                        stale);
            }
            return new Holder(key.id, key.name, key.role);
        });
    }

    /**
     * Stores a generated first admin key if no key exists, active or revoked; false if one did. The secret is
     * asked for only then. Instances that start together on an empty database store one: each takes the
     * change clock before it looks.
     */
    @Transactional
    public boolean storeFirstAdmin(String name, Supplier<String> secret) {
        ChangeClock.take(ApiKey.getSession());
        if (ApiKey.count() > 0) {
            return false;
        }
        store(name, KeyRole.admin, secret.get());
        return true;
    }

    /** What became of the configured admin key at start. */
    public enum ConfiguredAdmin {
        STORED,
        ALREADY_STORED,
        REVOKED
    }

    /**
     * Stores the configured admin key unless a key with this secret exists: so the same key works on every
     * start, and an operator who lost it starts the app with a new one. A revoked key stays revoked. Instances
     * that start together store it once: each takes the change clock before it looks.
     */
    @Transactional
    public ConfiguredAdmin storeConfiguredAdmin(String name, String secret) {
        ChangeClock.take(ApiKey.getSession());
        Optional<ApiKey> existing =
                ApiKey.<ApiKey>find("secretHash", KeySecrets.hash(secret)).firstResultOptional();
        if (existing.isPresent()) {
            return existing.get().revokedAt == null ? ConfiguredAdmin.ALREADY_STORED : ConfiguredAdmin.REVOKED;
        }
        store(name, KeyRole.admin, secret);
        return ConfiguredAdmin.STORED;
    }

    private ApiKey store(String name, KeyRole role, String secret) {
        ApiKey key = new ApiKey();
        key.name = name;
        key.role = role;
        key.secretHash = KeySecrets.hash(secret);
        key.secretPrefix = KeySecrets.visiblePrefix(secret);
        key.persistAndFlush();
        return key;
    }

    private static ApiKey find(UUID id) {
        ApiKey key = ApiKey.findById(id);
        if (key == null) {
            throw ProblemException.notFound("key", id);
        }
        return key;
    }
}
