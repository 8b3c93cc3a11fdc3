package org.demarche.bulk;

import java.io.IOException;
import java.io.Reader;

/** Reads lines of at most a given length; a longer line is skipped, so one line cannot fill the memory. */
final class LineReader {

    /** A line, or the note that it was too long (text null). */
    record Line(long number, String text) {}

    private final Reader in;
    private final int maxLength;
    private final StringBuilder buffer = new StringBuilder();
    private long number;
    private boolean ended;

    LineReader(Reader in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    /** The lines read so far. */
    long lines() {
        return number;
    }

    /** The next line without its end (LF or CRLF), or null at the end of the input. */
    Line next() throws IOException {
        if (ended) {
            return null;
        }
        buffer.setLength(0);
        boolean tooLong = false;
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (buffer.length() < maxLength) {
                buffer.append((char) c);
            } else {
                tooLong = true;
            }
        }
        if (c == -1) {
            ended = true;
            if (buffer.isEmpty() && !tooLong) {
                return null;
            }
        }
        number++;
        if (tooLong) {
            return new Line(number, null);
        }
        int length = buffer.length();
        return new Line(
                number,
                length > 0 && buffer.charAt(length - 1) == '\r' ? buffer.substring(0, length - 1) : buffer.toString());
    }
}
