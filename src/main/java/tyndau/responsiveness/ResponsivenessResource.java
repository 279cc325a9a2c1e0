package tyndau.responsiveness;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /api/responsiveness}: episodes, metrics and verdict for a topic and range. */
@Path("/api/responsiveness")
@Produces(MediaType.APPLICATION_JSON)
class ResponsivenessResource {
    private final ResponsivenessService service;

    ResponsivenessResource(ResponsivenessService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Who moved first on a topic, was the public answered, how fast",
            description = "Episodes (public surges and government-led announcements) with evidence, metrics"
                    + " (response rate, Kaplan-Meier median lag, CCF, Granger both ways) and a verdict. Every"
                    + " constant of the method can be overridden by a parameter of the same name (docs/responsiveness.md).")
    public ResponsivenessService.Answer responsiveness(@QueryParam("topic") String topic, @QueryParam("from") String from,
                                                       @QueryParam("to") String to, @QueryParam("zone") String zone,
                                                       @jakarta.ws.rs.BeanParam ResponsivenessService.Overrides overrides,
                                                       @QueryParam("unit") @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(
                                                               description = "documents (default) or events: the daily series count"
                                                                       + " each event once per day it is reported, on each side") String unit) {
        return service.answer(topic, from, to, zone, overrides, tyndau.signals.TimelineService.events(unit));
    }
}
