package org.demarche.statement;

/** Whether a statement's text is the official's own words. Constants are named as they travel. */
public enum QuoteType {
    /** The official's words, verbatim. */
    direct_quote,
    /** Some words verbatim inside reported speech. */
    partial_quote,
    /** What the official said, in the reporter's words. */
    paraphrase,
    /** A condensed account of longer remarks. */
    summary
}
