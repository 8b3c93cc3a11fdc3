package org.demarche.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.junit.jupiter.api.Test;

/** {@code prefix} on officials and topics: word starts of any name, any case, accents folded. */
@QuarkusTest
@SendsAdminKey
class NameLookupTest {

    @Test
    void officialsAreFoundByWordStartsOfTheirNameOrAnAliasWithAccentsFolded() {
        String lavrov = Fixtures.create(
                "officials", Map.of("name", "Sergei Lavrov", "aliases", List.of("Sergey Lavrov"), "country", "RU"));
        String shoigu = Fixtures.create(
                "officials", Map.of("name", "Sergei Şoigu", "aliases", List.of("Сергей Шойгу"), "country", "RU"));
        String other = Fixtures.create("officials", Map.of("name", "Jean-Noël Barrot", "country", "FR"));
        Map<String, List<String>> expected = Map.of(
                "lav", List.of(lavrov),
                "Sergei Lav", List.of(lavrov),
                "LAVROV serg", List.of(lavrov),
                "sergey", List.of(lavrov),
                "serg", List.of(lavrov, shoigu),
                "soig", List.of(shoigu),
                "ŞOİGU", List.of(shoigu),
                "сергей шой", List.of(shoigu),
                "noel", List.of(other),
                "erg", List.of());
        expected.forEach((prefix, ids) -> given().queryParam("id", lavrov, shoigu, other)
                .queryParam("prefix", prefix)
                .queryParam("sort", "createdAt")
                .get("/api/v1/officials")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(ids)));
        // Alone it finds them among every official, and combines with the other filters.
        given().queryParam("prefix", "soig")
                .queryParam("limit", 200)
                .get("/api/v1/officials")
                .then()
                .body("items.id", hasItem(shoigu));
        given().queryParam("prefix", "jean barr")
                .queryParam("country", "RU")
                .queryParam("id", other)
                .get("/api/v1/officials")
                .then()
                .body("items", equalTo(List.of()));
    }

    @Test
    void aRenameOrNewAliasIsFoundAtOnce() {
        String id = Fixtures.official("Dmitry Peskov " + Fixtures.unique(), "RU");
        given().contentType("application/merge-patch+json; charset=UTF-8")
                .body("{\"aliases\": [\"Dmitrij Peskóv\"]}")
                .patch("/api/v1/officials/" + id)
                .then()
                .statusCode(200);
        given().queryParam("id", id)
                .queryParam("prefix", "dmitrij pesko")
                .get("/api/v1/officials")
                .then()
                .body("items.id", equalTo(List.of(id)));
    }

    @Test
    void topicsAreFoundByWordStartsOfTheirNameOrSlug() {
        String tag = Fixtures.unique();
        String topic = Fixtures.create(
                "topics", Map.of("slug", "grain-deal-" + tag, "name", "Négociations sur le grain " + tag));
        for (String prefix : List.of("negoc", "GRAIN neg", "deal", tag)) {
            given().queryParam("prefix", prefix)
                    .queryParam("id", topic)
                    .get("/api/v1/topics")
                    .then()
                    .statusCode(200)
                    .body("items.id", equalTo(List.of(topic)));
        }
        given().queryParam("prefix", "ociations")
                .queryParam("id", topic)
                .get("/api/v1/topics")
                .then()
                .body("items", equalTo(List.of()));
    }

    @Test
    void aLookupWithoutWordsOrWithTooManyIsA400() {
        for (String list : List.of("officials", "topics")) {
            given().queryParam("prefix", "--")
                    .get("/api/v1/" + list)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", containsString("'prefix' must have a letter or digit"));
            given().queryParam("prefix", "a b c d e f g h i j k")
                    .get("/api/v1/" + list)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", containsString("'prefix' takes at most 10 words, not 11"));
            given().queryParam("format", "json")
                    .get("/q/openapi")
                    .then()
                    .body("paths.'/api/v1/" + list + "'.get.parameters.name", hasItem("prefix"));
        }
    }
}
