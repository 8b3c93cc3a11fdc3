package org.demarche.subscription;

import org.demarche.common.Country;
import org.demarche.common.PartialDate;
import org.demarche.statement.StatementFilter;

/** A subscription's filter as the statement list's filters, so that it means for statements what they mean. */
final class StatementFilters {

    private StatementFilters() {}

    /** The statement list's filters; the topic as given (a slug or an id), from and to already checked. */
    static StatementFilter of(SubscriptionFilter filter) {
        StatementFilter statements = new StatementFilter();
        statements.q = filter.q();
        statements.officialId = filter.officialId() == null
                ? null
                : filter.officialId().stream().map(String::valueOf).toList();
        statements.country = filter.country() == null ? null : new Country(filter.country());
        statements.topic = filter.topic();
        statements.quoteType = filter.quoteType();
        statements.medium = filter.medium();
        statements.language = filter.language();
        statements.verification = filter.verification();
        statements.sourceId =
                filter.sourceId() == null ? null : filter.sourceId().toString();
        statements.eventId = filter.eventId() == null ? null : filter.eventId().toString();
        statements.outlet = filter.outlet();
        statements.mentions = filter.mentions();
        statements.from = date(filter.from());
        statements.to = date(filter.to());
        return statements;
    }

    private static PartialDate date(String text) {
        return text == null ? null : PartialDate.parse(text).orElse(null);
    }
}
