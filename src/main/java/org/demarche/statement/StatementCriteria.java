package org.demarche.statement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;
import org.demarche.record.ListQuery;

/**
 * What a statement list asks for, checked and resolved: ids instead of slugs, a topic with every
 * topic nested under it, partial dates as the days they span. Null means "any". Both the database
 * query and the search index apply exactly these, so a filter means the same with and without q.
 */
public record StatementCriteria(
        SearchQuery query,
        Collection<UUID> ids,
        Collection<UUID> officialIds,
        String country,
        Collection<UUID> topicIds,
        QuoteType quoteType,
        Medium medium,
        String language,
        Verification verification,
        UUID sourceId,
        UUID eventId,
        String outlet,
        String mention,
        LocalDate from,
        LocalDate to,
        Instant updatedSince) {

    /** The filters (not the text query) as conditions on a statement list query aliased {@code s}. */
    public ListQuery<Statement> filter(ListQuery<Statement> list) {
        return list.where("s.id in :ids", "ids", ids)
                .where(
                        "(s.official.id in :officialIds or exists (select 1 from s.signatories g where g.id in"
                                + " :officialIds))",
                        "officialIds",
                        officialIds)
                .where("s.official.country = :country", "country", country)
                .where("exists (select 1 from s.topics t where t.id in :topicIds)", "topicIds", topicIds)
                .where("s.quoteType = :quoteType", "quoteType", quoteType)
                .where("s.medium = :medium", "medium", medium)
                .where("lower(s.language) = :language", "language", language)
                .where("s.verification = :verification", "verification", verification)
                .where("exists (select 1 from s.sources x where x.id = :sourceId)", "sourceId", sourceId)
                .where("s.event.id = :eventId", "eventId", eventId)
                .where("exists (select 1 from s.sources o where lower(o.outlet) = :outlet)", "outlet", outlet)
                .where(":mention member of s.mentions", "mention", mention)
                .where("s.statedOnEnd >= :from", "from", from)
                .where("s.statedOnStart <= :to", "to", to)
                .where("s.updatedAt >= :updatedSince", "updatedSince", updatedSince);
    }

    /** The same criteria on these topics (null: any topic). */
    public StatementCriteria withTopicIds(Collection<UUID> topics) {
        return new StatementCriteria(
                query,
                ids,
                officialIds,
                country,
                topics,
                quoteType,
                medium,
                language,
                verification,
                sourceId,
                eventId,
                outlet,
                mention,
                from,
                to,
                updatedSince);
    }
}
