package org.demarche.ingest;

import java.util.List;
import java.util.stream.Collectors;
import org.demarche.statement.QuoteType;

/** A statement found in an article: its words (in one or more parts), how it is reported, and who said it. */
record Extracted(List<Span> parts, QuoteType quoteType, Mention speaker, double confidence) {

    /** The parts as written, joined by a space: "We need reliable," he said, "binding agreements" keeps both halves. */
    String text(String article) {
        return parts.stream().map(part -> part.of(article)).collect(Collectors.joining(" "));
    }

    int start() {
        return parts.get(0).start();
    }
}
