package tyndau.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesAsRfc4180Says() {
        assertEquals("plain", Csv.text("plain"));
        assertEquals("\"a,b\"", Csv.text("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.text("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.text("two\nlines"));
        assertEquals("a,,1.5\r\n", Csv.row(List.of("a", Csv.text(null), Csv.number(1.5))));
    }

    @Test
    void neutralisesCellsASpreadsheetWouldRun() {
        assertEquals("'=1+2", Csv.text("=1+2"));
        assertEquals("'+cmd", Csv.text("+cmd"));
        assertEquals("'-2+3", Csv.text("-2+3"));
        assertEquals("'@SUM(A1)", Csv.text("@SUM(A1)"));
        assertEquals("'\tx", Csv.text("\tx"));
        assertEquals("\"'\rx\"", Csv.text("\rx"));
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", Csv.text("=HYPERLINK(\"http://x\",\"y\")"));
        assertEquals("-0.25", Csv.number(-0.25), "numbers Tyndau writes stay numbers");
    }
}
