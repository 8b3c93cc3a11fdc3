package org.demarche.bulk;

/**
 * What a line of an import means for the fields it leaves out (in CSV, its empty cells) when it names a
 * stored record. A new record is made of the fields its line has, in either mode.
 */
public enum ImportMode {
    /** The line sets the fields it has and leaves the others as stored: a merge patch of the stored record. */
    merge,
    /** The line is the whole record: the fields it leaves out become empty, as in a PUT. */
    replace
}
