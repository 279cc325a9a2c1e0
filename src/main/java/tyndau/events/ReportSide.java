package tyndau.events;

import java.util.Locale;

/** The side a report is counted on, as its source's role gives it (the wire names of {@code source.Side}). */
public enum ReportSide {
    PUBLIC, GOVERNMENT, NONE;

    /** "public", "government", anything else NONE. */
    public static ReportSide of(String wire) {
        if (wire == null) {
            return NONE;
        }
        return switch (wire.trim().toLowerCase(Locale.ROOT)) {
            case "public" -> PUBLIC;
            case "government" -> GOVERNMENT;
            default -> NONE;
        };
    }
}
