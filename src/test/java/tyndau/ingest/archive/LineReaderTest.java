package tyndau.ingest.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void splitsOnLfCrlfAndCrAndNumbersEveryLine() throws IOException {
        LineReader r = new LineReader(new StringReader("a\nb\r\nc\rd"), 10);
        assertEquals(new LineReader.Line(1, "a"), r.next());
        assertEquals(new LineReader.Line(2, "b"), r.next());
        assertEquals(new LineReader.Line(3, "c"), r.next());
        assertEquals(new LineReader.Line(4, "d"), r.next());
        assertNull(r.next());
    }

    @Test
    void countsEmptyLinesSoNumbersMatchTheFile() throws IOException {
        LineReader r = new LineReader(new StringReader("a\n\nb\n"), 10);
        r.next();
        assertEquals("", r.next().text());
        assertEquals(new LineReader.Line(3, "b"), r.next());
        assertNull(r.next());
    }

    @Test
    void overlongLineIsFlaggedAndTheNextOneStillRead() throws IOException {
        LineReader r = new LineReader(new StringReader("x".repeat(50_000) + "\nok\n"), 100);
        LineReader.Line first = r.next();
        assertTrue(first.tooLong());
        assertEquals(1, first.number());
        assertEquals(new LineReader.Line(2, "ok"), r.next());
    }
}
