package org.demarche.timeline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.demarche.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TimelineResourceTest {

    @Test
    void statementsAndPositionsOfATopicComeInDateOrder() {
        String official = Fixtures.official("Timeline " + Fixtures.unique(), "RU");
        String parentSlug = "tl-talks-" + Fixtures.unique();
        String parent = Fixtures.topic(parentSlug, null);
        String child = Fixtures.topic("tl-truce-" + Fixtures.unique(), parent);
        String other = Fixtures.topic("tl-other-" + Fixtures.unique(), null);
        String late = Fixtures.statement(official, "2025-01-10", List.of(child), List.of());
        String early = Fixtures.statement(official, "2024-11", List.of(parent), List.of());
        Fixtures.statement(official, "2024-12", List.of(other), List.of());
        String position = Fixtures.create("positions", Map.of("officialId", official, "topicId", child,
                "stance", "opposes", "validFrom", "2024-11-20"));

        given().queryParam("topic", parentSlug).get("/api/v1/officials/" + official + "/timeline")
                .then().statusCode(200)
                .body("official.id", equalTo(official))
                .body("topic.slug", equalTo(parentSlug))
                .body("items.kind", equalTo(List.of("statement", "position", "statement")))
                .body("items.date", equalTo(List.of("2024-11", "2024-11-20", "2025-01-10")))
                .body("items[0].statement.id", equalTo(early))
                .body("items[1].position.id", equalTo(position))
                .body("items[2].statement.id", equalTo(late));
        given().get("/api/v1/officials/" + official + "/timeline").then().body("items.size()", equalTo(4));
    }

    @Test
    void theTimelineOfAnUnknownOfficialIs404() {
        given().get("/api/v1/officials/00000000-0000-0000-0000-000000000000/timeline").then().statusCode(404);
    }
}
