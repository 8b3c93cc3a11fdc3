package org.demarche.common.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.demarche.common.ProblemType;

/**
 * Caps the requests under way at once, from their start until their answer ends or their connection
 * closes: per API key and per client address ({@link InFlightConfig#perKey}, {@link InFlightConfig#perAddress}),
 * and for streams per
 * key and address and in all ({@link InFlightConfig#streamsPerClient}, {@link InFlightConfig#streams}).
 * A client over its cap gets a 429 problem, everyone over the overall stream cap a 503, both with
 * Retry-After. Rate limits count requests as they start; this bounds what slow requests hold meanwhile.
 * How many requests and streams are under way shows at /q/metrics as {@code demarche_http_requests_in_flight}
 * and {@code demarche_http_streams_in_flight}.
 */
@ApplicationScoped
public class InFlightLimits {

    static final int ORDER = BodySizeLimit.ORDER + 4;
    private static final String ALL_REQUESTS = "requests";
    private static final String ALL_STREAMS = "streams";
    private static final String RETRY_AFTER_SECONDS = "1";

    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

    void install(@Observes Router router, InFlightConfig config, RoutingProblems problems, MeterRegistry metrics) {
        Gauge.builder("demarche.http.requests.in.flight", () -> inFlight.getOrDefault(ALL_REQUESTS, 0))
                .description("API requests under way, from their start until their answer ends")
                .register(metrics);
        Gauge.builder("demarche.http.streams.in.flight", () -> inFlight.getOrDefault(ALL_STREAMS, 0))
                .description("Exports, imports and CSV/NDJSON lists under way")
                .register(metrics);
        router.route("/api/*").order(ORDER).handler(context -> admit(context, config, problems));
    }

    private void admit(RoutingContext context, InFlightConfig config, RoutingProblems problems) {
        Client client = Client.of(context);
        List<String> taken = new ArrayList<>();
        List<String> counters = new ArrayList<>();
        counters.add("address|" + client.address());
        client.keyHash().ifPresent(key -> counters.add("key|" + key));
        if (!take(counters.get(0), config.perAddress(), taken)
                || counters.size() > 1 && !take(counters.get(1), config.perKey(), taken)) {
            refuse(
                    context,
                    taken,
                    problems,
                    ProblemType.TOO_MANY_REQUESTS,
                    "At most " + config.perKey() + " requests per key, and " + config.perAddress()
                            + " per address, may be under way at once");
            return;
        }
        if (CostlyRequests.stream(CostlyRequests.routedPath(context), CostlyRequests.accept(context))) {
            for (String counter : counters) {
                if (!take("stream|" + counter, config.streamsPerClient(), taken)) {
                    refuse(
                            context,
                            taken,
                            problems,
                            ProblemType.TOO_MANY_REQUESTS,
                            "At most "
                                    + config.streamsPerClient()
                                    + " exports, imports or CSV/NDJSON lists may be under way"
                                    + " at once per key and per address");
                    return;
                }
            }
            if (!take(ALL_STREAMS, config.streams(), taken)) {
                refuse(
                        context,
                        taken,
                        problems,
                        ProblemType.BUSY,
                        "The server is answering " + config.streams()
                                + " exports, imports or CSV/NDJSON lists already; retry shortly");
                return;
            }
        }
        take(ALL_REQUESTS, Integer.MAX_VALUE, taken);
        context.addEndHandler(ended -> taken.forEach(this::release));
        context.next();
    }

    /** Counts one more request under this counter if it has room, noting it in taken. */
    private boolean take(String counter, int max, List<String> taken) {
        boolean[] admitted = new boolean[1];
        inFlight.compute(counter, (name, count) -> {
            int current = count == null ? 0 : count;
            admitted[0] = current < max;
            return admitted[0] ? current + 1 : count;
        });
        if (admitted[0]) {
            taken.add(counter);
        }
        return admitted[0];
    }

    private void release(String counter) {
        inFlight.computeIfPresent(counter, (name, count) -> count == 1 ? null : count - 1);
    }

    private void refuse(
            RoutingContext context, List<String> taken, RoutingProblems problems, ProblemType type, String detail) {
        taken.forEach(this::release);
        context.response().putHeader("Retry-After", RETRY_AFTER_SECONDS);
        problems.end(context, type, detail);
    }
}
