package org.demarche.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * POSTs one signed JSON body to a subscription's URL. The URL's addresses are checked again first, as DNS
 * may have changed since it was created; redirects are not followed (a 3xx is a failure); connecting has a
 * short time limit ({@code demarche.webhooks.connect-timeout}) and the whole exchange another
 * ({@code demarche.webhooks.read-timeout}), after which it is abandoned; the answer's body is read and
 * thrown away, never kept. A 2xx is success.
 */
@ApplicationScoped
public class WebhookSender {

    static final String DELIVERY_HEADER = "Demarche-Delivery";
    static final String EVENT_HEADER = "Demarche-Event";

    private final TargetUrls targets;
    private final Duration readTimeout;
    private final HttpClient client;

    WebhookSender(
            TargetUrls targets,
            @ConfigProperty(name = "demarche.webhooks.connect-timeout", defaultValue = "5s") Duration connectTimeout,
            @ConfigProperty(name = "demarche.webhooks.read-timeout", defaultValue = "10s") Duration readTimeout) {
        this.targets = targets;
        this.readTimeout = readTimeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** What became of one attempt: the answer's status, or why there was none. */
    record Outcome(Integer responseCode, Duration took, String error) {
        boolean delivered() {
            return responseCode != null && responseCode >= 200 && responseCode < 300;
        }
    }

    Outcome send(String url, UUID deliveryId, String event, byte[] body, List<String> secrets) {
        long started = System.nanoTime();
        Optional<String> refusal = targets.refusal(url);
        if (refusal.isPresent()) {
            return new Outcome(null, since(started), "url " + refusal.get());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Demarche-Webhooks/1")
                .header(DELIVERY_HEADER, deliveryId.toString())
                .header(EVENT_HEADER, event)
                .header(Signatures.HEADER, Signatures.header(System.currentTimeMillis() / 1000, body, secrets))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        CompletableFuture<HttpResponse<Void>> exchange =
                client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            int status =
                    exchange.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
            return new Outcome(status, since(started), null);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return new Outcome(null, since(started), "no answer within " + readTimeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            return new Outcome(
                    null,
                    since(started),
                    "could not connect or send (" + e.getCause().getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return new Outcome(null, since(started), "interrupted");
        }
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
