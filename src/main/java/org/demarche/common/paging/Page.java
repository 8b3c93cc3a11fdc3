package org.demarche.common.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: its items, how many match in all, and the cursor of the next page. */
public record Page<T>(
        @Schema(description = "The records of this page") List<T> items,

        @Schema(description = "How many records match the filters, on all pages", examples = "8")
        long total,

        @Schema(description = "Opaque cursor for the next page; null on the last page", nullable = true)
        String nextCursor) {

    /** The total of a page read for a stream, which is never shown, so never counted. */
    public static final long UNCOUNTED = -1;

    public <R> Page<R> map(Function<? super T, R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, nextCursor);
    }
}
