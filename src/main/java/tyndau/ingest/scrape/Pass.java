package tyndau.ingest.scrape;

import java.util.List;

/**
 * One attempt of the content extractor. When an attempt yields too little text the next one relaxes
 * a rule: first keep "unlikely" blocks, then ignore class names, then stop pruning conditionally.
 */
record Pass(boolean stripUnlikely, boolean weightClasses, boolean cleanConditionally) {
    static final List<Pass> IN_ORDER = List.of(
            new Pass(true, true, true),
            new Pass(false, true, true),
            new Pass(false, false, true),
            new Pass(false, false, false));
}
