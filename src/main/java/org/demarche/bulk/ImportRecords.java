package org.demarche.bulk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** The records of an import body, read one at a time as the body arrives. */
interface ImportRecords {

    /**
     * One record: the line it starts on, and its fields with its {@code type} (as an NDJSON line has them),
     * or the problem that makes it unreadable (fields null); and how many characters its fields were read
     * from, which a batch counts to stay small.
     */
    record ImportRecord(long line, ObjectNode fields, LineError problem, long chars) {

        static ImportRecord unreadable(long line, String field, String message) {
            return new ImportRecord(line, null, new LineError(line, field, message), 0);
        }
    }

    /** The next record, or null at the end of the body; blank lines are skipped. */
    ImportRecord next() throws IOException;

    /** The lines read so far, blank ones included. */
    long lines();
}
