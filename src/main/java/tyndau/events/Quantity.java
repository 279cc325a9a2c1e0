package tyndau.events;

/**
 * A number a report gives, with its unit where one follows it: 100 tonnes, 200 тысяч граждан (200,000
 * people), 26 млрд юаней, 80 %. {@link #NONE} is a number with no unit the lexicon of units knows.
 */
public record Quantity(String unit, double value) {
    public static final String NONE = "n";
    public static final String TONNE = "tonne";
    public static final String PERCENT = "percent";
    public static final String PERSON = "person";
    public static final String DAY = "day";
    public static final String KM = "km";

    /** Two values of one unit are the same figure (1.5 million and 1,500,000). */
    boolean sameValue(Quantity other) {
        return unit.equals(other.unit) && Math.abs(value - other.value) <= 1e-6 * Math.max(1, Math.abs(value));
    }

    @Override
    public String toString() {
        String v = value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        return unit.equals(NONE) ? v : v + " " + unit;
    }
}
