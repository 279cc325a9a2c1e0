package tyndau.events;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A stream much larger than the labelled sets: dev's 126 reports copied 150 times, each copy 9 days after the
 * previous (so that copies overlap in time and thousands of events pass through the window). Prints reports per
 * second and events scored per report, and checks that the index keeps both bounded: a report is scored against
 * the few open events sharing a key, never against everything seen.
 */
class EventScaleTest {
    @Test
    void scoresFewEventsPerReportAndForgetsClosedOnes() throws IOException {
        EventSet dev = EventSet.load("dev");
        List<EventFingerprint> stream = new ArrayList<>();
        EventParameters p = EventParameters.defaults();
        Fingerprinter f = new Fingerprinter(p);
        long read = System.nanoTime();
        List<EventFingerprint> base = dev.reports().stream().map(l -> f.fingerprint(l.report())).toList();
        for (int i = 0; i < 40; i++) {
            dev.reports().forEach(l -> f.fingerprint(l.report()));
        }
        double readSeconds = (System.nanoTime() - read) / 1e9;
        System.out.printf(Locale.ROOT, "events scale: %d fingerprints in %.2f s (%.0f reports/s)%n", 41 * base.size(), readSeconds,
                41 * base.size() / readSeconds);
        for (int copy = 0; copy < 150; copy++) {
            Duration shift = Duration.ofDays(9L * copy);
            for (EventFingerprint fp : base) {
                stream.add(new EventFingerprint(fp.id() + "#" + copy, fp.lang(), fp.published().plus(shift), fp.source(), fp.side(),
                        fp.names(), fp.parties(), fp.concepts(), fp.quantities(), fp.dates()));
            }
        }
        stream.sort(Comparator.comparing(EventFingerprint::published));
        EventAssigner assigner = new EventAssigner(p);
        int maxOpen = 0;
        long start = System.nanoTime();
        for (EventFingerprint fp : stream) {
            assigner.assign(fp);
            maxOpen = Math.max(maxOpen, assigner.openEvents());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double perReport = (double) assigner.scored / stream.size();
        System.out.printf(Locale.ROOT, "events scale: %d reports assigned in %.2f s (%.0f reports/s, fingerprints made beforehand); "
                + "events scored per report %.1f; most events open at once %d%n", stream.size(), seconds, stream.size() / seconds,
                perReport, maxOpen);
        assertTrue(maxOpen < 2_000, "closed events are forgotten: " + maxOpen + " open");
        assertTrue(perReport < maxOpen, "candidates come from the index, not from all open events");
    }
}
