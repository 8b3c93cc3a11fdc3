package org.demarche.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.demarche.common.ProblemException;
import org.demarche.common.http.Representation;
import org.demarche.common.paging.Cursor;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.PageParams;
import org.demarche.record.RecordService;
import org.demarche.record.Revision;
import org.demarche.record.TrackedEntity;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.hibernate.envers.query.AuditQuery;

/**
 * Reads the revisions Hibernate Envers recorded for one record, oldest first (or newest first with
 * {@code sort=-revision}), a page at a time. Each entry is diffed against the revision before it,
 * which may lie on another page. A deleted record keeps its history.
 */
@ApplicationScoped
public class History {

    /** Text shared by every history endpoint's OpenAPI description. */
    public static final String DESCRIPTION = "Every revision of the record, including its deletion: when, by which"
            + " API key, the fields that changed (before and after) and the whole record afterwards. Oldest first;"
            + " sort=-revision for newest first; updatedSince keeps revisions made at or after it. Still readable after the record is deleted; 404 for an id with"
            + " no recorded change.";

    private static final Set<String> BOOKKEEPING = Set.of("id", "createdAt", "updatedAt", "version");

    private final ObjectMapper json;

    public History(ObjectMapper json) {
        this.json = json;
    }

    /** The page of revisions of the service's record with this id, or 404 when it never existed. */
    @Transactional
    public <E extends TrackedEntity, R extends Representation> Page<HistoryEntry<R>> of(
            RecordService<E, ?, R> service, UUID id, PageParams params) {
        Class<E> type = service.entityType();
        int limit = params.pageSize();
        boolean newestFirst = newestFirst(params.sort);
        String sort = newestFirst ? "-revision" : "revision";
        AuditReader reader = AuditReaderFactory.get(Panache.getEntityManager());

        Instant since = params.updatedSince;
        long total = count(revisions(reader, type, id));
        if (total == 0) {
            throw ProblemException.notFound(service.resourceName(), id);
        }
        if (since != null) {
            total = count(changedSince(revisions(reader, type, id), since));
        }
        AuditQuery query = changedSince(revisions(reader, type, id), since)
                .addOrder(
                        newestFirst
                                ? AuditEntity.revisionNumber().desc()
                                : AuditEntity.revisionNumber().asc())
                .setMaxResults(limit + 1);
        if (params.cursor != null) {
            long after = revisionAfter(params.cursor.forSort(sort), id);
            query.add(
                    newestFirst
                            ? AuditEntity.revisionNumber().lt(after)
                            : AuditEntity.revisionNumber().gt(after));
        }
        List<Revisioned<E>> rows = Revisioned.all(query.getResultList());

        String nextCursor = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            nextCursor = new Cursor(sort, String.valueOf(rows.get(limit - 1).revision.id), id).encode();
        }
        List<Revisioned<E>> oldestFirst = new ArrayList<>(rows);
        if (newestFirst) {
            Collections.reverse(oldestFirst);
        }
        List<HistoryEntry<R>> entries =
                entries(oldestFirst, previous(reader, type, id, oldestFirst), service::represent);
        if (newestFirst) {
            Collections.reverse(entries);
        }
        return new Page<>(entries, total, nextCursor);
    }

    private <E, R> List<HistoryEntry<R>> entries(
            List<Revisioned<E>> oldestFirst, Revisioned<E> previous, Function<E, R> represent) {
        List<HistoryEntry<R>> entries = new ArrayList<>();
        R before = previous == null || previous.type == RevisionType.DEL ? null : represent.apply(previous.entity);
        for (Revisioned<E> row : oldestFirst) {
            R after = row.type == RevisionType.DEL ? before : represent.apply(row.entity);
            List<FieldChange> changes = row.type == RevisionType.DEL ? List.of() : changes(before, after);
            entries.add(new HistoryEntry<>(
                    row.revision.id,
                    Instant.ofEpochMilli(row.revision.changedAt),
                    row.revision.keyId == null ? null : new ChangedBy(row.revision.keyId, row.revision.keyName),
                    Action.of(row.type),
                    changes,
                    after));
            before = row.type == RevisionType.DEL ? null : after;
        }
        return entries;
    }

    /** The revision just before the page, the base its first entry is compared with. */
    private static <E> Revisioned<E> previous(AuditReader reader, Class<E> type, UUID id, List<Revisioned<E>> page) {
        if (page.isEmpty()) {
            return null;
        }
        List<Revisioned<E>> before = Revisioned.all(revisions(reader, type, id)
                .add(AuditEntity.revisionNumber().lt(page.get(0).revision.id))
                .addOrder(AuditEntity.revisionNumber().desc())
                .setMaxResults(1)
                .getResultList());
        return before.isEmpty() ? null : before.get(0);
    }

    /** The fields whose values differ between two states of a record (before null: a new record), bookkeeping aside. */
    public List<FieldChange> changes(Object before, Object after) {
        JsonNode old = before == null ? null : json.valueToTree(before);
        JsonNode now = json.valueToTree(after);
        Set<String> fields = new LinkedHashSet<>();
        now.fieldNames().forEachRemaining(fields::add);
        if (old != null) {
            old.fieldNames().forEachRemaining(fields::add);
        }
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            if (BOOKKEEPING.contains(field)) {
                continue;
            }
            JsonNode was = old == null ? null : present(old.get(field));
            JsonNode is = present(now.get(field));
            if (was == null ? is != null : !was.equals(is)) {
                changes.add(new FieldChange(field, was, is));
            }
        }
        return changes;
    }

    /** A field's value, or null when it is absent, null or an empty list. */
    private static JsonNode present(JsonNode value) {
        return value == null || value.isNull() || (value.isContainerNode() && value.isEmpty()) ? null : value;
    }

    private static long count(AuditQuery query) {
        return (Long) query.addProjection(AuditEntity.revisionNumber().count()).getSingleResult();
    }

    private static AuditQuery changedSince(AuditQuery query, Instant since) {
        return since == null
                ? query
                : query.add(AuditEntity.revisionProperty("changedAt").ge(since.toEpochMilli()));
    }

    private static AuditQuery revisions(AuditReader reader, Class<?> type, UUID id) {
        return reader.createQuery()
                .forRevisionsOfEntity(type, false, true)
                .add(AuditEntity.id().eq(id));
    }

    private static long revisionAfter(Cursor cursor, UUID id) {
        try {
            if (cursor.id().equals(id)) {
                return Long.parseLong(cursor.value());
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("Query parameter 'cursor' is not a cursor of this record's history");
    }

    private static boolean newestFirst(String sort) {
        if (sort == null || sort.isBlank() || sort.trim().equals("revision")) {
            return false;
        }
        if (sort.trim().equals("-revision")) {
            return true;
        }
        throw ProblemException.badRequest("Query parameter 'sort' must be one of [revision] (with an optional"
                + " leading '-'), not '" + sort + "'");
    }

    /** One row of an Envers revisions query: the entity as of the revision, the revision, and its type. */
    private record Revisioned<E>(E entity, Revision revision, RevisionType type) {

        @SuppressWarnings("unchecked")
        static <E> List<Revisioned<E>> all(List<?> rows) {
            List<Revisioned<E>> result = new ArrayList<>(rows.size());
            for (Object each : rows) {
                Object[] row = (Object[]) each;
                result.add(new Revisioned<>((E) row[0], (Revision) row[1], (RevisionType) row[2]));
            }
            return result;
        }
    }
}
