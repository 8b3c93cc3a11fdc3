package org.demarche.common.paging;

import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.demarche.common.ProblemException;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters every list takes: {@code limit}, {@code cursor} and {@code sort}. */
public class PageParams {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 200;
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    @QueryParam("limit")
    @Parameter(
            description = "Page size, 1 to 200 (default 20)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "20"))
    public String limit;

    @QueryParam("cursor")
    @Parameter(description = "Opaque cursor from the previous page's nextCursor (or its Link rel=\"next\" header)")
    public String cursor;

    @QueryParam("sort")
    @Parameter(
            description = "Field to sort by, with a leading '-' for descending; ties are broken by id."
                    + " The fields each list can sort by are listed in its description.",
            example = "-statedOn")
    public String sort;

    /** Set on the pages of a stream, whose total nobody reads, so they skip counting. */
    boolean streamed;

    @QueryParam("updatedSince")
    @Parameter(
            description = "Only records created or changed at or after this instant (ISO 8601, UTC). Deletions do not"
                    + " show in lists; the change feed (/api/v1/changes) has them.",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"),
            example = "2024-11-20T00:00:00Z")
    public String updatedSince;

    /** The page size asked for, answering 400 when it is not a whole number from 1 to 200. */
    public int pageSize() {
        return pageSize(limit);
    }

    /** A {@code limit} parameter as a page size, answering 400 when it is not a whole number from 1 to 200. */
    public static int pageSize(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest(
                "Query parameter 'limit' must be a whole number from 1 to " + MAX_LIMIT + ", not '" + limit + "'");
    }

    /** The {@code updatedSince} instant, or null when absent; 400 when it is not an ISO 8601 instant. */
    public Instant updatedSince() {
        if (updatedSince == null || updatedSince.isBlank()) {
            return null;
        }
        try {
            Instant instant = Instant.parse(updatedSince.trim());
            if (instant.isAfter(LATEST) || instant.isBefore(EARLIEST)) {
                throw ProblemException.badRequest(
                        "Query parameter 'updatedSince' must lie between years 0000 and 9999");
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("Query parameter 'updatedSince' must be an ISO 8601 instant such as"
                    + " 2024-11-20T09:30:00Z, not '" + updatedSince + "'");
        }
    }

    /**
     * The same filters and sort from another cursor, with pages of the largest size and no total: for
     * streaming every page.
     */
    public PageParams following(String nextCursor) {
        PageParams params = copy();
        params.limit = Integer.toString(MAX_LIMIT);
        params.cursor = nextCursor;
        params.streamed = true;
        return params;
    }

    /** Whether this is a page of a stream, whose total is not wanted. */
    public boolean streamed() {
        return streamed;
    }

    /** The same parameters with another default sort, for lists whose natural order differs. */
    public PageParams withDefaultSort(String defaultSort) {
        if (sort != null && !sort.isBlank()) {
            return this;
        }
        PageParams params = copy();
        params.sort = defaultSort;
        return params;
    }

    private PageParams copy() {
        PageParams params = new PageParams();
        params.limit = limit;
        params.cursor = cursor;
        params.sort = sort;
        params.updatedSince = updatedSince;
        return params;
    }
}
