package org.demarche.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.orm.panache.Panache;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.demarche.common.PartialDate;
import org.demarche.event.Event;
import org.demarche.event.EventRequest;
import org.demarche.official.Official;
import org.demarche.official.OfficialRequest;
import org.demarche.position.Position;
import org.demarche.position.PositionRequest;
import org.demarche.record.TrackedEntity;
import org.demarche.source.CanonicalUrl;
import org.demarche.source.Source;
import org.demarche.source.SourceRequest;
import org.demarche.statement.Statement;
import org.demarche.statement.StatementRequest;
import org.demarche.topic.Topic;
import org.demarche.topic.TopicRequest;

/**
 * How one batch of an import finds records by id or natural key: an official's wikidataId, or its name and
 * country; a topic's slug; a source's url in canonical form ({@link CanonicalUrl}); an event's kind, title
 * and heldOn; a statement's official, text and date. (Text arrives in NFC, as the JSON reader makes every text node.) Every record the batch's
 * lines may name, as themselves or as references, is loaded at the start in a few queries rather than a few
 * a line, and every record a line writes is noted at once, so later lines of the batch find it (two equal
 * lines make one record) without the database seeing it before the batch commits. Positions are few and
 * their rules query the database, so a position is looked up there, once the batch so far is flushed.
 */
final class NaturalKeys {

    /**
     * Values sent in one query: few enough that H2, which checks each row it finds against the whole list,
     * stays fast (and far below PostgreSQL's 32 767 parameters).
     */
    private static final int CHUNK = 100;

    /** An id or a natural key of a record type. */
    private record Key(Class<? extends TrackedEntity> type, String by, List<?> values) {

        static Key of(Class<? extends TrackedEntity> type, String by, Object... values) {
            return new Key(type, by, Arrays.asList(values));
        }
    }

    /** A line to be written: its record type (by its entity), its id if it has one, and its fields. */
    record Entry(Class<? extends TrackedEntity> type, UUID id, ObjectNode fields) {}

    private final Map<Key, TrackedEntity> records = new HashMap<>();

    private NaturalKeys() {}

    /** Loads every stored record the entries name by id or natural key, themselves or in their references. */
    static NaturalKeys load(List<Entry> entries) {
        Lookups wanted = new Lookups();
        for (Entry entry : entries) {
            ObjectNode fields = entry.fields();
            if (entry.id() != null) {
                wanted.ids
                        .computeIfAbsent(entry.type(), type -> new HashSet<>())
                        .add(entry.id());
            }
            if (entry.type() == Official.class) {
                wanted.official(fields);
            } else if (entry.type() == Topic.class) {
                addTexts(wanted.slugs, fields.path("slug"), fields.path("parent"));
            } else if (entry.type() == Source.class) {
                addTexts(wanted.urls, fields.path("url"));
            } else if (entry.type() == Event.class) {
                addTexts(wanted.titles, fields.path("title"));
            } else if (entry.type() == Statement.class) {
                wanted.official(fields.path("official"));
                fields.path("signatories").forEach(wanted::official);
                addTexts(wanted.slugs, fields.path("topics"));
                addTexts(wanted.urls, fields.path("sources"));
                if (fields.path("text").isTextual()) {
                    wanted.textHashes.add(Statement.textHash(fields.get("text").textValue()));
                }
            } else if (entry.type() == Position.class) {
                wanted.official(fields.path("official"));
                addTexts(wanted.slugs, fields.path("topic"));
            }
        }
        NaturalKeys keys = new NaturalKeys();
        wanted.ids.forEach((type, ids) -> keys.load("from " + type.getSimpleName() + " r where r.id in ?1", ids));
        keys.load("from Official o where o.wikidataId in ?1", wanted.wikidataIds);
        keys.load("from Official o where o.name in ?1", wanted.names);
        keys.load("from Topic t where t.slug in ?1", wanted.slugs);
        keys.load(
                "from Source s where s.canonicalUrl in ?1",
                wanted.urls.stream().map(CanonicalUrl::of).toList());
        keys.load("from Event e where e.title in ?1", wanted.titles);
        keys.load("from Statement s where s.textHash in ?1", wanted.textHashes);
        return keys;
    }

    /** What a batch's lines name, to be loaded. */
    private static final class Lookups {
        final Map<Class<? extends TrackedEntity>, Set<UUID>> ids = new HashMap<>();
        final Set<String> wikidataIds = new HashSet<>();
        final Set<String> names = new HashSet<>();
        final Set<String> slugs = new HashSet<>();
        final Set<String> urls = new HashSet<>();
        final Set<String> titles = new HashSet<>();
        final Set<String> textHashes = new HashSet<>();

        /** An official line, or an official reference: {"wikidataId": …} or {"name": …, "country": …}. */
        void official(JsonNode official) {
            if (!official.isObject()) {
                return;
            }
            if (official.hasNonNull("wikidataId")) {
                wikidataIds.add(official.get("wikidataId").asText());
            }
            names.add(official.path("name").asText());
        }
    }

    private static void addTexts(Set<String> texts, JsonNode... values) {
        for (JsonNode value : values) {
            if (value.isArray()) {
                value.forEach(element -> addTexts(texts, element));
            } else if (value.isTextual()) {
                texts.add(value.textValue());
            }
        }
    }

    private void load(String jpql, Collection<?> values) {
        List<?> all = new ArrayList<>(values);
        for (int start = 0; start < all.size(); start += CHUNK) {
            Panache.getEntityManager()
                    .createQuery(jpql, TrackedEntity.class)
                    .setParameter(1, all.subList(start, Math.min(all.size(), start + CHUNK)))
                    .getResultList()
                    .forEach(record -> keysOf(record).forEach(key -> records.putIfAbsent(key, record)));
        }
    }

    /** The stored record of this type with this id, or null. */
    <E extends TrackedEntity> E byId(Class<E> type, UUID id) {
        return type.cast(records.get(Key.of(type, "id", id)));
    }

    /** The stored record the request names by natural key, or null; a position's batch must be flushed first. */
    TrackedEntity byNaturalKey(Object request) {
        if (request instanceof PositionRequest position) {
            // By start day, as positions are unique: 2024-11 and 2024-11-01 name one position.
            return PartialDate.parse(position.validFrom())
                    .<TrackedEntity>map(from -> Position.<Position>find(
                                    "official.id = ?1 and topic.id = ?2 and validFromStart = ?3",
                                    position.officialId(),
                                    position.topicId(),
                                    from.start())
                            .firstResult())
                    .orElse(null);
        }
        return records.get(keyOf(request));
    }

    /** Notes the record as it is now, under each of its keys, so later lines find it. */
    void remember(TrackedEntity record) {
        keysOf(record).forEach(key -> records.put(key, record));
    }

    /** Drops the record's keys as they are now, before it changes. */
    void forget(TrackedEntity record) {
        keysOf(record).forEach(key -> records.remove(key, record));
    }

    /**
     * Replaces natural-key references in the fields with ids: {@code official} ({"wikidataId": …} or
     * {"name": …, "country": …}) with officialId, {@code signatories} (such references) with signatoryIds,
     * {@code topics} (slugs) with topicIds, {@code sources}
     * (urls) with sourceIds, {@code topic} and {@code parent} (slugs) with topicId and parentId. A reference
     * is left alone when the id field is there too. Answers the references that name no stored record.
     */
    List<LineError> resolveReferences(long line, Class<? extends TrackedEntity> type, ObjectNode fields) {
        List<LineError> errors = new ArrayList<>();
        if (type == Statement.class) {
            resolveOfficial(line, fields, errors);
            resolveSignatories(line, fields, errors);
            resolveAll(line, fields, "topics", "topicIds", Topic.class, "slug", errors);
            resolveAll(line, fields, "sources", "sourceIds", Source.class, "url", errors);
        } else if (type == Position.class) {
            resolveOfficial(line, fields, errors);
            resolveOne(line, fields, "topic", "topicId", errors);
        } else if (type == Topic.class) {
            resolveOne(line, fields, "parent", "parentId", errors);
        }
        return errors;
    }

    private void resolveOfficial(long line, ObjectNode fields, List<LineError> errors) {
        JsonNode official = fields.get("official");
        if (!fields.has("officialId") && official != null && official.isObject()) {
            TrackedEntity found = official(official);
            if (found != null) {
                fields.put("officialId", found.id.toString());
            } else {
                errors.add(new LineError(line, "official", NO_OFFICIAL));
            }
        }
    }

    private static final String NO_OFFICIAL = "names no stored official (by wikidataId, or name and country)";

    /** A joint statement's signatories named as officials are ({"wikidataId": …} or {"name": …, "country": …}). */
    private void resolveSignatories(long line, ObjectNode fields, List<LineError> errors) {
        JsonNode signatories = fields.get("signatories");
        if (fields.has("signatoryIds") || signatories == null || !signatories.isArray()) {
            return;
        }
        ArrayNode ids = fields.putArray("signatoryIds");
        for (int i = 0; i < signatories.size(); i++) {
            JsonNode signatory = signatories.get(i);
            TrackedEntity found = signatory.isObject() ? official(signatory) : null;
            if (found != null) {
                ids.add(found.id.toString());
            } else {
                errors.add(new LineError(line, "signatories[" + i + "]", NO_OFFICIAL));
            }
        }
    }

    /** The stored official an official reference names, or null. */
    private TrackedEntity official(JsonNode official) {
        Key key = official.hasNonNull("wikidataId")
                ? Key.of(
                        Official.class, "wikidataId", official.get("wikidataId").asText())
                : Key.of(
                        Official.class,
                        "name",
                        official.path("name").asText(),
                        official.path("country").asText());
        return records.get(key);
    }

    private void resolveOne(long line, ObjectNode fields, String name, String idField, List<LineError> errors) {
        JsonNode slug = fields.get(name);
        if (fields.has(idField) || slug == null || !slug.isTextual()) {
            return;
        }
        TrackedEntity found = records.get(Key.of(Topic.class, "slug", slug.textValue()));
        if (found != null) {
            fields.put(idField, found.id.toString());
        } else {
            errors.add(new LineError(line, name, "no " + name + " has the slug " + slug.textValue()));
        }
    }

    private void resolveAll(
            long line,
            ObjectNode fields,
            String name,
            String idField,
            Class<? extends TrackedEntity> type,
            String by,
            List<LineError> errors) {
        JsonNode values = fields.get(name);
        if (fields.has(idField) || values == null || !values.isArray()) {
            return;
        }
        if (values.isEmpty()) {
            // None: in merge mode too, where a field left out would keep the stored ones.
            fields.putArray(idField);
            return;
        }
        if (!values.get(0).isTextual()) {
            return;
        }
        ArrayNode ids = fields.putArray(idField);
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i).asText();
            TrackedEntity found = records.get(Key.of(type, by, type == Source.class ? CanonicalUrl.of(value) : value));
            if (found != null) {
                ids.add(found.id.toString());
            } else {
                errors.add(new LineError(
                        line,
                        name + "[" + i + "]",
                        "no record has the " + by + " " + values.get(i).asText()));
            }
        }
    }

    private static Key keyOf(Object request) {
        if (request instanceof OfficialRequest official) {
            return official.wikidataId() != null
                    ? Key.of(Official.class, "wikidataId", official.wikidataId())
                    : Key.of(Official.class, "name", official.name(), official.country());
        } else if (request instanceof TopicRequest topic) {
            return Key.of(Topic.class, "slug", topic.slug());
        } else if (request instanceof SourceRequest source) {
            return Key.of(Source.class, "url", CanonicalUrl.of(source.url()));
        } else if (request instanceof EventRequest event) {
            return Key.of(Event.class, "title", event.kind(), event.title(), event.heldOn());
        } else if (request instanceof StatementRequest statement) {
            return Key.of(Statement.class, "text", statement.officialId(), statement.text(), statement.statedOn());
        }
        throw new IllegalArgumentException("No natural key for " + request.getClass());
    }

    private static List<Key> keysOf(TrackedEntity record) {
        List<Key> keys = new ArrayList<>();
        if (record instanceof Official official) {
            keys.add(Key.of(Official.class, "id", official.id));
            if (official.wikidataId != null) {
                keys.add(Key.of(Official.class, "wikidataId", official.wikidataId));
            }
            keys.add(Key.of(Official.class, "name", official.name, official.country));
        } else if (record instanceof Topic topic) {
            keys.add(Key.of(Topic.class, "id", topic.id));
            keys.add(Key.of(Topic.class, "slug", topic.slug));
        } else if (record instanceof Source source) {
            keys.add(Key.of(Source.class, "id", source.id));
            if (source.canonicalUrl != null) {
                keys.add(Key.of(Source.class, "url", source.canonicalUrl));
            }
        } else if (record instanceof Event event) {
            keys.add(Key.of(Event.class, "id", event.id));
            keys.add(Key.of(Event.class, "title", event.kind, event.title, event.heldOn));
        } else if (record instanceof Statement statement) {
            keys.add(Key.of(Statement.class, "id", statement.id));
            keys.add(Key.of(Statement.class, "text", statement.official.id, statement.text, statement.statedOn));
        } else if (record instanceof Position position) {
            keys.add(Key.of(Position.class, "id", position.id));
        }
        return keys;
    }
}
