package org.demarche.statement;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.demarche.common.feed.AtomFeed;
import org.demarche.common.http.Negotiation;
import org.demarche.common.paging.Page;
import org.demarche.common.stream.ListFormat;
import org.demarche.official.OfficialSummary;
import org.demarche.source.SourceSummary;

/**
 * Statements as Atom entries, for feed readers: an entry's author is the official (of a joint statement, the
 * official and the signatories, named in order), its content the words as
 * reported, its categories the topics, its {@code via} links the sources, its alternate link the statement in
 * the API; its title is the official's name and the start of the words.
 */
public final class StatementFeed {

    /** The representations of a statement list, JSON first. */
    public static final List<MediaType> LIST_TYPES = List.of(
            MediaType.APPLICATION_JSON_TYPE,
            ListFormat.CSV.mediaType,
            ListFormat.NDJSON.mediaType,
            StatementJsonLd.TYPE,
            AtomFeed.TYPE);

    private static final int TITLE_CHARACTERS = 100;
    private static final Set<String> PAGING = Set.of("cursor", "limit", "sort");

    private final URI api;

    /** @param base the server's base URI; statement URLs are built under its /api/v1/ */
    public StatementFeed(URI base) {
        this.api = base.resolve("/api/v1/");
    }

    /** Whether the client prefers Atom to the other representations of a statement list. */
    public static boolean requested(HttpHeaders headers) {
        return Negotiation.choose(headers, LIST_TYPES).equals(AtomFeed.TYPE);
    }

    /**
     * The page as a feed titled by what selects it ({@code Demarche statements: q=ceasefire, topic=ceasefire}), the
     * paging parameters left out.
     */
    public AtomFeed feed(Page<StatementResponse> page, UriInfo uri, String title) {
        String selected = uri.getQueryParameters().entrySet().stream()
                .filter(parameter -> !PAGING.contains(parameter.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .map(parameter -> parameter.getKey() + "=" + String.join(",", parameter.getValue()))
                .collect(Collectors.joining(", "));
        return AtomFeed.page(
                uri,
                selected.isEmpty() ? title : title + ": " + selected,
                page.nextCursor(),
                page.items().stream().map(this::entry).toList());
    }

    public AtomFeed.Entry entry(StatementResponse statement) {
        return new AtomFeed.Entry(
                "urn:uuid:" + statement.id(),
                statement.official().name() + ": " + shortened(statement.text()),
                statement.createdAt(),
                statement.updatedAt(),
                Stream.concat(Stream.of(statement.official()), statement.signatories().stream())
                        .map(OfficialSummary::name)
                        .collect(Collectors.joining(", ")),
                api.resolve("statements/" + statement.id()),
                statement.sources().stream().map(SourceSummary::url).toList(),
                statement.topics().stream()
                        .map(topic -> new AtomFeed.Category(topic.slug(), topic.name()))
                        .toList(),
                statement.text() + " (" + statement.statedOn() + ")");
    }

    private static String shortened(String text) {
        if (text.codePointCount(0, text.length()) <= TITLE_CHARACTERS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, TITLE_CHARACTERS - 1)) + "…";
    }
}
