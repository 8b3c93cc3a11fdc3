package org.demarche.timeline;

import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.demarche.common.feed.AtomFeed;
import org.demarche.position.PositionResponse;
import org.demarche.statement.StatementFeed;

/**
 * An official's timeline as an Atom feed: statements as {@link StatementFeed} writes them, and each position as
 * an entry titled by the stance taken ("Sergei Lavrov on Ceasefire: opposes, from 2024-11").
 */
final class TimelineFeed {

    private final URI api;
    private final StatementFeed statements;

    TimelineFeed(URI base) {
        this.api = base.resolve("/api/v1/");
        this.statements = new StatementFeed(base);
    }

    AtomFeed feed(Timeline timeline, UriInfo uri) {
        String title = "Timeline of " + timeline.official().name()
                + (timeline.topic() == null ? "" : " on " + timeline.topic().name());
        return AtomFeed.page(
                uri,
                title,
                timeline.nextCursor(),
                timeline.items().stream().map(this::entry).toList());
    }

    private AtomFeed.Entry entry(TimelineEntry event) {
        return event.statement() != null ? statements.entry(event.statement()) : entry(event.position());
    }

    private AtomFeed.Entry entry(PositionResponse position) {
        String taken = position.official().name() + " on " + position.topic().name() + ": " + position.stance()
                + ", from " + position.validFrom() + (position.validTo() == null ? "" : " to " + position.validTo());
        String conditions =
                position.conditions().isEmpty() ? "" : " Conditions: " + String.join("; ", position.conditions()) + ".";
        return new AtomFeed.Entry(
                "urn:uuid:" + position.id(),
                taken,
                position.createdAt(),
                position.updatedAt(),
                position.official().name(),
                api.resolve("positions/" + position.id()),
                List.of(),
                List.of(new AtomFeed.Category(
                        position.topic().slug(), position.topic().name())),
                (position.label() == null ? taken + "." : taken + ". " + position.label() + ".") + conditions);
    }
}
