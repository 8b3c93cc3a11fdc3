package org.demarche.ingest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stretch of an article's text by UTF-16 offsets, as JavaScript strings count them: start inclusive, end exclusive. */
@Schema(description = "A stretch of the article by UTF-16 offsets, as JavaScript strings count them; end is exclusive")
public record Span(int start, int end) {

    public String of(String text) {
        return text.substring(start, end);
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }
}
