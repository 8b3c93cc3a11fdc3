package org.demarche.bulk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.demarche.common.stream.ListFormat;
import org.junit.jupiter.api.Test;

/**
 * Two imports of one file at once store each record once, and neither reports a valid line as rejected:
 * what one of them created, the other finds unchanged.
 */
@QuarkusTest
@SendsAdminKey
class ConcurrentImportTest {

    private static final int STATEMENTS = 1200;

    private static JsonPath importing(byte[] file) {
        return given().contentType(ListFormat.APPLICATION_NDJSON)
                .body(file)
                .post("/api/v1/import")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void twoImportsOfOneFileAtOnceStoreEachRecordOnceAndRejectNothing() throws Exception {
        String u = Fixtures.unique();
        StringBuilder file = new StringBuilder()
                .append("{\"type\":\"official\",\"name\":\"Twin ")
                .append(u)
                .append("\",\"country\":\"NL\"}\n")
                .append("{\"type\":\"topic\",\"slug\":\"twin-")
                .append(u)
                .append("\",\"name\":\"Twin\"}\n")
                .append("{\"type\":\"source\",\"url\":\"https://example.org/twin-")
                .append(u)
                .append("\",\"outlet\":\"Twin Post\"}\n")
                .append("{\"type\":\"position\",\"official\":{\"name\":\"Twin ")
                .append(u)
                .append("\",\"country\":\"NL\"},")
                .append("\"topic\":\"twin-")
                .append(u)
                .append("\",\"stance\":\"supports\",\"validFrom\":\"2025-01\"}\n");
        for (int i = 0; i < STATEMENTS; i++) {
            file.append("{\"type\":\"statement\",\"official\":{\"name\":\"Twin ")
                    .append(u)
                    .append("\",\"country\":\"NL\"},\"text\":\"Twin words ")
                    .append(i)
                    .append("\",\"quoteType\":\"summary\",\"statedOn\":\"2025\",\"topics\":[\"twin-")
                    .append(u)
                    .append("\"],\"sources\":[\"https://example.org/twin-")
                    .append(u)
                    .append("\"]}\n");
        }
        byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
        int records = STATEMENTS + 4;

        CompletableFuture<JsonPath> first = CompletableFuture.supplyAsync(() -> importing(bytes));
        CompletableFuture<JsonPath> second = CompletableFuture.supplyAsync(() -> importing(bytes));
        List<JsonPath> reports = List.of(first.get(5, TimeUnit.MINUTES), second.get(5, TimeUnit.MINUTES));

        for (JsonPath report : reports) {
            assertEquals(0, report.getInt("rejected"), report.prettify());
            assertEquals(records, report.getInt("created") + report.getInt("unchanged"), report.prettify());
        }
        assertEquals(records, reports.get(0).getInt("created") + reports.get(1).getInt("created"));
        String official = given().get("/api/v1/officials?name=Twin " + u)
                .then()
                .body("total", equalTo(1))
                .extract()
                .path("items[0].id");
        given().get("/api/v1/statements?officialId=" + official).then().body("total", equalTo(STATEMENTS));
        given().get("/api/v1/officials/" + official + "/positions").then().body("total", equalTo(1));
    }
}
