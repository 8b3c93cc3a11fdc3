package org.demarche.sample;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default profile seeds an empty database with the sample article's records. */
@QuarkusTest
@TestProfile(SampleDataTest.WithSampleData.class)
class SampleDataTest {

    /** Starts the app on an emptied database with sample loading on, as a first start does. */
    public static class WithSampleData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("demarche.sample-data.enabled", "true");
        }
    }

    @Test
    void theSampleArticleIsLoaded() {
        String lavrov = given().queryParam("wikidataId", "Q182003")
                .get("/api/v1/officials")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .extract()
                .path("items[0].id");
        given().get("/api/v1/officials")
                .then()
                .body("items.name", hasItems("Sergei Lavrov", "Vladimir Putin", "Donald Trump"));
        given().get("/api/v1/topics")
                .then()
                .body("items.slug", hasItems("ukraine-negotiations", "ceasefire", "western-military-aid"));
        given().queryParam("url", SampleData.ARTICLE_URL)
                .get("/api/v1/sources")
                .then()
                .body("items[0].outlet", equalTo("Caliber.Az"))
                .body("items[0].authors", equalTo(List.of("Tamilla Hasanova")))
                .body("items[0].citing", equalTo("Russian media"));

        given().queryParam("officialId", lavrov)
                .get("/api/v1/statements")
                .then()
                .body("total", greaterThanOrEqualTo(6));
        given().queryParam("officialId", lavrov)
                .queryParam("topic", "ceasefire")
                .queryParam("quoteType", "direct_quote")
                .get("/api/v1/statements")
                .then()
                .body("items.text", hasItem("A ceasefire will not suit us."));
        given().queryParam("officialId", lavrov)
                .queryParam("quoteType", "paraphrase")
                .get("/api/v1/statements")
                .then()
                .body(
                        "items.text",
                        hasItem(org.hamcrest.Matchers.containsString("No proposals have been received from Kyiv")));

        given().get("/api/v1/officials/" + lavrov + "/positions").then().body("total", greaterThanOrEqualTo(3));
        given().queryParam("topic", "ceasefire")
                .queryParam("officialId", lavrov)
                .queryParam("topic", "ceasefire")
                .get("/api/v1/positions")
                .then()
                .body("items.find { it.topic.slug == 'ceasefire' }.stance", equalTo("opposes"))
                .body("items.find { it.topic.slug == 'ceasefire' }.evidence.size()", greaterThanOrEqualTo(1));
        given().queryParam("officialId", lavrov)
                .queryParam("topic", "ukraine-negotiations")
                .get("/api/v1/positions")
                .then()
                .body("items.find { it.topic.slug == 'ukraine-negotiations' }.stance", equalTo("conditional"))
                .body(
                        "items.find { it.topic.slug == 'ukraine-negotiations' }.conditions",
                        hasItem("serious concrete proposals from Kyiv"));
    }
}
