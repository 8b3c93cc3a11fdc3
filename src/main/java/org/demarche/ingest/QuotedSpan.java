package org.demarche.ingest;

/**
 * The words between a pair of quotation marks. {@code words} excludes the marks, {@code marks} includes
 * them; a quote a paragraph leaves open (the convention for quotes running over paragraphs) ends with it.
 */
record QuotedSpan(Span words, Span marks) {

    /** Whether a closing mark ends it, rather than the end of its paragraph. */
    boolean closed() {
        return marks.end() > words.end();
    }
}
