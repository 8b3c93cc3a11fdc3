package org.demarche.common.paging;

import jakarta.ws.rs.QueryParam;
import org.demarche.common.ProblemException;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters every list takes: {@code limit}, {@code cursor} and {@code sort}. */
public class PageParams {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 200;

    @QueryParam("limit")
    @Parameter(description = "Page size, 1 to 200 (default 20)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "20"))
    public String limit;

    @QueryParam("cursor")
    @Parameter(description = "Opaque cursor from the previous page's nextCursor (or its Link rel=\"next\" header)")
    public String cursor;

    @QueryParam("sort")
    @Parameter(description = "Field to sort by, with a leading '-' for descending; ties are broken by id."
            + " The fields each list can sort by are listed in its description.", example = "-statedOn")
    public String sort;

    public PageParams() {
    }

    public PageParams(String limit, String cursor, String sort) {
        this.limit = limit;
        this.cursor = cursor;
        this.sort = sort;
    }

    /** The page size asked for, answering 400 when it is not a whole number from 1 to 200. */
    public int pageSize() {
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
        throw ProblemException.badRequest("Query parameter 'limit' must be a whole number from 1 to " + MAX_LIMIT
                + ", not '" + limit + "'");
    }

    /** The same parameters with another default sort, for lists whose natural order differs. */
    public PageParams withDefaultSort(String defaultSort) {
        return sort == null || sort.isBlank() ? new PageParams(limit, cursor, defaultSort) : this;
    }
}
