package tyndau.responsiveness;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import tyndau.index.LuceneIndex;
import tyndau.signals.Range;
import tyndau.signals.SignalsConfig;
import tyndau.web.ApiException;

/** {@code GET /api/responsiveness}: episodes, metrics and verdict for a topic and range. */
@Path("/api/responsiveness")
@Produces(MediaType.APPLICATION_JSON)
public class ResponsivenessResource {
    private final ResponsivenessService service;
    private final ResponsivenessConfig config;
    private final SignalsConfig signals;
    private final LuceneIndex index;

    ResponsivenessResource(ResponsivenessService service, ResponsivenessConfig config, SignalsConfig signals, LuceneIndex index) {
        this.service = service;
        this.config = config;
        this.signals = signals;
        this.index = index;
    }

    /** The method's constants, each overridable by a request parameter of the same name. */
    public record Overrides(@QueryParam("baselineDays") Integer baselineDays, @QueryParam("threshold") Double threshold,
                            @QueryParam("minDocs") Integer minDocs, @QueryParam("minScale") Double minScale,
                            @QueryParam("responseDays") Integer responseDays, @QueryParam("quietDays") Integer quietDays,
                            @QueryParam("balloonDays") Integer balloonDays, @QueryParam("maxGrangerLag") Integer maxGrangerLag,
                            @QueryParam("maxCcfLag") Integer maxCcfLag, @QueryParam("leadShare") Double leadShare,
                            @QueryParam("responsiveRate") Double responsiveRate, @QueryParam("evidenceDocs") Integer evidenceDocs) {
    }

    public Method.Params params(Overrides o) {
        Method.Params p = new Method.Params(
                pick(o.baselineDays(), config.baselineDays(), 7, 365, "baselineDays"),
                pick(o.threshold(), config.threshold(), 0.5, 100, "threshold"),
                pick(o.minDocs(), config.minDocs(), 1, 100_000, "minDocs"),
                pick(o.minScale(), config.minScale(), 0.0001, 1, "minScale"),
                pick(o.responseDays(), config.responseDays(), 1, 365, "responseDays"),
                pick(o.quietDays(), config.quietDays(), 0, 365, "quietDays"),
                pick(o.balloonDays(), config.balloonDays(), 1, 365, "balloonDays"),
                pick(o.maxGrangerLag(), config.maxGrangerLag(), 1, 30, "maxGrangerLag"),
                pick(o.maxCcfLag(), config.maxCcfLag(), 0, 90, "maxCcfLag"),
                pick(o.leadShare(), config.leadShare(), 0.5, 1, "leadShare"),
                pick(o.responsiveRate(), config.responsiveRate(), 0, 1, "responsiveRate"),
                pick(o.evidenceDocs(), config.evidenceDocs(), 0, 100, "evidenceDocs"));
        return p;
    }

    private static int pick(Integer given, int dflt, int min, int max, String name) {
        int v = given == null ? dflt : given;
        if (v < min || v > max) {
            throw ApiException.badRequest("'" + name + "' must be between " + min + " and " + max);
        }
        return v;
    }

    private static double pick(Double given, double dflt, double min, double max, String name) {
        double v = given == null ? dflt : given;
        if (Double.isNaN(v) || v < min || v > max) {
            throw ApiException.badRequest("'" + name + "' must be between " + min + " and " + max);
        }
        return v;
    }

    public ResponsivenessService.Answer answer(String topic, String from, String to, String zone, Overrides o) {
        return service.analyze(topic, Range.of(from, to, zone, signals, index), params(o));
    }

    @GET
    @Operation(summary = "Who moved first on a topic, was the public answered, how fast",
            description = "Episodes (public surges and government-led announcements) with evidence, metrics"
                    + " (response rate, Kaplan-Meier median lag, CCF, Granger both ways) and a verdict. Every"
                    + " constant of the method can be overridden by a parameter of the same name (README).")
    public ResponsivenessService.Answer responsiveness(@QueryParam("topic") String topic, @QueryParam("from") String from,
                                                       @QueryParam("to") String to, @QueryParam("zone") String zone,
                                                       @jakarta.ws.rs.BeanParam Overrides overrides) {
        return answer(topic, from, to, zone, overrides);
    }
}
