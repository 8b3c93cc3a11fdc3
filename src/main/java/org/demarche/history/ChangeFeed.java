package org.demarche.history;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.Query;
import jakarta.persistence.Table;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.demarche.common.paging.Cursor;
import org.demarche.record.RecordService;
import org.demarche.record.TrackedEntity;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;

/**
 * Every create, update and delete of every record, in commit order, read from the same Envers
 * revisions as each record's history. Within a revision, changes are ordered by type and id, so a
 * position in the feed is (revision, type, id) and the cursor carries exactly that.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final String CURSOR_KIND = "changes";
    private static final Place START = new Place(0, "", new UUID(0, 0));

    /** The record services by type name, in the order changes of one revision are listed. */
    private final Map<String, RecordService<?, ?, ?>> services = new TreeMap<>();

    public ChangeFeed(@Any Instance<RecordService<?, ?, ?>> services) {
        services.forEach(service -> this.services.put(service.resourceName(), service));
    }

    /** Changes after the cursor (from the beginning when it is null), at most {@code limit} of them. */
    @Transactional
    public ChangePage since(Cursor since, int limit) {
        Place after = since == null ? START : Place.of(since);
        String branches = services.entrySet().stream()
                .map(entry -> branch(entry.getKey(), auditTable(entry.getValue()), after))
                .collect(Collectors.joining(" union all "));
        Query query = query(branches, "r.id >= :rev")
                .setParameter("rev", after.revision)
                .setMaxResults(limit + 1);
        if (services.containsKey(after.type)) {
            query.setParameter("id", after.id);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();

        boolean more = rows.size() > limit;
        List<Object[]> page = more ? rows.subList(0, limit) : rows;
        AuditReader reader = AuditReaderFactory.get(Panache.getEntityManager());
        List<Change> changes = new ArrayList<>(page.size());
        for (Object[] row : page) {
            changes.add(change(reader, row));
        }
        Place last = changes.isEmpty() ? after : Place.of(changes.get(changes.size() - 1));
        return new ChangePage(changes, last.encode(), more);
    }

    /**
     * A change as a follower that matches records against filters reads it: what the feed row says (revision,
     * time, key, type, id, action) at once, and the record as the change left it and as it was just before,
     * as entities and in the shape GET returns, each read from the history or made when first asked for and
     * only once (most changes interest no follower, and making a record's shape reads its relations). Read
     * within the transaction that read the feed (its entities' collections load lazily), so a record that
     * cannot be read fails the follower's handling of that change, not the reading of the feed.
     */
    public static final class Followed {

        private final Row row;
        private final RecordService<?, ?, ?> service;
        private final AuditReader reader;
        private boolean leftRead;
        private Object left;
        private Change change;
        private boolean entityBeforeRead;
        private Object entityBefore;
        private boolean beforeMade;
        private Object before;

        private Followed(Row row, RecordService<?, ?, ?> service, AuditReader reader) {
            this.row = row;
            this.service = service;
            this.reader = reader;
        }

        public long revision() {
            return row.revision();
        }

        public Instant changedAt() {
            return row.changedAt();
        }

        public ChangedBy changedBy() {
            return row.changedBy();
        }

        public String type() {
            return row.type();
        }

        public UUID id() {
            return row.id();
        }

        public Action action() {
            return row.action();
        }

        /** The change, with the record as it left it (null for a deletion). */
        public Change change() {
            if (change == null) {
                change = row.with(represent(service, left()));
            }
            return change;
        }

        /** The entity as the change left it; for a deletion, as it was before. */
        public Object entity() {
            Object left = left();
            return left != null ? left : entityBefore();
        }

        /** The entity as it was just before the change; null when the change created it. */
        public Object entityBefore() {
            if (!entityBeforeRead) {
                entityBefore = row.action() == Action.created
                        ? null
                        : ChangeFeed.entity(reader, service, row.id(), row.revision() - 1);
                entityBeforeRead = true;
            }
            return entityBefore;
        }

        /** The record as it was just before the change, in the shape GET returns; null when the change created it. */
        public Object before() {
            if (!beforeMade) {
                before = represent(service, entityBefore());
                beforeMade = true;
            }
            return before;
        }

        /** The entity as the change left it; null for a deletion. */
        private Object left() {
            if (!leftRead) {
                left = ChangeFeed.left(reader, service, row);
                leftRead = true;
            }
            return left;
        }
    }

    /**
     * Every change of the revisions after {@code after} up to {@code upTo}, in feed order, its records read
     * when asked for: what a follower of the feed reads in one step. Called within the follower's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Followed> revisions(long after, long upTo) {
        String branches = services.entrySet().stream()
                .map(entry -> "select rev, '" + entry.getKey() + "' as type, id, revtype from "
                        + auditTable(entry.getValue()) + " where rev > :after and rev <= :upTo")
                .collect(Collectors.joining(" union all "));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query(branches, "r.id > :after and r.id <= :upTo")
                .setParameter("after", after)
                .setParameter("upTo", upTo)
                .getResultList();
        AuditReader reader = AuditReaderFactory.get(Panache.getEntityManager());
        List<Followed> changes = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Row change = Row.of(row);
            changes.add(new Followed(change, services.get(change.type()), reader));
        }
        return changes;
    }

    /**
     * The changes the branches select, with their revisions. The revisions' range is repeated on the revision
     * table: without it H2 read the whole table and looked each revision up in the branches (36 046 rows read
     * for a step of five revisions, against 10 with it).
     */
    private static Query query(String branches, String revisions) {
        return Panache.getEntityManager()
                .createNativeQuery(
                        "select c.rev, c.type, cast(c.id as varchar(36)), c.revtype, r.changed_at, cast(r.key_id as varchar(36)),"
                                + " r.key_name from (" + branches
                                + ") c join revision r on r.id = c.rev where " + revisions
                                + " order by c.rev, c.type, c.id");
    }

    /** One audit table's part of the feed: its rows after the cursor position. */
    private static String branch(String type, String table, Place after) {
        int order = type.compareTo(after.type);
        String condition =
                order > 0 ? "rev >= :rev" : order == 0 ? "(rev > :rev or (rev = :rev and id > :id))" : "rev > :rev";
        return "select rev, '" + type + "' as type, id, revtype from " + table + " where " + condition;
    }

    private static String auditTable(RecordService<?, ?, ?> service) {
        return service.entityType().getAnnotation(Table.class).name() + "_aud";
    }

    private Change change(AuditReader reader, Object[] row) {
        Row change = Row.of(row);
        RecordService<?, ?, ?> service = services.get(change.type());
        Object entity = left(reader, service, change);
        return change.with(represent(service, entity));
    }

    /** The entity as the change left it; null for a deletion. */
    private static Object left(AuditReader reader, RecordService<?, ?, ?> service, Row change) {
        return change.action() == Action.deleted ? null : entity(reader, service, change.id(), change.revision());
    }

    private static Object entity(AuditReader reader, RecordService<?, ?, ?> service, UUID id, long revision) {
        return reader.find(service.entityType(), id, revision);
    }

    @SuppressWarnings("unchecked")
    private static <E extends TrackedEntity> Object represent(RecordService<E, ?, ?> service, Object entity) {
        return entity == null ? null : service.represent((E) entity);
    }

    /** One row of the feed's query: a change without its record. */
    private record Row(long revision, Instant changedAt, ChangedBy changedBy, String type, UUID id, Action action) {

        static Row of(Object[] row) {
            UUID keyId = row[5] == null ? null : UUID.fromString((String) row[5]);
            return new Row(
                    ((Number) row[0]).longValue(),
                    Instant.ofEpochMilli(((Number) row[4]).longValue()),
                    keyId == null ? null : new ChangedBy(keyId, (String) row[6]),
                    (String) row[1],
                    UUID.fromString((String) row[2]),
                    Action.of(RevisionType.fromRepresentation(((Number) row[3]).byteValue())));
        }

        Change with(Object record) {
            return new Change(revision, changedAt, changedBy, type, id, action, record);
        }
    }

    /** A place in the feed: after this change. */
    private record Place(long revision, String type, UUID id) {

        static Place of(Change change) {
            return new Place(change.revision(), change.type(), change.id());
        }

        String encode() {
            return new Cursor(CURSOR_KIND, revision + "/" + type, id).encode();
        }

        static Place of(Cursor since) {
            Cursor cursor = since.forSort("since", CURSOR_KIND);
            String[] parts = cursor.value().split("/", 2);
            try {
                if (parts.length == 2) {
                    return new Place(Long.parseLong(parts[0]), parts[1], cursor.id());
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw Cursor.notIssued("since");
        }
    }
}
