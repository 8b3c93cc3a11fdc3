package org.demarche.common.paging;

/** How many records a page holds, as the {@code limit} query parameter gives it: 1 to 200. */
public record PageSize(int value) {

    public static final int DEFAULT = 20;
    public static final int MAX = 200;

    public PageSize {
        if (value < 1 || value > MAX) {
            throw new IllegalArgumentException("Not a page size: " + value);
        }
    }

    /** The size asked for, or the default of 20 when none was. */
    public static int of(PageSize size) {
        return size == null ? DEFAULT : size.value;
    }
}
