package org.demarche.statement;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.UUID;
import org.demarche.common.feed.AtomFeed;
import org.demarche.common.http.MergePatch;
import org.demarche.common.http.Responses;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.PageParams;
import org.demarche.common.stream.ListFormat;
import org.demarche.history.History;
import org.demarche.history.HistoryEntry;
import org.demarche.key.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/statements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Statements", description = "What officials said, quoted or reported")
public class StatementResource {

    private static final String FEED_TITLE = "Demarche statements";

    @Inject
    StatementService statements;

    @Inject
    History history;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    /** Lists statements. */
    @GET
    @Produces({
        MediaType.APPLICATION_JSON,
        ListFormat.TEXT_CSV,
        ListFormat.APPLICATION_NDJSON,
        StatementJsonLd.MEDIA_TYPE,
        AtomFeed.MEDIA_TYPE
    })
    @Operation(
            operationId = "listStatements",
            summary = "List or search statements",
            description = "Statements matching every"
                    + " filter given, a page at a time, newest first. Sort by statedOn (partial dates sort as the first day of"
                    + " their period), createdAt or updatedAt; -statedOn is the default. With q, a full-text search: results"
                    + " are ranked by relevance unless sort is given, and each carries a highlight. With Accept:"
                    + " application/ld+json, the page is a schema.org ItemList of Quotations; with Accept:"
                    + " application/atom+xml, an Atom feed (GET /api/v1/statements/feed is one without the header).")
    public RestResponse<Page<StatementResponse>> list(@BeanParam PageParams page, @BeanParam StatementFilter filter) {
        if (StatementFeed.requested(headers)) {
            return Responses.feed(
                    new StatementFeed(uri.getBaseUri()).feed(statements.list(filter, page), uri, FEED_TITLE));
        }
        if (StatementJsonLd.requested(headers, true)) {
            return Responses.pageAs(
                    statements.list(filter, page),
                    uri,
                    StatementJsonLd.TYPE,
                    new StatementJsonLd(uri.getBaseUri())::itemList);
        }
        return Responses.list(page, p -> statements.list(filter, p), StatementResponse.class, uri, headers);
    }

    /** The statement list as an Atom feed whatever the Accept header, for feed readers. */
    @GET
    @Path("feed")
    @Produces({AtomFeed.MEDIA_TYPE, MediaType.WILDCARD})
    @Operation(
            operationId = "getStatementFeed",
            summary = "Follow statements in a feed reader",
            description = "The statement list as an Atom feed (RFC 4287) whatever the Accept header, so that a feed"
                    + " reader can subscribe to a search: takes every filter, q and sort of GET /api/v1/statements,"
                    + " and lists the statements created or changed last first (sort=-updatedAt) unless sort is"
                    + " given. Each entry is a statement: its official as author, its words as content, its topics"
                    + " as categories, its sources as via links. The next page is a rel=\"next\" link.")
    @APIResponse(
            responseCode = "200",
            description = "The feed",
            content = @Content(mediaType = AtomFeed.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public RestResponse<String> feed(@BeanParam PageParams page, @BeanParam StatementFilter filter) {
        return Responses.feed(new StatementFeed(uri.getBaseUri())
                .feed(statements.list(filter, page.withDefaultSort("-updatedAt")), uri, FEED_TITLE));
    }

    /** Counts statements per official, country, topic, quote type, medium and year. */
    @GET
    @Path("facets")
    @Operation(
            operationId = "getStatementFacets",
            summary = "Count statements by facet",
            description = "Takes the same"
                    + " filters, q and updatedSince as the statement list and answers how the matching statements spread over officials,"
                    + " countries, topics, quote types, media and years, for a search sidebar or a chart.")
    public StatementFacets facets(
            @BeanParam StatementFilter filter,
            @Parameter(
                            description = "Only statements created or changed at or after this instant (ISO 8601, UTC)",
                            example = "2024-11-20T00:00:00Z",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                    @QueryParam("updatedSince")
                    Instant updatedSince) {
        PageParams since = new PageParams();
        since.updatedSince = updatedSince;
        return statements.facets(filter, since);
    }

    /** Counts statements per period and key, for charts over time. */
    @GET
    @Path("counts")
    @Operation(
            operationId = "getStatementCounts",
            summary = "Count statements over time",
            description = "Takes the same filters, q and updatedSince as the statement list and answers how many"
                    + " matching statements there are per period of statedOn (interval) and per official, country,"
                    + " topic, quote type or stance (by), periods oldest first. A statement counts in the period"
                    + " holding its whole date: one dated only to 2024 lies in no one month, so a monthly count lists"
                    + " it under undated instead. By stance, a statement counts once per topic, under the stance of"
                    + " its official's position on that topic on the statement's first day, or unknown. At most 50"
                    + " series and 5000 buckets; more is a 400.")
    public StatementCounts counts(
            @BeanParam StatementFilter filter,
            @Parameter(
                            description = "Length of the periods (default month); weeks start on Monday",
                            schema = @Schema(implementation = CountInterval.class, defaultValue = "month"))
                    @QueryParam("interval")
                    CountInterval interval,
            @Parameter(
                            description = "What to split the counts by (default none), any case",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"none", "official", "country", "topic", "quoteType", "stance"
                                            },
                                            defaultValue = "none"))
                    @QueryParam("by")
                    String by,
            @Parameter(
                            description = "Only statements created or changed at or after this instant (ISO 8601, UTC)",
                            example = "2024-11-20T00:00:00Z",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                    @QueryParam("updatedSince")
                    Instant updatedSince) {
        PageParams since = new PageParams();
        since.updatedSince = updatedSince;
        return statements.counts(filter, since, interval, by);
    }

    /** Reads one statement. */
    @GET
    @Path("{id}")
    @Operation(
            operationId = "getStatement",
            summary = "Get a statement",
            description = "The statement with its official, topics and sources. Send the ETag back in"
                    + " If-None-Match to get 304 when it has not changed.")
    @Produces({MediaType.APPLICATION_JSON, StatementJsonLd.MEDIA_TYPE})
    @APIResponse(
            responseCode = "200",
            description = "The statement; with Accept: application/ld+json, a schema.org"
                    + " Quotation (spokenByCharacter, dateCreated, isBasedOn its sources, about its topics)",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = StatementResponse.class),
                        examples = @ExampleObject(name = "ceasefire-quote", value = StatementExamples.RESPONSE)),
                @Content(
                        mediaType = StatementJsonLd.MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.OBJECT, description = "A schema.org Quotation in JSON-LD"))
            })
    public RestResponse<StatementResponse> get(@PathParam("id") UUID id) {
        StatementResponse statement = statements.get(id);
        if (StatementJsonLd.requested(headers, false)) {
            return Responses.okAs(statement, StatementJsonLd.TYPE, new StatementJsonLd(uri.getBaseUri())::quotation);
        }
        return Responses.ok(statement);
    }

    /** Records a new statement. */
    @POST
    @RolesAllowed(Roles.EDITOR)
    @Operation(
            operationId = "createStatement",
            summary = "Create a statement",
            description =
                    "Every invalid field is reported at once in a 422,"
                            + " including ids of officials, topics and sources that do not exist. The text is stored exactly as sent.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new statement",
            content =
                    @Content(
                            schema = @Schema(implementation = StatementResponse.class),
                            examples = @ExampleObject(name = "ceasefire-quote", value = StatementExamples.RESPONSE)))
    public RestResponse<StatementResponse> create(
            @RequestBody(
                            content =
                                    @Content(
                                            examples = {
                                                @ExampleObject(
                                                        name = "ceasefire-quote",
                                                        value = StatementExamples.REQUEST),
                                                @ExampleObject(
                                                        name = "briefing-answer",
                                                        value = StatementExamples.BRIEFING_REQUEST)
                                            }))
                    StatementRequest body) {
        return Responses.created(statements.create(body), uri);
    }

    /** Replaces a statement as a whole. */
    @PUT
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Operation(
            operationId = "replaceStatement",
            summary = "Replace a statement",
            description = "Fields left out become empty. With If-Match, a stale" + " ETag is refused with 412.")
    public RestResponse<StatementResponse> replace(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            name = "ceasefire-quote",
                                                            value = StatementExamples.REQUEST)))
                    StatementRequest body) {
        return Responses.ok(statements.replace(id, body, ifMatch));
    }

    /** Changes some fields of a statement. */
    @PATCH
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(
            operationId = "updateStatement",
            summary = "Update a statement",
            description = "JSON Merge Patch (RFC 7396): fields given replace the"
                    + " stored ones, null removes a field, others stay.")
    public RestResponse<StatementResponse> patch(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MergePatch.MEDIA_TYPE,
                                            schema = @Schema(type = SchemaType.OBJECT),
                                            examples =
                                                    @ExampleObject(name = "verify", value = StatementExamples.PATCH)))
                    JsonNode patch) {
        return Responses.ok(statements.patch(id, patch, ifMatch));
    }

    /** Deletes a statement nothing refers to. */
    @DELETE
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Operation(
            operationId = "deleteStatement",
            summary = "Delete a statement",
            description = "Refused with 409, naming them, while positions cite" + " the statement as evidence.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        statements.delete(id, ifMatch);
    }

    /** Lists every revision of a statement, also after it was deleted. */
    @GET
    @Produces({MediaType.APPLICATION_JSON, ListFormat.TEXT_CSV, ListFormat.APPLICATION_NDJSON})
    @Path("{id}/history")
    @Operation(
            operationId = "getStatementHistory",
            summary = "History of a statement",
            description = History.DESCRIPTION)
    public RestResponse<Page<HistoryEntry<StatementResponse>>> history(
            @PathParam("id") UUID id, @BeanParam PageParams page) {
        return Responses.list(
                page, p -> history.of(statements, id, p), HistoryEntry.type(StatementResponse.class), uri, headers);
    }
}
