package org.demarche.bulk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.demarche.common.JsonSettings;
import org.demarche.common.ProblemException;
import org.demarche.common.stream.CsvColumns;
import org.demarche.statement.StatementResponse;

/**
 * Statements as CSV (RFC 4180, UTF-8): a header row naming columns, then one statement a row, in the shape
 * the statement list's CSV has ({@code GET /api/v1/statements} with {@code Accept: text/csv}): a nested
 * object's fields are dotted columns ({@code official.name}), arrays are JSON text in a cell, and the
 * apostrophe that list puts before formula-like text is taken off. Besides that list's columns, the
 * official may be named by {@code official.wikidataId}, or {@code official.name} and
 * {@code official.country}; {@code signatories} may be a JSON array of such officials ({@code wikidataId}, or
 * {@code name} and {@code country}); {@code topics} and {@code sources} may be JSON arrays of slugs and urls. The
 * list's read-only columns (the time stamps, version, {@code official.id}, {@code highlight}) are read and
 * left out, as in a PUT body; an empty cell is a field left out, so it keeps the stored value in
 * {@link ImportMode#merge} and empties it in {@link ImportMode#replace} (an empty list is {@code []}). A record's line is the line its row
 * starts on; the header is line 1.
 */
final class CsvRecords implements ImportRecords {

    /** A cell may be as long as an NDJSON line; a longer one stops the import rather than fill the memory. */
    private static final CsvMapper CSV = new CsvMapper(CsvFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(NdjsonRecords.MAX_LINE)
                    .build())
            .build());
    /** More cells than this in the header row are not read: a statement has far fewer columns. */
    private static final int MAX_COLUMNS = 100;

    private static final Set<String> READ_ONLY =
            Set.of("official.id", "createdAt", "updatedAt", "version", "highlight");
    private static final Set<String> REFERENCES = Set.of("official.wikidataId");

    private final JsonParser rows;
    private final ObjectMapper json;
    private final CsvColumns columns;
    private List<String> header;
    private long lines;
    private long rowLine = 1;
    private long rowCells;
    private boolean ended;

    CsvRecords(Reader body, ObjectMapper json) {
        try {
            this.rows = CSV.createParser(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.json = json;
        this.columns = new CsvColumns(json, StatementResponse.class);
    }

    @Override
    public ImportRecord next() throws IOException {
        if (ended) {
            return null;
        }
        try {
            if (header == null) {
                header = readHeader();
                if (header == null) {
                    return null;
                }
            }
            List<String> cells = nextRow(header.size());
            while (cells != null && cells.size() == 1 && cells.get(0).isBlank()) {
                cells = nextRow(header.size());
            }
            if (cells == null) {
                ended = true;
                return null;
            }
            int chars = cells.stream().mapToInt(String::length).sum();
            if (chars > NdjsonRecords.MAX_LINE) {
                // Each cell may be within bounds and the row not: a batch must not hold 500 such rows.
                return ImportRecord.unreadable(rowLine, "", "is longer than " + NdjsonRecords.MAX_LINE + " characters");
            }
            return record(cells, chars);
        } catch (StreamConstraintsException e) {
            ended = true;
            return ImportRecord.unreadable(
                    rowLine,
                    "",
                    "has a cell longer than " + NdjsonRecords.MAX_LINE + " characters; the import stopped here");
        } catch (JsonProcessingException e) {
            ended = true;
            return ImportRecord.unreadable(
                    rowLine, "", "is not valid CSV (" + e.getOriginalMessage() + "); the import stopped here");
        }
    }

    @Override
    public long lines() {
        return lines;
    }

    /** The header, checked: every column known, none twice. Null for an empty body. */
    private List<String> readHeader() throws IOException {
        List<String> names = nextRow(MAX_COLUMNS);
        if (names == null) {
            ended = true;
            return null;
        }
        Set<String> known = new LinkedHashSet<>(columns.headers());
        known.addAll(REFERENCES);
        if (rowCells > MAX_COLUMNS) {
            throw ProblemException.badRequest(
                    "The CSV header has " + rowCells + " columns; a statement has " + known.size());
        }
        List<String> unknown =
                names.stream().filter(name -> !known.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("The CSV header names columns a statement does not have: "
                    + String.join(", ", unknown) + ". Columns are: " + String.join(", ", known));
        }
        Set<String> seen = new HashSet<>();
        List<String> twice =
                names.stream().filter(name -> !seen.add(name)).distinct().toList();
        if (!twice.isEmpty()) {
            throw ProblemException.badRequest(
                    "The CSV header names these columns more than once: " + String.join(", ", twice));
        }
        return names;
    }

    /**
     * The cells of the next row, noting the line it starts on and how many cells it has; null at the end.
     * Cells past {@code limit} are counted, not kept.
     */
    private List<String> nextRow(int limit) throws IOException {
        JsonToken token = rows.nextToken();
        while (token != null && token != JsonToken.START_ARRAY) {
            token = rows.nextToken();
        }
        if (token == null) {
            return null;
        }
        List<String> cells = new ArrayList<>();
        rowLine = rows.currentLocation().getLineNr();
        rowCells = 0;
        for (token = rows.nextToken(); token == JsonToken.VALUE_STRING; token = rows.nextToken()) {
            lines = rows.currentTokenLocation().getLineNr();
            rowCells++;
            if (cells.size() < limit) {
                cells.add(rows.getText());
            }
        }
        return cells;
    }

    private ImportRecord record(List<String> cells, int chars) {
        if (rowCells != header.size()) {
            return ImportRecord.unreadable(
                    rowLine, "", "has " + rowCells + " cells; the header has " + header.size() + " columns");
        }
        ObjectNode fields = json.createObjectNode().put("type", "statement");
        for (int i = 0; i < cells.size(); i++) {
            String column = header.get(i);
            String cell = cells.get(i);
            if (cell.isEmpty() || READ_ONLY.contains(column)) {
                continue;
            }
            JsonNode value;
            if (columns.holdsJson(column)) {
                try {
                    value = json.readTree(cell);
                } catch (JsonProcessingException e) {
                    return ImportRecord.unreadable(
                            rowLine, column, JsonSettings.duplicateKey(e).orElse("is not valid JSON"));
                }
            } else {
                value = TextNode.valueOf(CsvColumns.withoutFormulaPrefix(cell));
            }
            int dot = column.indexOf('.');
            if (dot < 0) {
                fields.set(column, value);
            } else {
                ObjectNode parent = fields.get(column.substring(0, dot)) instanceof ObjectNode nested
                        ? nested
                        : fields.putObject(column.substring(0, dot));
                parent.set(column.substring(dot + 1), value);
            }
        }
        return new ImportRecord(rowLine, fields, null, chars);
    }
}
