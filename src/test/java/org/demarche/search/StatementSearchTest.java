package org.demarche.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.demarche.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Full-text search with q, on whichever engine the build has (Lucene on H2, OpenSearch on
 * PostgreSQL): the same tests pin the same semantics on both. Each test searches only the statements
 * of an official of its own.
 */
@QuarkusTest
@SendsAdminKey
class StatementSearchTest {

    private String official;
    private final Map<String, String> ids = new HashMap<>();

    private String say(String key, String text, Map<String, ?> more) {
        Map<String, Object> body = new HashMap<>(
                Map.of("officialId", official, "text", text, "quoteType", "direct_quote", "statedOn", "2024-11-20"));
        body.putAll(more);
        String id = Fixtures.create("statements", body);
        ids.put(key, id);
        return id;
    }

    private RequestSpecification search(String q) {
        return given().queryParam("officialId", official).queryParam("q", q);
    }

    private List<String> keysOf(List<String> found) {
        return found.stream()
                .map(id -> ids.entrySet().stream()
                        .filter(e -> e.getValue().equals(id))
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElse(id))
                .toList();
    }

    private List<String> found(String q) {
        return keysOf(search(q)
                .queryParam("limit", 200)
                .get("/api/v1/statements")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id"));
    }

    @BeforeEach
    void corpus() {
        official = Fixtures.official("Searcher " + Fixtures.unique(), "RU");
        say("ceasefire", "A ceasefire will not suit us.", Map.of());
        say("ceasefires", "Ceasefires have failed before; the West used them to rearm Kyiv.", Map.of());
        say("truce", "A truce is a road to nowhere.", Map.of());
        say("binding", "We need legally binding agreements, not promises.", Map.of());
        say("binding-apart", "Agreements must be binding, and legally so.", Map.of());
        say("accent", "The Élysée proposal on a cessation of hostilities is unacceptable.", Map.of());
    }

    @Test
    void wordsAreAndedStemmedAndFoundInAnyCase() {
        assertThat(found("CEASEFIRE"), containsInAnyOrder("ceasefire", "ceasefires"));
        assertThat(found("ceasefires"), containsInAnyOrder("ceasefire", "ceasefires"));
        assertThat(found("ceasefire west"), contains("ceasefires"));
    }

    @Test
    void aQuotedPhraseMatchesOnlyTheWordsInThatOrder() {
        assertThat(found("\"legally binding\""), contains("binding"));
        assertThat(found("legally binding"), containsInAnyOrder("binding", "binding-apart"));
        assertThat(found("\"legally binding agreements\""), contains("binding"));
        assertThat(found("\"binding agreements legally\""), empty());
        // A stop word in the phrase stands for any one word there, but two words it kept apart are not neighbours.
        assertThat(found("\"binding legally\""), empty());
        assertThat(found("\"binding and legally\""), contains("binding-apart"));
        assertThat(found("\"cessation of hostilities\""), contains("accent"));
    }

    @Test
    void aMinusExcludesAStarIsAPrefixAndOrTakesEither() {
        assertThat(found("ceasefire -west"), contains("ceasefire"));
        assertThat(found("cease*"), containsInAnyOrder("ceasefire", "ceasefires"));
        assertThat(found("truce OR promises"), containsInAnyOrder("truce", "binding"));
        assertThat(found("agreements -\"legally binding\""), contains("binding-apart"));
    }

    @Test
    void aPrefixIsAPrefixOfEveryWordStopWordsIncluded() {
        say("theatre", "Theatre of war is not a place for talks.", Map.of());
        say("inform", "We will inform our partners.", Map.of());
        assertThat(found("the*"), containsInAnyOrder("ceasefires", "theatre", "accent"));
        assertThat(found("in*"), contains("inform"));
        assertThat(found("thea*"), contains("theatre"));
        // Inside an AND a stop-word prefix is required like any other clause, never dropped.
        assertThat(found("ceasefire the*"), contains("ceasefires"));
        assertThat(found("the* OR truce"), containsInAnyOrder("ceasefires", "theatre", "accent", "truce"));
        assertThat(found("truce in*"), empty());
        // Words as written, not stems, accents folded.
        assertThat(found("ceasef*"), containsInAnyOrder("ceasefire", "ceasefires"));
        assertThat(found("ÉLYS*"), contains("accent"));
        search("the*")
                .get("/api/v1/statements")
                .then()
                .statusCode(200)
                .body(
                        "items.find { it.id == '" + ids.get("theatre") + "' }.highlight",
                        equalTo("<mark>Theatre</mark> of war is not a place for talks."));
    }

    @Test
    void textWithDecomposedAccentsIsFoundByEitherForm() {
        say("decomposed", Normalizer.normalize("Zoé met Dendias in Athènes.", Normalizer.Form.NFD), Map.of());
        assertThat(found("Athènes"), contains("decomposed"));
        assertThat(found(Normalizer.normalize("Athènes", Normalizer.Form.NFD)), contains("decomposed"));
        assertThat(found("athenes zoe"), contains("decomposed"));
    }

    @Test
    void accentsAreIgnored() {
        assertThat(found("elysee"), contains("accent"));
        assertThat(found("Élysée"), contains("accent"));
    }

    @Test
    void eachHitCarriesAnEscapedHighlightWithTheMatchedWordsMarked() {
        say("markup", "Sanctions <b>will</b> be answered, sanctions always are.", Map.of());
        search("sanctions")
                .get("/api/v1/statements")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body(
                        "items[0].highlight",
                        equalTo("<mark>Sanctions</mark> &lt;b&gt;will&lt;/b&gt; be answered,"
                                + " <mark>sanctions</mark> always are."))
                .body("items[0].text", equalTo("Sanctions <b>will</b> be answered, sanctions always are."));
        given().queryParam("officialId", official)
                .get("/api/v1/statements")
                .then()
                .statusCode(200)
                .body("items.highlight", everyItem(nullValue()));
    }

    @Test
    void resultsAreRankedByRelevanceUnlessASortIsGiven() {
        say("old", "Negotiations.", Map.of("statedOn", "2020-01-01"));
        say(
                "many",
                "Negotiations, negotiations and more negotiations: negotiations without end.",
                Map.of("statedOn", "2025-02-01"));
        search("negotiations")
                .get("/api/v1/statements")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].id", equalTo(ids.get("many")));
        search("negotiations")
                .queryParam("sort", "statedOn")
                .get("/api/v1/statements")
                .then()
                .statusCode(200)
                .body("items.id", contains(ids.get("old"), ids.get("many")));
    }

    @Test
    void qCombinesWithEveryFilter() {
        String topic = Fixtures.topic("search-" + Fixtures.unique(), null);
        String nested = Fixtures.topic("search-nested-" + Fixtures.unique(), topic);
        String source = Fixtures.create(
                "sources", Map.of("url", "https://example.org/" + Fixtures.unique(), "outlet", "Search Gazette"));
        String event = Fixtures.create(
                "events",
                Map.of("kind", "interview", "title", "Search interview " + Fixtures.unique(), "heldOn", "2024-06"));
        String hit = say(
                "hit",
                "Guarantees first, then a ceasefire.",
                Map.ofEntries(
                        Map.entry("topicIds", List.of(nested)),
                        Map.entry("sourceIds", List.of(source)),
                        Map.entry("mentions", List.of("UA")),
                        Map.entry("quoteType", "paraphrase"),
                        Map.entry("medium", "interview"),
                        Map.entry("language", "en"),
                        Map.entry("verification", "verified"),
                        Map.entry("statedOn", "2024-06"),
                        Map.entry("eventId", event),
                        Map.entry("eventOrder", 1)));
        say("before", "Guarantees first, then a ceasefire.", Map.of("statedOn", "2024-05-31"));
        say("after", "Guarantees first, then a ceasefire.", Map.of("statedOn", "2024-07"));

        Map<String, Object> filters = Map.ofEntries(
                Map.entry("topic", topic),
                Map.entry("sourceId", source),
                Map.entry("eventId", event),
                Map.entry("outlet", "search gazette"),
                Map.entry("mentions", "UA"),
                Map.entry("quoteType", "PARAPHRASE"),
                Map.entry("medium", "interview"),
                Map.entry("language", "EN"),
                Map.entry("verification", "verified"));
        for (Map.Entry<String, Object> filter : filters.entrySet()) {
            List<String> found = search("guarantees ceasefire")
                    .queryParam(filter.getKey(), filter.getValue())
                    .get("/api/v1/statements")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items.id");
            assertEquals(List.of(hit), found, "filter " + filter.getKey());
        }
        // Partial dates: from=2024-06-30 keeps a statement dated 2024-06, and to=2024-06 keeps it too.
        List<String> inJune = search("guarantees ceasefire")
                .queryParam("from", "2024-06-30")
                .queryParam("to", "2024-06")
                .get("/api/v1/statements")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id");
        assertEquals(List.of(hit), inJune);
        search("guarantees")
                .queryParam("country", "US")
                .get("/api/v1/statements")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        given().queryParam("q", "guarantees ceasefire")
                .get("/api/v1/officials/" + official + "/statements")
                .then()
                .statusCode(200)
                .body("total", equalTo(3));
    }

    @Test
    void aNewStatementIsFoundAtOnceAndADeletedOneIsGoneAtOnce() {
        String id = say("new", "Zugzwang is the word for it.", Map.of());
        search("zugzwang").get("/api/v1/statements").then().body("items.id", contains(id));
        given().contentType("application/merge-patch+json")
                .body("{\"text\": \"Stalemate is the word for it.\"}")
                .patch("/api/v1/statements/" + id)
                .then()
                .statusCode(200);
        search("zugzwang").get("/api/v1/statements").then().body("total", equalTo(0));
        search("stalemate").get("/api/v1/statements").then().body("items.id", contains(id));
        given().delete("/api/v1/statements/" + id).then().statusCode(204);
        search("stalemate").get("/api/v1/statements").then().body("total", equalTo(0));
    }

    @Test
    void aChangeToTheOfficialsCountryShowsInSearchFilters() {
        search("truce")
                .queryParam("country", "RU")
                .get("/api/v1/statements")
                .then()
                .body("total", equalTo(1));
        given().contentType("application/merge-patch+json")
                .body("{\"country\": \"BY\"}")
                .patch("/api/v1/officials/" + official)
                .then()
                .statusCode(200);
        search("truce")
                .queryParam("country", "RU")
                .get("/api/v1/statements")
                .then()
                .body("total", equalTo(0));
        search("truce")
                .queryParam("country", "BY")
                .get("/api/v1/statements")
                .then()
                .body("total", equalTo(1));
    }

    @Test
    void pagesFollowTheCursorWithoutRepeats() {
        String first = search("ceasefire OR truce OR agreements")
                .queryParam("limit", 2)
                .get("/api/v1/statements")
                .then()
                .statusCode(200)
                .body("total", equalTo(5))
                .body("items", hasSize(2))
                .body("nextCursor", notNullValue())
                .extract()
                .path("nextCursor");
        String second = search("ceasefire OR truce OR agreements")
                .queryParam("limit", 2)
                .queryParam("cursor", first)
                .get("/api/v1/statements")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .extract()
                .path("nextCursor");
        search("ceasefire OR truce OR agreements")
                .queryParam("limit", 2)
                .queryParam("cursor", second)
                .get("/api/v1/statements")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("nextCursor", nullValue());
        String listCursor = given().queryParam("officialId", official)
                .queryParam("limit", 1)
                .get("/api/v1/statements")
                .then()
                .extract()
                .path("nextCursor");
        search("ceasefire")
                .queryParam("cursor", listCursor)
                .get("/api/v1/statements")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void filteredListsCountEveryMatchOnEveryPageInEitherOrder() {
        say("2019", "Paraphrased in 2019.", Map.of("quoteType", "paraphrase", "statedOn", "2019-03"));
        say("2021", "Paraphrased in 2021.", Map.of("quoteType", "paraphrase", "statedOn", "2021-01-05"));
        say("2022", "Paraphrased in 2022.", Map.of("quoteType", "paraphrase", "statedOn", "2022"));
        say("2023", "Paraphrased in 2023.", Map.of("quoteType", "paraphrase", "statedOn", "2023-07-01"));
        say("2025", "Paraphrased in 2025.", Map.of("quoteType", "paraphrase", "statedOn", "2025-02-01"));
        // Three filters: the index counts them by visiting the matches, in the pass that sorts them.
        Map<String, Object> filters = Map.of("officialId", official, "quoteType", "paraphrase", "from", "2020");
        assertEquals(List.of("2025", "2023", "2022", "2021"), pages(filters, "-statedOn"));
        assertEquals(List.of("2021", "2022", "2023", "2025"), pages(filters, "statedOn"));
        // One filter on one value: the index knows the count without visiting the matches.
        assertEquals(11, pages(Map.of("officialId", official), "statedOn").size());
    }

    /** Every page of a list, two at a time, checking that each page gives the same total as the items found. */
    private List<String> pages(Map<String, Object> filters, String sort) {
        Map<String, Object> params = new HashMap<>(filters);
        params.put("sort", sort);
        List<JsonPath> pages = Fixtures.pages("/api/v1/statements", params, 2);
        List<String> found = pages.stream()
                .flatMap(page -> page.<String>getList("items.id").stream())
                .toList();
        assertThat(pages.stream().map(page -> page.getInt("total")).toList(), everyItem(equalTo(found.size())));
        assertEquals(found.size(), found.stream().distinct().count(), "no statement twice");
        return keysOf(found);
    }

    @Test
    void malformedQueriesAre400Problems() {
        for (String q : List.of(
                "\"legally binding",
                "-",
                "ceasefire -",
                "OR truce",
                "truce OR",
                "-truce",
                "*",
                "cease*fire",
                "   ",
                "x".repeat(10_000),
                "a OR -b")) {
            given().queryParam("q", q)
                    .get("/api/v1/statements")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", containsString("Query parameter 'q'"));
        }
    }

    @Test
    void aLongTextIsHighlightedAroundItsFirstMatch() {
        String filler = "Words of protocol and courtesy. ".repeat(30);
        say("long", filler + "The blockade must end. " + filler, Map.of());
        String highlight = search("blockade")
                .get("/api/v1/statements")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].highlight");
        assertTrue(highlight.startsWith("…") && highlight.endsWith("…"), highlight);
        assertTrue(highlight.contains("<mark>blockade</mark>"), highlight);
        assertTrue(highlight.length() < 400, highlight);
    }

    @Test
    void aCursorBeyondTheSearchWindowIs400() {
        String forged = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        "{\"sort\":\"q:relevance\",\"value\":\"2147483640\",\"id\":\"00000000-0000-0000-0000-000000000000\"}"
                                .getBytes(StandardCharsets.UTF_8));
        search("ceasefire")
                .queryParam("cursor", forged)
                .get("/api/v1/statements")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void onlyStopWordsFindNothing() {
        search("the").get("/api/v1/statements").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anAdminCanRebuildTheIndexAndSearchStillAnswers() {
        given().header("Authorization", "Bearer " + TestKeys.ADMIN)
                .contentType(ContentType.JSON)
                .post("/api/v1/admin/search-index/rebuild")
                .then()
                .statusCode(200)
                .body("engine", notNullValue());
        assertThat(found("ceasefire"), containsInAnyOrder("ceasefire", "ceasefires"));
    }
}
