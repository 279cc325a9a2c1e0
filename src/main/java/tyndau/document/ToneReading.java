package tyndau.document;

/**
 * A document's tone read as the label a person would give the whole article ({@code positive},
 * {@code neutral}, {@code negative}) and how sure that reading is ({@code confidence}, 0…1). Made once
 * with the tone (tyndau.tone.ArticleTone: for Russian, a model of the article giving the label's
 * probability) and stored with it. {@link #of(Double)} is the reading where no such model exists: the
 * tone's side of a neutral band of ±{@link #BAND}, its confidence 0.5 on a border of the band and 1 at a
 * tone of ±1 (polar) or exactly 0 (neutral).
 */
public record ToneReading(String label, double confidence) {
    /** Half-width of the neutral band of a document's tone, where there is no model of the article. */
    public static final double BAND = 0.10;

    public static final String POSITIVE = "positive";
    public static final String NEUTRAL = "neutral";
    public static final String NEGATIVE = "negative";
    /** The three labels. */
    public static final java.util.List<String> LABELS = java.util.List.of(NEGATIVE, NEUTRAL, POSITIVE);

    /** The reading of {@code tone}, or null for an untoned document (no signal is not neutral). */
    public static ToneReading of(Double tone) {
        return tone == null ? null : of(tone, BAND);
    }

    /** The reading with another band (to choose the band on data). */
    public static ToneReading of(double tone, double band) {
        double t = Math.max(-1, Math.min(1, tone));
        double a = Math.abs(t);
        if (a > band) {
            double depth = band >= 1 ? 1 : (a - band) / (1 - band);
            return new ToneReading(t > 0 ? POSITIVE : NEGATIVE, round(0.5 + 0.5 * depth));
        }
        return new ToneReading(NEUTRAL, round(band <= 0 ? 1 : 1 - 0.5 * a / band));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
