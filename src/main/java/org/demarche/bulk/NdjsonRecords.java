package org.demarche.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import org.demarche.common.JsonSettings;

/** NDJSON: one JSON object a line, as {@link Export} writes them. */
final class NdjsonRecords implements ImportRecords {

    /** Longer lines are rejected unread; a record is far smaller (a statement's text is at most 10 000 characters). */
    static final int MAX_LINE = 1 << 20;

    private final LineReader lines;
    private final ObjectMapper json;

    NdjsonRecords(Reader body, ObjectMapper json) {
        this.lines = new LineReader(body, MAX_LINE);
        this.json = json;
    }

    @Override
    public ImportRecord next() throws IOException {
        LineReader.Line line = lines.next();
        while (line != null && line.text() != null && line.text().isBlank()) {
            line = lines.next();
        }
        if (line == null) {
            return null;
        }
        if (line.text() == null) {
            return ImportRecord.unreadable(line.number(), "", "is longer than " + MAX_LINE + " characters");
        }
        JsonNode node;
        try {
            node = json.readTree(line.text());
        } catch (JsonProcessingException e) {
            return ImportRecord.unreadable(
                    line.number(), "", JsonSettings.duplicateKey(e).orElse("is not valid JSON"));
        }
        if (!(node instanceof ObjectNode fields)) {
            return ImportRecord.unreadable(line.number(), "", "must be a JSON object");
        }
        return new ImportRecord(line.number(), fields, null, line.text().length());
    }

    @Override
    public long lines() {
        return lines.lines();
    }
}
