package tyndau.document;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** Deduplication beyond URL and GUID. */
@ConfigMapping(prefix = "tyndau.dedupe")
public interface DedupeConfig {
    /** A document with the same normalised title as one of the same source published within this window is a re-post, not stored. */
    @WithName("title-window")
    @WithDefault("P7D")
    Duration titleWindow();

    /** Syndicated copies are looked for among other sources' documents published within this window either side. */
    @WithName("near-window")
    @WithDefault("P3D")
    Duration nearWindow();

    /** Estimated Jaccard similarity of word 3-shingles (MinHash) from which two bodies are the same story; above 1 turns linking off. */
    @WithName("min-similarity")
    @WithDefault("0.7")
    double minSimilarity();

    /** Bodies shorter than this many words are never judged near-duplicates (too little text to tell). */
    @WithName("min-words")
    @WithDefault("30")
    int minWords();
}
