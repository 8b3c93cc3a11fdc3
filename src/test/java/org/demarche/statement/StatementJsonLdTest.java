package org.demarche.statement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.demarche.Fixtures;
import org.junit.jupiter.api.Test;

/** Accept: application/ld+json answers a statement as a schema.org Quotation, and a list as an ItemList of them. */
@QuarkusTest
class StatementJsonLdTest {

    private static final String LD = "application/ld+json";

    @Test
    void aStatementIsAQuotationSpokenByItsOfficialBasedOnItsSourcesAboutItsTopics() {
        String official = Fixtures.official("Linked Official", "CH");
        String topic = Fixtures.topic("linked-" + Fixtures.unique(), null);
        String sourceUrl = "https://example.org/linked-" + Fixtures.unique();
        String source = Fixtures.create(
                "sources", Map.of("url", sourceUrl, "outlet", "Linked Gazette", "publishedAt", "2025-03-02"));
        String statement = Fixtures.create(
                "statements",
                Map.of(
                        "officialId",
                        official,
                        "text",
                        "Neutrality is a choice.",
                        "quoteType",
                        "direct_quote",
                        "statedOn",
                        "2025-03",
                        "language",
                        "en",
                        "venue",
                        "Bern",
                        "topicIds",
                        List.of(topic),
                        "sourceIds",
                        List.of(source)));

        given().accept(LD)
                .get("/api/v1/statements/" + statement)
                .then()
                .statusCode(200)
                .contentType(LD)
                .header("ETag", matchesPattern("\"[0-9a-f]{16}\""))
                .header("Vary", containsString("Accept"))
                .body("'@context'", equalTo("https://schema.org"))
                .body("'@type'", equalTo("Quotation"))
                .body("'@id'", endsWith("/api/v1/statements/" + statement))
                .body("text", equalTo("Neutrality is a choice."))
                .body("inLanguage", equalTo("en"))
                .body("dateCreated", equalTo("2025-03"))
                .body("spokenByCharacter.'@type'", equalTo("Person"))
                .body("spokenByCharacter.'@id'", endsWith("/api/v1/officials/" + official))
                .body("spokenByCharacter.name", equalTo("Linked Official"))
                .body("spokenByCharacter.nationality.identifier", equalTo("CH"))
                .body("locationCreated.name", equalTo("Bern"))
                .body("isBasedOn[0].'@id'", equalTo(sourceUrl))
                .body("isBasedOn[0].publisher.name", equalTo("Linked Gazette"))
                .body("isBasedOn[0].datePublished", equalTo("2025-03-02"))
                .body("about[0].'@id'", endsWith("/api/v1/topics/" + topic));

        given().accept(LD)
                .get("/api/v1/statements?officialId=" + official)
                .then()
                .statusCode(200)
                .contentType(LD)
                .body("'@type'", equalTo("ItemList"))
                .body("numberOfItems", equalTo(1))
                .body("itemListElement[0].position", equalTo(1))
                .body("itemListElement[0].item.'@type'", equalTo("Quotation"))
                .body("itemListElement.item.text", hasItem("Neutrality is a choice."));
    }

    @Test
    void jsonAndJsonLdHaveTheirOwnEtagsSoACachedOneNeverStandsInForTheOther() {
        String statement = Fixtures.statement(Fixtures.official("Cached Official", "CH"), "2025", List.of(), List.of());
        String json = given().get("/api/v1/statements/" + statement)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        String linked = given().accept(LD)
                .get("/api/v1/statements/" + statement)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().accept(LD)
                .header("If-None-Match", json)
                .get("/api/v1/statements/" + statement)
                .then()
                .statusCode(200)
                .contentType(LD);
        given().accept(LD)
                .header("If-None-Match", linked)
                .get("/api/v1/statements/" + statement)
                .then()
                .statusCode(304);
        given().header("If-None-Match", linked)
                .get("/api/v1/statements/" + statement)
                .then()
                .statusCode(200)
                .contentType("application/json");
    }

    @Test
    void jsonStaysTheDefaultAndErrorsStayProblems() {
        String statement = Fixtures.statement(Fixtures.official("Plain Official", "CH"), "2025", List.of(), List.of());
        for (String accept : List.of("*/*", "application/json", "application/json, application/ld+json;q=0.5")) {
            given().accept(accept)
                    .get("/api/v1/statements/" + statement)
                    .then()
                    .statusCode(200)
                    .contentType("application/json")
                    .body("id", equalTo(statement));
        }
        given().accept("text/csv, application/ld+json;q=0.5")
                .get("/api/v1/statements")
                .then()
                .statusCode(200)
                .contentType("text/csv");
        given().accept("text/csv, application/ld+json;q=0.5")
                .get("/api/v1/statements/" + statement)
                .then()
                .statusCode(200)
                .contentType(LD);
        given().accept(LD)
                .get("/api/v1/statements/00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().accept(LD)
                .get("/api/v1/statements?quoteType=bogus")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
