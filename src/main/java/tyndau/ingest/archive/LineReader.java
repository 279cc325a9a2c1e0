package tyndau.ingest.archive;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most {@code maxChars} characters; a longer line is consumed to its end without
 * being kept, and reported as too long. Lines end at LF, CRLF or CR.
 */
final class LineReader {
    /** One line: its 1-based number and its text, or null text when it was too long. */
    record Line(long number, String text) {
        boolean tooLong() {
            return text == null;
        }
    }

    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[8192];
    private int pos;
    private int len;
    private long number;
    private boolean pendingLf;

    LineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line, or null at end of input. */
    Line next() throws IOException {
        StringBuilder sb = new StringBuilder();
        boolean overflow = false;
        boolean sawAny = false;
        while (true) {
            if (pos == len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    if (!sawAny) {
                        return null;
                    }
                    number++;
                    return new Line(number, overflow ? null : sb.toString());
                }
            }
            char c = buf[pos++];
            if (pendingLf) {
                pendingLf = false;
                if (c == '\n') {
                    continue;
                }
            }
            sawAny = true;
            if (c == '\n' || c == '\r') {
                pendingLf = c == '\r';
                number++;
                return new Line(number, overflow ? null : sb.toString());
            }
            if (!overflow) {
                if (sb.length() >= maxChars) {
                    overflow = true;
                    sb = new StringBuilder();
                } else {
                    sb.append(c);
                }
            }
        }
    }
}
