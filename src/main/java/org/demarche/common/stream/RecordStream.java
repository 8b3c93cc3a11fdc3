package org.demarche.common.stream;

import java.lang.reflect.Type;
import java.util.function.Consumer;
import java.util.function.Function;
import org.demarche.common.paging.Cursor;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.PageParams;

/**
 * Every record a list matches, read a page (of the largest size) at a time by following cursors, each
 * page in its own transaction and without a total, so memory stays flat however many records there
 * are. The first page is read before the answer starts, so a bad filter is still a 400 problem. The
 * stream is not a snapshot: pages follow the list's cursors. Sorted by createdAt, every record that
 * exists throughout is sent exactly once. With another sort, a record whose sort field changes while
 * the stream runs may be missed or sent twice; with q, pages go by rank and offset, so a change in
 * the matches can shift them.
 *
 * @param itemType the type of a record, for the CSV columns
 * @param first    the first page
 * @param params   the list's parameters; cursor is where the stream started, limit is ignored
 * @param fetch    reads the page at a cursor
 */
public record RecordStream<T>(Type itemType, Page<T> first, PageParams params, Function<PageParams, Page<T>> fetch) {

    /** Starts a stream at the parameters' cursor, reading its first page now. */
    public static <T> RecordStream<T> start(Type itemType, PageParams params, Function<PageParams, Page<T>> fetch) {
        params.pageSize();
        PageParams firstPage = params.following(params.cursor);
        return new RecordStream<>(itemType, fetch.apply(firstPage), firstPage, fetch);
    }

    public void forEach(Consumer<? super T> action) {
        Page<T> page = first;
        while (true) {
            page.items().forEach(action);
            if (page.nextCursor() == null || page.items().isEmpty()) {
                return;
            }
            page = fetch.apply(params.following(Cursor.parse("cursor", page.nextCursor())));
        }
    }
}
