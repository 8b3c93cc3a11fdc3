package org.demarche.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.demarche.common.Problem;
import org.demarche.common.ProblemException;
import org.demarche.common.http.ETags;
import org.demarche.common.http.MergePatch;
import org.demarche.common.http.Representation;
import org.demarche.common.validation.RequestValidator;
import org.demarche.common.validation.Violations;

/**
 * The life cycle every resource shares: read, create, replace, merge-patch and delete one record,
 * with validation that reports every problem at once, If-Match checks, and deletes that refuse to
 * orphan references. A feature supplies its entity's rules through the abstract methods.
 *
 * @param <E> the entity
 * @param <Q> the request body (what a client may write)
 * @param <R> the response body
 */
public abstract class RecordService<E extends TrackedEntity, Q, R extends Representation> {

    @Inject
    RequestValidator validator;

    @Inject
    ObjectMapper json;

    @Inject
    Event<RecordChanged> changes;

    /** The resource's name in messages, such as {@code official}. */
    public abstract String resourceName();

    public abstract Class<E> entityType();

    protected abstract Class<Q> requestType();

    protected abstract E newEntity();

    /**
     * Adds the problems field constraints cannot see: rules across fields and references to records
     * that do not exist. {@code existing} is null on create.
     */
    protected void checkRules(Q request, E existing, Violations violations) {}

    /** Answers 409 when a unique value of a valid request is taken by another record. */
    protected void checkConflicts(Q request, E existing) {}

    /** Copies a valid request onto the entity. */
    protected abstract void apply(Q request, E entity);

    /** The response body; must not query per record, as lists call it for every row. */
    public abstract R represent(E entity);

    /** The request that would recreate the entity as it is, the base a merge patch applies to. */
    protected abstract Q toRequest(E entity);

    /** Records that still refer to the entity, each type with its count; empty when it may be deleted. */
    protected abstract List<Problem.Reference> referencesTo(E entity);

    /** The stored record, or 404. */
    public E find(UUID id) {
        E entity = Panache.getEntityManager().find(entityType(), id);
        if (entity == null) {
            throw ProblemException.notFound(resourceName(), id);
        }
        return entity;
    }

    @Transactional
    public R get(UUID id) {
        return represent(find(id));
    }

    @Transactional
    public R create(Q request) {
        return create(request, null);
    }

    /** Creates the record under this id (a new one when null), as an import restores records under their ids. */
    @Transactional
    public R create(Q request, UUID id) {
        E entity = insert(request, id);
        Panache.getEntityManager().flush();
        return represent(entity);
    }

    /**
     * Adds a new record under this id (a new one when null) to the caller's transaction, without flushing,
     * so a bulk write can send many records at once. An invalid request is refused with the problem a
     * single write would answer, before anything changes and without marking the transaction for rollback,
     * so that one bad record does not spoil a batch.
     */
    public E insert(Q request, UUID id) {
        validate(request, null);
        E entity = newEntity();
        entity.id = id;
        apply(request, entity);
        entity.persist();
        afterCreate(entity);
        changes.fire(new RecordChanged(entityType(), entity.id));
        return entity;
    }

    /** Changes a stored record to match the request, as {@link #insert} adds one: without flushing, refusing first. */
    public E update(E entity, Q request) {
        validate(request, entity);
        apply(request, entity);
        changes.fire(new RecordChanged(entityType(), entity.id));
        return entity;
    }

    /** Rules that change other records once a new one exists (a new position closes the current one). */
    protected void afterCreate(E entity) {}

    /**
     * The stored record, or 404, locked until the transaction ends: writes to one record take turns, so the
     * If-Match of each is checked against the version the one before it left, and of several writes sent
     * with the same If-Match exactly one applies and every other is a 412, on either database.
     */
    private E findForWrite(UUID id) {
        E entity = Panache.getEntityManager().find(entityType(), id, LockModeType.PESSIMISTIC_WRITE);
        if (entity == null) {
            throw ProblemException.notFound(resourceName(), id);
        }
        return entity;
    }

    /** Replaces the record; a request that would change nothing writes nothing (no new version or revision). */
    @Transactional
    public R replace(UUID id, Q request, String ifMatch) {
        E entity = findForWrite(id);
        ETags.checkIfMatch(ifMatch, entity.version);
        return write(entity, request);
    }

    /** Merge-patches the record; a patch that would change nothing writes nothing (no new version or revision). */
    @Transactional
    public R patch(UUID id, JsonNode patch, String ifMatch) {
        E entity = findForWrite(id);
        ETags.checkIfMatch(ifMatch, entity.version);
        return write(entity, patched(entity, patch));
    }

    /**
     * The request a merge patch makes of the stored record: the fields the patch has, the others as stored.
     * What a PATCH writes, and what an import line in merge mode writes.
     */
    public Q patched(E entity, JsonNode patch) {
        return readPatched(MergePatch.apply(json.valueToTree(toRequest(entity)), patch));
    }

    private R write(E entity, Q request) {
        if (request == null || !matches(entity, request)) {
            update(entity, request); // refuses a missing body as it refuses an invalid one
            Panache.getEntityManager().flush();
        }
        return represent(entity);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        E entity = findForWrite(id);
        ETags.checkIfMatch(ifMatch, entity.version);
        List<Problem.Reference> references = referencesTo(entity);
        if (!references.isEmpty()) {
            throw ProblemException.referenced(resourceName(), references);
        }
        entity.delete();
        Panache.getEntityManager().flush();
        changes.fire(new RecordChanged(entityType(), id));
    }

    /**
     * The problem a create (existingId null) or a replace would answer, thrown without touching the
     * transaction: a write of several records checks each one first so that a bad one does not spoil the rest.
     */
    public void check(Q request, UUID existingId) {
        validate(request, existingId == null ? null : find(existingId));
    }

    /** The request that would recreate the stored record as it is, to tell whether a write would change it. */
    public Q currentRequest(UUID id) {
        return toRequest(find(id));
    }

    /** Whether the record already is as the request would make it, so writing it would change nothing. */
    public boolean matches(E entity, Q request) {
        return compared(entity).equals(comparedRequest(request));
    }

    /** The stored record as {@link #matches} compares it: the request that would recreate it, as JSON. */
    public ObjectNode compared(E entity) {
        return json.valueToTree(comparable(toRequest(entity)));
    }

    /** The request as {@link #matches} compares it with a stored record, as JSON. */
    public ObjectNode comparedRequest(Q request) {
        return json.valueToTree(comparable(request));
    }

    /**
     * The request in a form in which two requests that make the same record are equal, such as a set of ids
     * listed in another order; the request itself unless a feature's record holds sets.
     */
    protected Q comparable(Q request) {
        return request;
    }

    private void validate(Q request, E existing) {
        Violations violations = validator.check(request);
        checkRules(request, existing, violations);
        violations.throwIfAny();
        checkConflicts(request, existing);
    }

    private Q readPatched(ObjectNode patched) {
        try {
            return json.treeToValue(patched, requestType());
        } catch (JsonProcessingException e) {
            // The problem mappers unwrap it and name the field, as for a request body that cannot be read.
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Helper for {@link #checkRules}: each id of the list names a stored record of the type (422 on
     * {@code field[i]} otherwise), and none is listed twice.
     */
    protected static void checkExist(
            Violations violations, String field, List<UUID> ids, Class<? extends TrackedEntity> type) {
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            if (id != null && Panache.getEntityManager().find(type, id) == null) {
                violations.add(
                        field + "[" + i + "]", "no " + type.getSimpleName().toLowerCase(Locale.ROOT) + " has this id");
            } else if (id != null && ids.indexOf(id) < i) {
                violations.add(field + "[" + i + "]", "is listed twice");
            }
        }
    }

    /** Helper for {@link #referencesTo}: the non-empty ones. */
    @SafeVarargs
    protected static List<Problem.Reference> present(Optional<Problem.Reference>... references) {
        return Arrays.stream(references).flatMap(Optional::stream).toList();
    }
}
