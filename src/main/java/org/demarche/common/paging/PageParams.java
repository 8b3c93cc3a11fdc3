package org.demarche.common.paging;

import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters every list takes: {@code limit}, {@code cursor}, {@code sort} and {@code updatedSince}.
 * They arrive typed (a bad value is a 400 before the resource runs, see {@code common.http.QueryParameterTypes});
 * only {@code sort} stays text, since which names it takes depends on the list.
 */
public class PageParams {

    @QueryParam("limit")
    @Parameter(
            description = "Page size, 1 to 200 (default 20)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "20"))
    public PageSize limit;

    @QueryParam("cursor")
    @Parameter(
            description = "Opaque cursor from the previous page's nextCursor (or its Link rel=\"next\" header)",
            schema = @Schema(type = SchemaType.STRING))
    public Cursor cursor;

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
    public Instant updatedSince;

    /** The page size asked for, or the default of 20. */
    public int pageSize() {
        return PageSize.of(limit);
    }

    /**
     * The same filters and sort from another cursor, with pages of the largest size and no total: for
     * streaming every page.
     */
    public PageParams following(Cursor nextCursor) {
        PageParams params = copy();
        params.limit = new PageSize(PageSize.MAX);
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
