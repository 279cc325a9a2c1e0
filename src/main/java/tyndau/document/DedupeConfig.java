package tyndau.document;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** Same-story detection beyond URL and GUID: copies are stored and linked, never discarded. */
@ConfigMapping(prefix = "tyndau.dedupe")
public interface DedupeConfig {
    /** Copies of a story (syndication, re-posts, rewrites) are looked for among documents published within this window either side. */
    @WithName("near-window")
    @WithDefault("P3D")
    Duration nearWindow();

    /** Estimated Jaccard similarity of word 3-shingles (MinHash) from which two bodies are the same story; above 1 turns linking off. */
    @WithName("min-similarity")
    @WithDefault("0.7")
    double minSimilarity();

    /**
     * When the titles agree too (same normalised title), bodies this similar already make a copy: a title
     * only adds evidence, it never makes a copy on its own.
     */
    @WithName("title-similarity")
    @WithDefault("0.5")
    double titleSimilarity();

    /** Bodies shorter than this many words are never judged near-duplicates (too little text to tell). */
    @WithName("min-words")
    @WithDefault("30")
    int minWords();
}
