package tyndau.http;

import java.util.List;

/**
 * CSV as RFC 4180 writes it (comma, CRLF, fields with comma, quote, CR or LF quoted, quotes doubled),
 * in UTF-8 with a header row. Text cells that a spreadsheet would run as a formula — beginning with
 * '=', '+', '-', '@', tab or CR — get a leading apostrophe (OWASP "CSV injection"). Numbers written by
 * Tyndau itself go through {@link #number} and are left as numbers.
 */
public final class Csv {
    private Csv() {
    }

    public static String text(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    public static String number(Number n) {
        if (n == null) {
            return "";
        }
        if (n instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return "";
        }
        return n.toString();
    }

    /** One CSV record from already-encoded cells. */
    public static String row(List<String> cells) {
        return String.join(",", cells) + "\r\n";
    }

    /** The header row. */
    public static String header(String... names) {
        return String.join(",", names) + "\r\n";
    }
}
