package org.demarche.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.demarche.subscription.Receiver;
import org.junit.jupiter.api.Test;

/**
 * A delivery under way when its instance is killed (SIGKILL, as a crash) is sent again after the restart,
 * with the same delivery id, and what was committed meanwhile follows in order: nothing is lost. Runs on
 * the database the app was built for.
 */
class WebhookCrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDeliveryUnderWayWhenTheInstanceIsKilledIsSentAfterTheRestart() throws Exception {
        Map<String, String> environment = new HashMap<>(Databases.empty("webhook-crash"));
        environment.put("DEMARCHE_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        try (Receiver receiver = new Receiver()) {
            AppInstance crashing =
                    AppInstance.launch("webhook-crash", environment).awaitReady();
            String official = crashing.create("officials", Map.of("name", "Kilian Killed", "country", "IE"));
            String source =
                    crashing.create("sources", Map.of("url", "https://example.org/killed", "outlet", "Irish Times"));
            // The receiver holds every request 3 seconds before answering 200.
            String subscription = crashing.create(
                    "subscriptions",
                    Map.of(
                            "url", receiver.url("/slow"),
                            "events", List.of("statement.created"),
                            "filter", Map.of("officialId", List.of(official))));
            String first = statement(crashing, official, source, 1);
            String second = statement(crashing, official, source, 2);

            Receiver.Received underWay = receiver.next(60);
            assertEquals(first, JSON.readTree(underWay.body()).get("recordId").asText());
            crashing.kill();

            try (AppInstance restarted =
                    AppInstance.launch("webhook-crash-restarted", environment).awaitReady()) {
                Map<String, String> arrivals = new LinkedHashMap<>();
                while (arrivals.size() < 2) {
                    JsonNode body = JSON.readTree(receiver.next(60).body());
                    arrivals.putIfAbsent(
                            body.get("id").asText(), body.get("recordId").asText());
                }
                assertEquals(List.of(first, second), List.copyOf(arrivals.values()), "commit order");
                assertEquals(
                        underWay.headers().get("Demarche-Delivery"),
                        arrivals.keySet().iterator().next(),
                        "the killed attempt is sent again with the same id");

                JsonPath log = settledLog(restarted, subscription);
                assertEquals(List.of("delivered", "delivered"), log.getList("items.status"), log.prettify());
                assertEquals(List.of(second, first), log.getList("items.recordId"));
            }
        }
    }

    private static String statement(AppInstance instance, String official, String source, int n) {
        return instance.create(
                "statements",
                Map.of(
                        "officialId",
                        official,
                        "text",
                        "Killed mid-delivery, remark " + n,
                        "quoteType",
                        "paraphrase",
                        "statedOn",
                        "2026-11-30",
                        "sourceIds",
                        List.of(source)));
    }

    /** The delivery log once nothing is pending, waiting up to a minute. */
    private static JsonPath settledLog(AppInstance instance, String subscription) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            JsonPath log = instance.admin()
                    .contentType(ContentType.JSON)
                    .get("/api/v1/subscriptions/" + subscription + "/deliveries")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if (!log.getList("items.status").contains("pending")) {
                return log;
            }
            assertTrue(System.nanoTime() < deadline, "the deliveries settle within a minute: " + log.prettify());
            Thread.sleep(100);
        }
    }
}
