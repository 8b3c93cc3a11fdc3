package org.demarche.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.demarche.bulk.ImportRecords.ImportRecord;
import org.demarche.common.FieldError;
import org.demarche.common.ProblemException;
import org.demarche.common.http.ProblemMappers;
import org.demarche.common.stream.ListFormat;
import org.demarche.event.EventRequest;
import org.demarche.event.EventService;
import org.demarche.official.OfficialRequest;
import org.demarche.official.OfficialService;
import org.demarche.position.PositionRequest;
import org.demarche.position.PositionService;
import org.demarche.record.RecordService;
import org.demarche.record.TrackedEntity;
import org.demarche.source.SourceRequest;
import org.demarche.source.SourceService;
import org.demarche.statement.StatementRequest;
import org.demarche.statement.StatementSearch;
import org.demarche.statement.StatementService;
import org.demarche.topic.TopicRequest;
import org.demarche.topic.TopicService;
import org.jboss.logging.Logger;

/**
 * Reads records, one a line as {@link Export} writes them (or statements as CSV, {@link CsvRecords}), and
 * makes the database match them. Which
 * record a line is: its {@code id} when given and stored, else its natural key (an official's
 * wikidataId, or its name and country; a topic's slug; a source's url; an event's kind, title and heldOn; a
 * statement's official, text and date; a position's official, topic and validFrom). A line that matches its record as stored changes
 * nothing, so importing a file twice writes nothing the second time. In {@link ImportMode#merge} a line
 * that names a stored record is a merge patch of it ({@link RecordService#patched}): the fields it leaves
 * out stay as stored; in {@link ImportMode#replace} it is the whole record. An update is reported with the
 * fields it changes ({@link RecordUpdate}), the first {@value #REPORTED_UPDATES} of them. References may be ids or natural
 * keys: {@code official} ({"wikidataId": …} or {"name": …, "country": …}) for officialId, {@code topics}
 * (slugs) for topicIds, {@code sources} (urls) for sourceIds, {@code topic} (a slug) for topicId and
 * {@code parent} (a slug) for parentId.
 *
 * <p>Lines are read as they arrive and written in batches of {@value #BATCH} (fewer when their lines are
 * long: a batch holds at most {@value #BATCH_CHARS} characters), each batch in one transaction: it commits
 * whole or not at all, so a stopped or killed import leaves no half-written record, and the report says up
 * to which line everything is committed. A batch finds the records its lines name in a few queries
 * ({@link NaturalKeys}) and sends its writes to the database together when it commits, each record through
 * its service's rules, with its history and search index entry like any write; the search index follows an
 * import's commits in larger steps ({@link StatementSearch#inBulk}), and has followed all of them when the
 * import answers. A line that is not valid is rejected and reported, with every problem, and the rest of its
 * batch goes on; the report counts every problem and keeps the first ones, while the caller may stream them
 * all, so memory stays flat however many there are. Should the database refuse a batch all the same, its
 * lines are retried one per transaction, so each stands or falls alone. A dry run does all of this for the
 * first {@value #DRY_RUN_LINES} lines in one transaction that it rolls back. Imports write one transaction
 * at a time ({@link ImportLock}), so two imports of one file store each record once.
 */
@ApplicationScoped
public class Import {

    static final int BATCH = 500;
    /** A batch ends sooner when its lines hold this many characters, so long lines cannot fill the memory. */
    static final long BATCH_CHARS = 4L << 20;
    /**
     * The lines a dry run checks: it writes them all in one transaction, which holds them until it rolls back,
     * so a dry run of a large file would grow without bound. The rest is read and counted, not checked.
     */
    static final int DRY_RUN_LINES = 20_000;
    /** The problems a JSON report lists; the NDJSON report streams every one. */
    static final int REPORTED_ERRORS = 1000;
    /** The updated records a report shows field by field; it counts them all. */
    static final int REPORTED_UPDATES = 100;

    private static final Logger LOG = Logger.getLogger(Import.class);

    private final ObjectMapper json;
    private final StatementSearch search;
    private final ImportLock lock;
    private final Map<String, Kind<?, ?>> kinds = new LinkedHashMap<>();

    public Import(
            ObjectMapper json,
            StatementSearch search,
            ImportLock lock,
            OfficialService officials,
            TopicService topics,
            SourceService sources,
            EventService events,
            StatementService statements,
            PositionService positions) {
        this.json = json;
        this.search = search;
        this.lock = lock;
        add(new Kind<>("official", officials, OfficialRequest.class, true));
        add(new Kind<>("topic", topics, TopicRequest.class, true));
        add(new Kind<>("source", sources, SourceRequest.class, true));
        add(new Kind<>("event", events, EventRequest.class, false));
        add(new Kind<>("statement", statements, StatementRequest.class, false));
        add(new Kind<>("position", positions, PositionRequest.class, true));
    }

    private void add(Kind<?, ?> kind) {
        kinds.put(kind.name(), kind);
    }

    /**
     * One record type: its service and its request. {@code flushFirst}: its rules query records that earlier
     * lines of the batch may have written (a new position closes the current one; a slug, url or wikidataId
     * must be unique, also when an earlier line took or freed it), so those are flushed first. Statements,
     * the bulk of an import, have no such rule and are flushed only when their batch commits.
     */
    private record Kind<E extends TrackedEntity, Q>(
            String name, RecordService<E, Q, ?> service, Class<Q> requestType, boolean flushFirst) {}

    private enum Outcome {
        created,
        updated,
        unchanged
    }

    /** Spreadsheets save "CSV UTF-8" with a byte order mark, which is not part of the first column's name. */
    private static Reader withoutByteOrderMark(BufferedReader text) {
        try {
            text.mark(1);
            if (text.read() != '\uFEFF') {
                text.reset();
            }
            return text;
        } catch (CharacterCodingException e) {
            // Not UTF-8 from the first byte: reading on fails the same way, and the records report it at line 1.
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("The import body could not be read", e);
        }
    }

    /**
     * Imports a body of NDJSON records of any type, or of CSV statements ({@link CsvRecords}). Every problem
     * found goes to {@code problems} as its batch is done; the report keeps the first {@code kept} of them.
     */
    public ImportReport run(
            InputStream body,
            ListFormat format,
            ImportMode mode,
            boolean dryRun,
            int kept,
            Consumer<LineError> problems) {
        Tally tally = new Tally(kinds.keySet(), kept, problems);
        Reader text = withoutByteOrderMark(new BufferedReader(new InputStreamReader(
                body,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT))));
        ImportRecords records = switch (format) {
            case NDJSON -> new NdjsonRecords(text, json);
            case CSV -> new CsvRecords(text, json);
            case JSON -> throw new IllegalArgumentException("Imports are NDJSON or CSV");
        };
        if (dryRun) {
            ImportRecord unchecked = lock.rolledBack(() -> {
                Panache.getEntityManager().setFlushMode(FlushModeType.COMMIT);
                return readBatches(records, tally, DRY_RUN_LINES, batch -> {
                    write(batch, mode).forEach(tally::record);
                    Panache.getEntityManager().flush();
                    Panache.getEntityManager().clear();
                });
            });
            if (unchecked != null) {
                tally.lines = linesAfter(records);
                tally.problem(new LineError(
                        unchecked.line(),
                        "",
                        "was not checked, nor any line after it: a dry run" + " checks the first " + DRY_RUN_LINES
                                + " lines"));
            }
        } else {
            search.inBulk(() -> readBatches(records, tally, Long.MAX_VALUE, batch -> commit(batch, mode, tally)));
        }
        return tally.report(mode, dryRun);
    }

    /**
     * What one line came to: an outcome, or the problems that rejected it; type is null when unknown. An
     * update says which fields it changes.
     */
    private record Result(String type, Outcome outcome, List<LineError> errors, RecordUpdate update) {

        Result(String type, Outcome outcome, List<LineError> errors) {
            this(type, outcome, errors, null);
        }
    }

    /** A line ready to be written: its record type, its id if it has one, and its other fields. */
    private record Line(long number, Kind<?, ?> kind, UUID id, ObjectNode fields) {}

    /**
     * Reads the records and writes them batch by batch, up to the record that starts after {@code lastLine},
     * which is answered (null when the body ended first).
     */
    private ImportRecord readBatches(
            ImportRecords records, Tally tally, long lastLine, Consumer<List<ImportRecord>> write) {
        List<ImportRecord> batch = new ArrayList<>(BATCH);
        long batchChars = 0;
        LineError notText = null;
        ImportRecord unchecked = null;
        try {
            for (ImportRecord record = records.next(); record != null; record = records.next()) {
                tally.lines = records.lines();
                if (record.line() > lastLine) {
                    unchecked = record;
                    break;
                }
                batch.add(record);
                batchChars += record.chars();
                if (batch.size() == BATCH || batchChars >= BATCH_CHARS) {
                    write.accept(batch);
                    batch = new ArrayList<>(BATCH);
                    batchChars = 0;
                }
            }
            tally.lines = records.lines();
        } catch (CharacterCodingException e) {
            notText = new LineError(records.lines() + 1, "", "is not UTF-8 text; the import stopped before this line");
        } catch (IOException e) {
            throw bodyUnread(e);
        }
        if (!batch.isEmpty()) {
            write.accept(batch);
        }
        if (notText != null) {
            tally.problem(notText);
        }
        return unchecked;
    }

    /** Reads the rest of the body unchecked, answering how many lines it had in all. */
    private static long linesAfter(ImportRecords records) {
        try {
            while (records.next() != null) {
                // only counted
            }
        } catch (CharacterCodingException e) {
            // Not text from here on: the lines are counted up to here.
        } catch (IOException e) {
            throw bodyUnread(e);
        }
        return records.lines();
    }

    /** The client went away: batches so far are committed, and there is nobody to report to. */
    private static UncheckedIOException bodyUnread(IOException e) {
        return new UncheckedIOException("The import body could not be read", e);
    }

    /** Writes a batch in one transaction; if the database refuses it, each line in a transaction of its own. */
    private void commit(List<ImportRecord> batch, ImportMode mode, Tally tally) {
        try {
            lock.committed(() -> writeUntilCommit(batch, mode)).forEach(tally::record);
        } catch (RuntimeException batchFailed) {
            LOG.warnf(batchFailed, "A batch of %d import lines was refused; retrying them one by one", batch.size());
            for (ImportRecord record : batch) {
                try {
                    lock.committed(() -> writeUntilCommit(List.of(record), mode))
                            .forEach(tally::record);
                } catch (RuntimeException lineFailed) {
                    LOG.warnf(lineFailed, "Import line %d was refused by the database", record.line());
                    tally.record(rejected(
                            record.line(),
                            null,
                            "",
                            "could not be stored, although it is valid; it may"
                                    + " conflict with another line of this import"));
                }
            }
        }
        tally.committedThroughLine = batch.get(batch.size() - 1).line();
    }

    /** Writes the records in the current transaction, sending nothing to the database before it commits. */
    private List<Result> writeUntilCommit(List<ImportRecord> records, ImportMode mode) {
        Panache.getEntityManager().setFlushMode(FlushModeType.COMMIT);
        return write(records, mode);
    }

    /** Writes the records in the current transaction, in order, after loading what they name. */
    private List<Result> write(List<ImportRecord> records, ImportMode mode) {
        Result[] results = new Result[records.size()];
        Line[] lines = new Line[records.size()];
        List<NaturalKeys.Entry> entries = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            ImportRecord record = records.get(i);
            if (record.problem() != null) {
                results[i] = new Result(null, null, List.of(record.problem()));
                continue;
            }
            // A copy: should the batch fail, the record is read again on its own.
            ObjectNode fields = record.fields().deepCopy();
            JsonNode type = fields.remove("type");
            Kind<?, ?> kind = type == null || !type.isTextual() ? null : kinds.get(type.asText());
            if (kind == null) {
                results[i] =
                        rejected(record.line(), null, "type", "must be one of: " + String.join(", ", kinds.keySet()));
                continue;
            }
            JsonNode id = fields.remove("id");
            try {
                lines[i] = new Line(
                        record.line(), kind, id == null || id.isNull() ? null : UUID.fromString(id.asText()), fields);
            } catch (IllegalArgumentException e) {
                results[i] = rejected(record.line(), kind.name(), "id", "must be a UUID");
                continue;
            }
            entries.add(new NaturalKeys.Entry(kind.service().entityType(), lines[i].id(), fields));
        }
        NaturalKeys keys = NaturalKeys.load(entries);
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null) {
                results[i] = write(lines[i], lines[i].kind(), keys, mode);
            }
        }
        return Arrays.asList(results);
    }

    private <E extends TrackedEntity, Q> Result write(Line line, Kind<E, Q> kind, NaturalKeys keys, ImportMode mode) {
        List<LineError> unresolved =
                keys.resolveReferences(line.number(), kind.service().entityType(), line.fields());
        if (!unresolved.isEmpty()) {
            return new Result(kind.name(), null, unresolved);
        }
        Q request;
        try {
            request = json.treeToValue(line.fields(), kind.requestType());
        } catch (JsonMappingException e) {
            FieldError error = ProblemMappers.fieldError(e);
            return rejected(line.number(), kind.name(), error.field(), error.message());
        } catch (JsonProcessingException e) {
            return rejected(line.number(), kind.name(), "", "cannot be read as a " + kind.name());
        }
        if (kind.flushFirst()) {
            Panache.getEntityManager().flush();
        }
        Class<E> type = kind.service().entityType();
        E stored = line.id() != null ? keys.byId(type, line.id()) : type.cast(keys.byNaturalKey(request));
        try {
            if (stored == null) {
                keys.remember(kind.service().insert(request, line.id()));
                return new Result(kind.name(), Outcome.created, List.of());
            }
            if (mode == ImportMode.merge) {
                request = kind.service().patched(stored, line.fields());
            }
            ObjectNode before = kind.service().compared(stored);
            ObjectNode after = kind.service().comparedRequest(request);
            if (before.equals(after)) {
                return new Result(kind.name(), Outcome.unchanged, List.of());
            }
            keys.forget(stored);
            try {
                kind.service().update(stored, request);
            } finally {
                keys.remember(stored);
            }
            return new Result(
                    kind.name(),
                    Outcome.updated,
                    List.of(),
                    RecordUpdate.between(line.number(), kind.name(), stored.id, before, after));
        } catch (UncheckedIOException unreadable) {
            // A merge whose result cannot be read as a request, as a PATCH answers it.
            if (unreadable.getCause() instanceof JsonMappingException e) {
                FieldError error = ProblemMappers.fieldError(e);
                return rejected(line.number(), kind.name(), error.field(), error.message());
            }
            return rejected(line.number(), kind.name(), "", "cannot be read as a " + kind.name());
        } catch (ProblemException problem) {
            return problem.errors == null
                    ? rejected(line.number(), kind.name(), "", problem.getMessage())
                    : new Result(
                            kind.name(),
                            null,
                            problem.errors.stream()
                                    .map(error -> new LineError(line.number(), error.field(), error.message()))
                                    .toList());
        }
    }

    private static Result rejected(long line, String type, String field, String message) {
        return new Result(type, null, List.of(new LineError(line, field, message)));
    }

    /** The counts of an import as it goes, the first problems, and where every problem goes. */
    private static final class Tally {
        static final int REJECTED = 3;
        final Map<String, long[]> byType = new LinkedHashMap<>();
        final List<LineError> errors = new ArrayList<>();
        final List<RecordUpdate> updates = new ArrayList<>();
        final int kept;
        final Consumer<LineError> problems;
        long errorCount;
        long lines;
        long committedThroughLine;
        /** Lines rejected before their type was known. */
        long untyped;

        Tally(Iterable<String> types, int kept, Consumer<LineError> problems) {
            types.forEach(type -> byType.put(type, new long[4]));
            this.kept = kept;
            this.problems = problems;
        }

        void record(Result result) {
            int slot = result.outcome() == null ? REJECTED : result.outcome().ordinal();
            if (result.type() == null) {
                untyped++;
            } else {
                byType.get(result.type())[slot]++;
            }
            result.errors().forEach(this::problem);
            if (result.update() != null && updates.size() < REPORTED_UPDATES) {
                updates.add(result.update());
            }
        }

        void problem(LineError error) {
            errorCount++;
            if (errors.size() < kept) {
                errors.add(error);
            }
            problems.accept(error);
        }

        ImportReport report(ImportMode mode, boolean dryRun) {
            Map<String, ImportReport.Counts> counts = new LinkedHashMap<>();
            long[] totals = new long[4];
            byType.forEach((type, c) -> {
                counts.put(type, new ImportReport.Counts(c[0], c[1], c[2], c[3]));
                for (int i = 0; i < 4; i++) {
                    totals[i] += c[i];
                }
            });
            return new ImportReport(
                    mode,
                    dryRun,
                    lines,
                    totals[0],
                    totals[1],
                    totals[2],
                    totals[REJECTED] + untyped,
                    counts,
                    dryRun ? 0 : committedThroughLine,
                    errorCount,
                    List.copyOf(errors),
                    List.copyOf(updates));
        }
    }
}
