package org.demarche.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.demarche.common.FieldError;
import org.demarche.official.Official;
import org.demarche.official.OfficialRequest;
import org.demarche.official.OfficialService;
import org.demarche.statement.Statement;
import org.demarche.statement.StatementRequest;
import org.demarche.statement.StatementService;

/**
 * Stores what an ingest found, inside the caller's transaction: a speaker as an official (the one named,
 * one stored under the proposal's keys, or one created from the proposal, once per commit), and a statement
 * (one already stored with the same official, words and date gains the source; else it is created).
 */
@ApplicationScoped
public class CandidateStore {

    /** A record a commit stored or found, and what it did: created, linked, unchanged or found. */
    public record Stored(UUID id, String outcome) {}

    private final OfficialService officials;
    private final StatementService statements;

    CandidateStore(OfficialService officials, StatementService statements) {
        this.officials = officials;
        this.statements = statements;
    }

    /**
     * The speaker's official, or null with the problems added under field. {@code created} maps the keys of
     * the officials this commit created, so one person proposed twice is created once.
     */
    public Stored official(CandidateSpeaker speaker, Map<String, UUID> created, String field, List<FieldError> errors) {
        if (speaker.officialId() != null) {
            return new Stored(speaker.officialId(), "found");
        }
        OfficialRequest proposed = speaker.proposed();
        Optional<UUID> known = keys(proposed).stream()
                .map(created::get)
                .filter(Objects::nonNull)
                .findFirst()
                .or(() -> officialByKey(proposed));
        if (known.isPresent()) {
            return new Stored(known.get(), "found");
        }
        if (!CandidateChecks.collect(() -> officials.check(proposed, null), field, errors)) {
            return null;
        }
        UUID id = officials.create(proposed).id();
        keys(proposed).forEach(key -> created.put(key, id));
        return new Stored(id, "created");
    }

    /**
     * The statement, or null with the problems added under field: one already stored (same official, words
     * and date) gains the source, else the request is created.
     */
    public Stored statement(StatementRequest request, UUID sourceId, String field, List<FieldError> errors) {
        Optional<UUID> existing = Statement.byNaturalKey(request.officialId(), request.text(), request.statedOn())
                .map(statement -> statement.id);
        if (existing.isPresent()) {
            StatementRequest current = statements.currentRequest(existing.get());
            if (current.sourceIds().contains(sourceId)) {
                return new Stored(existing.get(), "unchanged");
            }
            List<UUID> linked = new ArrayList<>(current.sourceIds());
            linked.add(sourceId);
            statements.replace(existing.get(), current.withSourceIds(linked), null);
            return new Stored(existing.get(), "linked");
        }
        if (!CandidateChecks.collect(() -> statements.check(request, null), field, errors)) {
            return null;
        }
        return new Stored(statements.create(request).id(), "created");
    }

    /** A stored official the proposal names: by its wikidataId, else by its name and country. */
    private static Optional<UUID> officialByKey(OfficialRequest proposed) {
        Optional<Official> byWikidataId =
                proposed.wikidataId() == null ? Optional.empty() : Official.byWikidataId(proposed.wikidataId());
        return byWikidataId
                .or(() -> Official.byNameAndCountry(proposed.name(), proposed.country()))
                .map(o -> o.id);
    }

    /** The keys an official proposed in this commit is known by. */
    private static List<String> keys(OfficialRequest proposed) {
        String byName = proposed.name() + "\u0000" + proposed.country();
        return proposed.wikidataId() == null ? List.of(byName) : List.of(proposed.wikidataId(), byName);
    }
}
