package tyndau.responsiveness;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The constants of the method (docs/responsiveness.md, "The method"); each can be overridden per request. */
@ConfigMapping(prefix = "tyndau.responsiveness")
public interface ResponsivenessConfig {

    /** Days of trailing baseline (median / MAD of the public share) before each day. */
    @WithName("baseline-days")
    @WithDefault("28")
    int baselineDays();

    /** Robust z-score a day's public share must reach to be an episode day. */
    @WithDefault("3.0")
    double threshold();

    /** Public documents on the topic a day needs to be an episode day. */
    @WithName("min-docs")
    @WithDefault("3")
    int minDocs();

    /**
     * Smallest scale (in share units) used for the z-score when the baseline's scaled MAD is
     * smaller: a topic that is silent most days has MAD 0, and any mention would be infinitely
     * surprising otherwise.
     */
    @WithName("min-scale")
    @WithDefault("0.01")
    double minScale();

    /** Days after an episode's onset in which a government document counts as its response. */
    @WithName("response-days")
    @WithDefault("14")
    int responseDays();

    /** Days before a government document with no public episode for it to lead. */
    @WithName("quiet-days")
    @WithDefault("14")
    int quietDays();

    /** Days after a government-led announcement in which a public episode makes it a trial balloon. */
    @WithName("balloon-days")
    @WithDefault("7")
    int balloonDays();

    /** Largest lag order tried by the Granger tests (chosen by AIC). */
    @WithName("max-granger-lag")
    @WithDefault("7")
    int maxGrangerLag();

    /** Largest lag, in days each way, of the cross-correlation. */
    @WithName("max-ccf-lag")
    @WithDefault("14")
    int maxCcfLag();

    /** Share of episodes one side must lead for the verdict to name a leader (otherwise "mixed"). */
    @WithName("lead-share")
    @WithDefault("0.67")
    double leadShare();

    /** Response rate at or above which public-led topics are "responsive" (below: "unresponsive"). */
    @WithName("responsive-rate")
    @WithDefault("0.5")
    double responsiveRate();

    /** Public documents listed as evidence of each episode's peak. */
    @WithName("evidence-docs")
    @WithDefault("5")
    int evidenceDocs();
}
