package tyndau;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Data an evaluation needs that the project does not hold: the team's public corpora under
 * {@code ../shared/data} (its README; never copied into the project, absent from a fresh clone and from
 * CI), or a directory or file named on the command line. Where it is missing the test is skipped, and the
 * skip says which path it looked for: an evaluation that did not run must not read as one that passed.
 */
public final class ReferenceData {
    /** {@code ../shared/data}, relative to the project root (surefire's working directory). */
    public static final Path ROOT = Path.of("..", "shared", "data");

    private ReferenceData() {
    }

    /** {@code relative} under {@link #ROOT}, a file or a directory; skips the calling test, naming it, when absent. */
    public static Path require(String relative) {
        Path p = ROOT.resolve(relative);
        assumeTrue(Files.exists(p), () -> "not evaluated: reference data ../shared/data/" + relative + " is absent (looked for "
                + p.toAbsolutePath().normalize() + "; ../shared/data/README.md says what it holds)");
        return p;
    }

    /**
     * The path given as {@code -Dproperty=…} for an evaluation run on demand; skips the calling test, saying
     * which property it needs (and what was wrong with the one given), when it is not there.
     */
    public static Path onDemand(String property, String what) {
        String value = System.getProperty(property);
        assumeTrue(value != null && !value.isBlank(), () -> "not evaluated: on demand only, with -D" + property + "=" + what);
        Path p = Path.of(value);
        assumeTrue(Files.exists(p), () -> "not evaluated: -D" + property + "=" + value + " does not exist (" + p.toAbsolutePath()
                + "); it names " + what);
        return p;
    }
}
