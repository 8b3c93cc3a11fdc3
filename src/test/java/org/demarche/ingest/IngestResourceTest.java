package org.demarche.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.junit.jupiter.api.Test;

/**
 * Ingesting an article: candidates without writing, then one transaction that stores the source, the
 * officials to create and the statements, reusing what is stored; chosen candidates are checked strictly.
 */
@QuarkusTest
@SendsAdminKey
class IngestResourceTest {

    private static Map<String, Object> article(String text, String url) {
        Map<String, Object> article = new HashMap<>();
        article.put("text", text);
        article.put("url", url);
        article.put("outlet", "Oslo Courier");
        article.put("publishedAt", "2025-03-14");
        article.put("authors", List.of("Ola Nordmann"));
        return article;
    }

    private static String norwegian(String surname) {
        return "Norway wants talks\nNorwegian Foreign Minister Kari " + surname
                + " said talks must resume this spring.\n"
                + "\"We will not give up on dialogue,\" " + surname
                + " told reporters in Oslo. \"The door remains open,\""
                + " she said.";
    }

    private static JsonPath ingest(Map<String, Object> article, boolean commit, int status) {
        return given().contentType(ContentType.JSON)
                .body(article)
                .queryParam("commit", commit)
                .post("/api/v1/ingest/articles")
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    private static int sourcesAt(String url) {
        return given().queryParam("url", url)
                .get("/api/v1/sources")
                .then()
                .statusCode(200)
                .extract()
                .path("total");
    }

    @Test
    void theSampleArticlesQuotesAreFoundAndAttributedToLavrovWithoutWriting() throws IOException {
        String file = Files.readString(Path.of("../shared/data/lavrov-caliber-az.txt"));
        String text = file.substring(file.indexOf("\n\n") + 2);
        String url = "https://caliber.az/en/post/" + Fixtures.unique();
        JsonPath found = ingest(article(text, url), false, 200);
        List<Map<String, Object>> candidates = found.getList("candidates");
        List<Map<String, Object>> quotes = candidates.stream()
                .filter(c -> !"paraphrase".equals(c.get("quoteType")))
                .toList();
        assertEquals(
                List.of(
                        "We need to see serious concrete proposals when they come to us. And, of course, we will make"
                                + " decisions on the reaction to these proposals, based on national interests, the goals of the special"
                                + " military operation, and the president's speech to the Foreign Ministry on 14 June this year.",
                        "serious concrete proposals when they come to us.",
                        "A ceasefire will not suit us",
                        "We need reliable, legally binding agreements",
                        "no illusions"),
                quotes.stream().map(c -> c.get("text")).toList());
        candidates.forEach(
                c -> assertEquals("Sergei Lavrov", ((Map<?, ?>) c.get("speaker")).get("name"), c.toString()));
        Map<?, ?> ceasefire = quotes.get(2);
        Map<?, ?> part = (Map<?, ?>) ((List<?>) ceasefire.get("parts")).get(0);
        assertEquals(
                "A ceasefire will not suit us", text.substring((Integer) part.get("start"), (Integer) part.get("end")));
        assertEquals("he", ((Map<?, ?>) ceasefire.get("speaker")).get("mention"));
        assertTrue(candidates.size() > quotes.size() + 4, "the reported speech is found too: " + candidates);
        assertEquals(0, sourcesAt(url));
    }

    @Test
    void committingStoresTheSourceTheNewOfficialAndTheStatementsOnceEvenWhenSentTwice() {
        String surname = Fixtures.surname();
        String url = "https://oslo-courier.example/" + Fixtures.unique();
        Map<String, Object> article = article(norwegian(surname), url);
        JsonPath found = ingest(article, false, 200);
        assertEquals(List.of("paraphrase", "direct_quote", "direct_quote"), found.getList("candidates.quoteType"));
        assertEquals(
                List.of("talks must resume this spring", "We will not give up on dialogue", "The door remains open"),
                found.getList("candidates.text"));
        assertEquals("Kari " + surname, found.getString("candidates[2].speaker.name"));
        assertEquals("she", found.getString("candidates[2].speaker.mention"));
        assertEquals("NO", found.getString("candidates[0].speaker.proposed.country"));
        assertEquals("Foreign Minister", found.getString("candidates[0].speaker.proposed.title"));

        var first = given().contentType(ContentType.JSON)
                .body(article)
                .queryParam("commit", true)
                .post("/api/v1/ingest/articles")
                .then()
                .statusCode(201)
                .extract();
        String location = first.header("Location");
        JsonPath created = first.jsonPath();
        assertEquals(true, created.getBoolean("sourceCreated"));
        assertEquals(List.of("created", "created", "created"), created.getList("statements.outcome"));
        assertEquals(List.of(true, false, false), created.getList("statements.officialCreated"));
        assertEquals(
                1, created.getList("statements.officialId").stream().distinct().count(), "one official, created once");
        JsonPath report = ingest(article, true, 201);
        assertEquals(created.getString("sourceId"), report.getString("sourceId"));
        assertEquals(created.getList("statements.statementId"), report.getList("statements.statementId"));
        String sourceId = report.getString("sourceId");
        assertTrue(location.endsWith("/api/v1/sources/" + sourceId), location);
        assertEquals(false, report.getBoolean("sourceCreated"));
        assertEquals(List.of("unchanged", "unchanged", "unchanged"), report.getList("statements.outcome"));
        assertEquals(List.of(), report.getList("skipped"));

        given().queryParam("name", surname)
                .get("/api/v1/officials")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].country", equalTo("NO"))
                .body("items[0].title", equalTo("Foreign Minister"));
        String officialId = report.getString("statements[0].officialId");
        given().get("/api/v1/sources/" + sourceId)
                .then()
                .statusCode(200)
                .body("url", equalTo(url))
                .body("outlet", equalTo("Oslo Courier"))
                .body("title", equalTo("Norway wants talks"))
                .body("publishedAt", equalTo("2025-03-14"));
        given().queryParam("officialId", officialId)
                .queryParam("sort", "createdAt")
                .get("/api/v1/statements")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body(
                        "items.text",
                        containsInAnyOrder(
                                "talks must resume this spring",
                                "We will not give up on dialogue",
                                "The door remains open"))
                .body("items.quoteType", hasItems("paraphrase", "direct_quote"))
                .body("items[0].statedOn", equalTo("2025-03-14"))
                .body("items[0].sourceIds", equalTo(List.of(sourceId)));
    }

    @Test
    void chosenCandidatesAreStoredAloneWithTheSpeakerTheEditorGave() {
        String surname = Fixtures.surname();
        String officialId = Fixtures.official("Kari " + surname + " Senior", "NO");
        Map<String, Object> article = article(norwegian(surname), "https://oslo-courier.example/" + Fixtures.unique());
        Map<String, Object> chosen = new HashMap<>(ingest(article, false, 200).getMap("candidates[1]"));
        chosen.put("speaker", Map.of("officialId", officialId));
        article.put("candidates", List.of(chosen));

        JsonPath report = ingest(article, true, 201);
        assertEquals(1, report.getList("statements").size());
        assertEquals(0, report.getInt("statements[0].candidate"), "the index in the chosen candidates");
        assertEquals(officialId, report.getString("statements[0].officialId"));
        given().get("/api/v1/statements/" + report.getString("statements[0].statementId"))
                .then()
                .statusCode(200)
                .body("text", equalTo("We will not give up on dialogue"))
                .body("officialId", equalTo(officialId));
        given().queryParam("name", "Kari " + surname)
                .get("/api/v1/officials")
                .then()
                .body("total", equalTo(1));
    }

    @Test
    void everyProblemWithChosenCandidatesIsA422AndNothingIsWritten() {
        String url = "https://oslo-courier.example/" + Fixtures.unique();
        Map<String, Object> article = article(norwegian(Fixtures.surname()), url);
        List<Map<String, Object>> found = ingest(article, false, 200).getList("candidates");
        Map<String, Object> edited = new HashMap<>(found.get(1));
        edited.put("text", "We will never give up");
        Map<String, Object> institution = new HashMap<>(found.get(2));
        institution.put("speaker", Map.of("name", "Norwegian Foreign Ministry", "organization", true));
        Map<String, Object> unknown = new HashMap<>(found.get(0));
        unknown.put("speaker", Map.of("officialId", "00000000-0000-0000-0000-000000000000"));
        article.put("candidates", List.of(found.get(0), edited, institution, unknown));

        given().contentType(ContentType.JSON)
                .body(article)
                .queryParam("commit", true)
                .post("/api/v1/ingest/articles")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        equalTo(List.of(
                                "candidates[1].text", "candidates[2].speaker", "candidates[3].speaker.officialId")));
        assertEquals(0, sourcesAt(url));
    }

    @Test
    void committingNeedsTheSourcesUrlOutletAndDate() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "\"We will talk,\" Jane Doe said."))
                .queryParam("commit", true)
                .post("/api/v1/ingest/articles")
                .then()
                .statusCode(422)
                .body("errors.field", equalTo(List.of("outlet", "publishedAt", "url")));
        given().contentType(ContentType.JSON)
                .body(Map.of("text", " "))
                .post("/api/v1/ingest/articles")
                .then()
                .statusCode(422)
                .body("errors.field", equalTo(List.of("text")));
        given().contentType(ContentType.JSON)
                .body("{\"text\": 12, ")
                .post("/api/v1/ingest/articles")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aStatementAlreadyStoredGainsTheNewArticleAsItsSource() {
        String surname = Fixtures.surname();
        Map<String, Object> first = article(norwegian(surname), "https://oslo-courier.example/" + Fixtures.unique());
        JsonPath stored = ingest(first, true, 201);
        Map<String, Object> second = article(norwegian(surname), "https://bergen-daily.example/" + Fixtures.unique());
        second.put("outlet", "Bergen Daily");
        JsonPath linked = ingest(second, true, 201);
        assertEquals(true, linked.getBoolean("sourceCreated"));
        assertEquals(List.of("linked", "linked", "linked"), linked.getList("statements.outcome"));
        assertEquals(stored.getList("statements.statementId"), linked.getList("statements.statementId"));
        given().get("/api/v1/statements/" + linked.getString("statements[1].statementId"))
                .then()
                .body("sourceIds", containsInAnyOrder(stored.getString("sourceId"), linked.getString("sourceId")))
                .body("sources.outlet", containsInAnyOrder("Oslo Courier", "Bergen Daily"));
    }

    @Test
    void aProblemFoundAfterSomethingWasWrittenUndoesTheWholeCommit() {
        String url = "https://oslo-courier.example/" + Fixtures.unique();
        String surname = Fixtures.surname();
        Map<String, Object> article = article(norwegian(surname), url);
        List<Map<String, Object>> found = ingest(article, false, 200).getList("candidates");
        Map<String, Object> first = new HashMap<>(found.get(1));
        first.put("speaker", Map.of("proposed", Map.of("name", "Kari " + surname, "country", "NO")));
        Map<String, Object> second = new HashMap<>(found.get(2));
        // Valid field by field, so only the official's rules find it wrong, after the source and the first official
        // exist.
        second.put(
                "speaker",
                Map.of(
                        "proposed",
                        Map.of(
                                "name",
                                "Per " + surname,
                                "country",
                                "NO",
                                "offices",
                                List.of(Map.of(
                                        "title", "Minister", "startDate", "2024-05-01", "endDate", "2020-01-01")))));
        article.put("candidates", List.of(first, second));

        given().contentType(ContentType.JSON)
                .body(article)
                .queryParam("commit", true)
                .post("/api/v1/ingest/articles")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.startsWith("candidates[1].speaker.proposed.offices[0]"));
        assertEquals(0, sourcesAt(url));
        given().queryParam("name", surname).get("/api/v1/officials").then().body("total", equalTo(0));
    }

    @Test
    void aStatementTheArticleRepeatsIsStoredOnce() {
        String surname = Fixtures.surname();
        String text =
                "Norwegian Foreign Minister Kari " + surname + " spoke in Oslo.\n\"We will not give up on dialogue,\" "
                        + surname + " said.\nLater on \"We will not give up on dialogue,\" she said again.";
        JsonPath report = ingest(article(text, "https://oslo-courier.example/" + Fixtures.unique()), true, 201);
        assertEquals(List.of("created", "repeated"), report.getList("statements.outcome"));
        assertEquals(report.getString("statements[0].statementId"), report.getString("statements[1].statementId"));
        JsonPath again = ingest(article(text, "https://bergen-daily.example/" + Fixtures.unique()), true, 201);
        assertEquals(List.of("linked", "repeated"), again.getList("statements.outcome"));
    }

    @Test
    void aCommitStoresAtMost200CandidatesAndSaysHowToStoreMore() {
        String surname = Fixtures.surname();
        StringBuilder text = new StringBuilder("Norwegian Foreign Minister Kari " + surname + " spoke in Oslo.\n");
        for (int i = 0; i < 201; i++) {
            text.append('"')
                    .append("We will hold talks number ")
                    .append(i)
                    .append(" soon,\" ")
                    .append(surname)
                    .append(" said.\n");
        }
        String url = "https://oslo-courier.example/" + Fixtures.unique();
        Map<String, Object> article = article(text.toString(), url);
        List<Map<String, Object>> found = ingest(article, false, 200).getList("candidates");
        assertEquals(201, found.size());
        given().contentType(ContentType.JSON)
                .body(article)
                .queryParam("commit", true)
                .post("/api/v1/ingest/articles")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("text")));
        article.put("candidates", found);
        given().contentType(ContentType.JSON)
                .body(article)
                .queryParam("commit", true)
                .post("/api/v1/ingest/articles")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("candidates")));
        assertEquals(0, sourcesAt(url));
        article.put("candidates", found.subList(0, 200));
        assertEquals(200, ingest(article, true, 201).getList("statements").size());
    }

    @Test
    void commitMustBeTrueOrFalse() {
        given().contentType(ContentType.JSON)
                .body(article(norwegian(Fixtures.surname()), "https://oslo-courier.example/x"))
                .queryParam("commit", "yes")
                .post("/api/v1/ingest/articles")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
