package tyndau.alerts;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import tyndau.index.QueryLanguage;
import tyndau.http.ApiException;
import tyndau.http.Page;

/** {@code /api/alerts}: raised alerts, listed and filtered, acknowledged, and streamed as server-sent events. */
@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
class AlertResource {
    static final int MAX_SIZE = 200;

    private final AlertQueries queries;
    private final AlertStore store;
    private final AlertEvents events;
    private final AlertStream stream;
    private final AlertEvaluation evaluation;
    private final tyndau.signals.SignalsConfig signals;
    private final AlertsConfig config;

    AlertResource(AlertQueries queries, AlertStore store, AlertEvents events, AlertStream stream, AlertEvaluation evaluation,
                  tyndau.signals.SignalsConfig signals, AlertsConfig config) {
        this.signals = signals;
        this.config = config;
        this.queries = queries;
        this.store = store;
        this.events = events;
        this.stream = stream;
        this.evaluation = evaluation;
    }

    @GET
    @Operation(summary = "Alerts, newest trigger first; page starts at 1",
            description = "Filters: status (new, acknowledged), kind, topic, rule, from/to (YYYY-MM-DD in UTC or an"
                    + " ISO-8601 instant, to inclusive) on when the trigger happened, historical (true/false).")
    public Page<AlertView> list(@QueryParam("status") String status, @QueryParam("kind") String kind,
                                @QueryParam("topic") String topic, @QueryParam("rule") String rule,
                                @QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("historical") String historical,
                                @QueryParam("page") @DefaultValue("1") int page,
                                @QueryParam("size") @DefaultValue("20") int size) {
        Page.check(page, size, MAX_SIZE);
        Optional<String> st = given(status).map(s -> s.toLowerCase(Locale.ROOT));
        if (st.isPresent() && !List.of(Alert.NEW, Alert.ACKNOWLEDGED).contains(st.get())) {
            throw ApiException.badRequest("'status' is new or acknowledged");
        }
        Optional<String> k = given(kind);
        if (k.isPresent() && RuleKind.of(k.get()).isEmpty()) {
            throw ApiException.badRequest("'kind' is one of " + RuleKind.names());
        }
        Optional<Boolean> hist = given(historical).map(h -> switch (h.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest("'historical' is true or false");
        });
        Optional<Instant> f = given(from).map(v -> QueryLanguage.parseDay(v, false).orElseThrow(() -> badTime("from")));
        Optional<Instant> u = given(to).map(v -> QueryLanguage.parseDay(v, true).orElseThrow(() -> badTime("to")).plusMillis(1));
        if (f.isPresent() && u.isPresent() && !f.get().isBefore(u.get())) {
            throw ApiException.badRequest("'from' is after 'to'");
        }
        return queries.list(new AlertQueries.Filter(st, k, given(topic), given(rule), f, u, hist), page, size);
    }

    private static ApiException badTime(String name) {
        return ApiException.badRequest("'" + name + "' must be a date (YYYY-MM-DD) or an ISO-8601 instant");
    }

    private static Optional<String> given(String v) {
        return Optional.ofNullable(v).map(String::trim).filter(s -> !s.isEmpty());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One alert, with its explanation, documents and delivery status")
    public AlertView get(@PathParam("id") String id) {
        long n = id(id);
        return queries.byId(n).orElseThrow(() -> ApiException.notFound("no alert with id " + n));
    }

    @POST
    @Path("/{id}/ack")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Acknowledge an alert; answers it with status acknowledged (again on a repeat, unchanged)")
    public AlertView acknowledge(@PathParam("id") String id) {
        long n = id(id);
        boolean changed = store.acknowledge(n, Instant.now());
        AlertView v = queries.byId(n).orElseThrow(() -> ApiException.notFound("no alert with id " + n));
        if (changed) {
            events.acknowledged(v);
        }
        return v;
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-sent events: 'alert' for each new alert, 'ack' for each acknowledgement; data is the alert JSON")
    public void stream(@Context SseEventSink sink, @Context Sse sse, @Context io.vertx.core.http.HttpServerRequest request) {
        if (stream.clients() >= config.maxStreams()) {
            throw ApiException.tooMany("there are " + config.maxStreams() + " alert streams open already, the most served"
                    + " (tyndau.alerts.max-streams); try again later", 30);
        }
        String address = request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
        if (stream.clients(address) >= config.maxStreamsPerAddress()) {
            throw ApiException.tooMany("this address holds " + config.maxStreamsPerAddress() + " alert streams already, its share"
                    + " (tyndau.alerts.max-streams-per-address); close one first", 30);
        }
        stream.register(sink, sse, address, request.connection());
    }

    @POST
    @Path("/evaluate")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Evaluate every rule now (they also run after imports and on a schedule); answers how many alerts were raised")
    public AlertEvaluation.Result evaluate() {
        return evaluation.evaluate();
    }

    @POST
    @Path("/history")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "The history pass over an imported range: every rule over from..to (YYYY-MM-DD, default: all the data"
            + " up to today); alerts are historical (never pushed) and raised once however often this runs; answers {raised, byKind}")
    public AlertEvaluation.History history(@QueryParam("from") String from, @QueryParam("to") String to) {
        java.time.ZoneId zone = signals.timeZone();
        java.time.LocalDate today = java.time.LocalDate.now(zone);
        java.time.LocalDate end = to == null || to.isBlank() ? today : day("to", to);
        java.time.LocalDate start = from == null || from.isBlank() ? evaluation.firstDayOrToday() : day("from", from);
        if (start.isAfter(end)) {
            throw ApiException.badRequest("'from' is after 'to'");
        }
        return evaluation.history(start, end);
    }

    private static java.time.LocalDate day(String name, String value) {
        try {
            return java.time.LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest("'" + name + "' must be a day, YYYY-MM-DD");
        }
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no alert with id '" + id + "'");
        }
    }
}
