package org.demarche.ingest.transcript;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.junit.jupiter.api.Test;

/**
 * Reading a transcript through the API: turns and candidates without writing anything, the kind detected or
 * taken as sent, speakers matched to stored officials, and a problem for every client error.
 */
@QuarkusTest
@SendsAdminKey
class TranscriptResourceTest {

    private static JsonPath read(Map<String, Object> transcript, int status) {
        return given().contentType(ContentType.JSON)
                .body(transcript)
                .post("/api/v1/ingest/transcripts")
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }

    private static Map<String, Object> transcript(String title, String text) {
        Map<String, Object> transcript = new HashMap<>();
        transcript.put("title", title);
        transcript.put("text", text);
        return transcript;
    }

    @Test
    void aBriefingGivesTurnsAndAnswersLinkedToTheirQuestionsWithoutWriting() {
        String text = "Reuters: Will the minister attend the summit next week?\n"
                + "Lin Jian: The minister will attend the summit. China supports dialogue on the peninsula.\n"
                + "AFP: A follow-up: will he meet his counterpart?\n"
                + "Lin Jian: I'd refer you to the competent authorities.";
        JsonPath answer = read(
                transcript("Foreign Ministry Spokesperson Lin Jian’s Regular Press Conference on July 15, 2024", text),
                200);
        assertEquals("briefing", answer.getString("kind"));
        assertEquals(true, answer.getBoolean("kindDetected"));
        assertEquals(4, answer.getList("turns").size());
        assertEquals(true, answer.getBoolean("turns[0].isQuestion"));
        assertEquals("Reuters", answer.getString("turns[0].asker"));
        assertEquals(null, (Object) answer.get("turns[0].speaker"));
        assertEquals("Lin Jian", answer.getString("turns[1].speaker.name"));
        assertEquals("Lin Jian", answer.getString("turns[1].attribution"));
        // The refusal to answer is a turn, not a statement; the question is never one.
        assertEquals(1, answer.getList("candidates").size());
        assertEquals(
                "The minister will attend the summit. China supports dialogue on the peninsula.",
                answer.getString("candidates[0].text"));
        assertEquals("direct_quote", answer.getString("candidates[0].quoteType"));
        assertEquals(
                "Will the minister attend the summit next week?", answer.getString("candidates[0].inReplyTo.text"));
        assertEquals("Reuters", answer.getString("candidates[0].inReplyTo.asker"));
        int start = answer.getInt("candidates[0].parts[0].start");
        int end = answer.getInt("candidates[0].parts[0].end");
        assertEquals(answer.getString("candidates[0].text"), text.substring(start, end));
        assertEquals("Lin Jian", answer.getString("candidates[0].speaker.proposed.name"));
        given().queryParam("name", "Lin Jian")
                .get("/api/v1/officials")
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    void aStoredOfficialIsMatchedBySurname() {
        String surname = Fixtures.surname();
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Mira " + surname, "country", "NO", "title", "Foreign Minister"))
                .post("/api/v1/officials")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String name = surname;
        JsonPath answer = read(
                transcript(
                        "Remarks and answers to media questions",
                        "Question: Will Norway join the talks?\nFOREIGN MINISTER " + name.toUpperCase()
                                + ": Norway will join the talks and host the next round in Oslo."),
                200);
        assertEquals("press_conference", answer.getString("kind"));
        assertEquals(id, answer.getString("candidates[0].speaker.officialId"), answer.prettify());
        assertEquals("surname", answer.getString("candidates[0].speaker.matchedBy"));
        assertEquals("Foreign Minister", answer.getString("candidates[0].role"));
        assertEquals("FOREIGN MINISTER " + name.toUpperCase(), answer.getString("candidates[0].attribution"));
    }

    @Test
    void aReadoutGivesPositionsAndWhatBothSidesSaid() {
        JsonPath answer = read(
                transcript(
                        "Secretary Blinken’s Call with Australian Foreign Minister Wong",
                        "Secretary Blinken’s Call with Australian Foreign Minister Wong\n"
                                + "Secretary of State Antony J. Blinken spoke with Australian Foreign Minister Penny Wong"
                                + " today. The two sides emphasized the importance of humanitarian aid reaching"
                                + " those in need. The Secretary underscored the need to protect shipping in the"
                                + " Red Sea."),
                200);
        assertEquals("readout", answer.getString("kind"));
        assertEquals(2, answer.getList("candidates").size());
        assertEquals(
                "emphasized the importance of humanitarian aid reaching those in need",
                answer.getString("candidates[0].text"));
        assertEquals("paraphrase", answer.getString("candidates[0].quoteType"));
        assertEquals(List.of("Antony J. Blinken", "Penny Wong"), answer.getList("candidates[0].signatories.name"));
        assertEquals("Antony J. Blinken", answer.getString("candidates[0].speaker.name"));
        assertEquals("underscored the need to protect shipping in the Red Sea", answer.getString("candidates[1].text"));
        assertEquals("Antony J. Blinken", answer.getString("candidates[1].speaker.name"));
        assertEquals(List.of(), answer.getList("candidates[1].signatories"));
    }

    @Test
    void aJointStatementIsOneStatementOfEverySignatory() {
        JsonPath answer = read(
                transcript(
                        "Joint statement by the Foreign Ministers of France, the United Kingdom and Germany",
                        "We call upon all parties immediately to return to a cease-fire.\n"
                                + "We fully support the ongoing efforts by Egypt to this end."),
                200);
        assertEquals("joint_statement", answer.getString("kind"));
        assertEquals(1, answer.getList("candidates").size());
        assertEquals(List.of("France", "United Kingdom", "Germany"), answer.getList("candidates[0].signatories.name"));
        assertEquals("France", answer.getString("candidates[0].speaker.name"));
        assertEquals(2, answer.getList("candidates[0].parts").size());
    }

    @Test
    void aKindSentIsTakenAsSent() {
        Map<String, Object> transcript = transcript(null, "Q: Is the border open?\nA: The border is open to trade.");
        transcript.put("kind", "interview");
        JsonPath answer = read(transcript, 200);
        assertEquals("interview", answer.getString("kind"));
        assertEquals(false, answer.getBoolean("kindDetected"));
        assertEquals(2, answer.getList("turns").size());
        // Nobody names the official behind "A:": the answer is a candidate whose speaker is unknown.
        assertEquals(null, (Object) answer.get("candidates[0].speaker.name"));
        assertEquals("A", answer.getString("candidates[0].attribution"));
    }

    @Test
    void clientErrorsAreProblemsNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", " "))
                .post("/api/v1/ingest/transcripts")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("text"));
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "Q: Why?\nA: Because.", "kind", "podcast"))
                .post("/api/v1/ingest/transcripts")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("kind"));
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "Q: Why?", "url", "ftp://example.org/x", "publishedAt", "2024-13"))
                .post("/api/v1/ingest/transcripts")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("url", "publishedAt"));
        given().contentType(ContentType.JSON)
                .body("{\"text\": ")
                .post("/api/v1/ingest/transcripts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theOpenApiExampleIsWhatTheRulesGive() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode request = json.readTree(TranscriptExamples.REQUEST);
        String answer = given().contentType(ContentType.JSON)
                .body(TranscriptExamples.REQUEST)
                .post("/api/v1/ingest/transcripts")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        JsonNode actual = json.readTree(answer);
        JsonNode example = json.readTree(TranscriptExamples.CANDIDATES);
        assertEquals(example.get("kind"), actual.get("kind"));
        assertEquals(example.get("turns").size(), actual.get("turns").size());
        for (int i = 0; i < example.get("turns").size(); i++) {
            assertEquals(
                    example.get("turns").get(i).get("parts"),
                    actual.get("turns").get(i).get("parts"));
            assertEquals(
                    example.get("turns").get(i).get("asker"),
                    actual.get("turns").get(i).get("asker"));
            assertEquals(
                    example.get("turns").get(i).get("role"),
                    actual.get("turns").get(i).get("role"));
        }
        assertEquals(example.get("candidates").size(), actual.get("candidates").size());
        assertEquals(
                example.get("candidates").get(0).get("text"),
                actual.get("candidates").get(0).get("text"));
        assertEquals(
                example.get("candidates").get(0).get("inReplyTo"),
                actual.get("candidates").get(0).get("inReplyTo"));
        assertEquals(
                example.get("candidates").get(0).get("speaker").get("proposed").get("title"),
                actual.get("candidates").get(0).get("speaker").get("proposed").get("title"));
        assertEquals(
                request.get("text").asText().substring(53, 132),
                actual.get("candidates").get(0).get("text").asText());
    }

    @Test
    void aCommitStoresTheEventTheSourceAndTheStatementsInOrderOnce() {
        String surname = Fixtures.surname();
        String official = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Lin " + surname, "country", "CN", "title", "Spokesperson"))
                .post("/api/v1/officials")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String url = "https://www.fmprc.gov.cn/eng/" + Fixtures.unique() + ".html";
        Map<String, Object> transcript = transcript(
                "Foreign Ministry Spokesperson Lin " + surname + "'s Regular Press Conference",
                "Reuters: Will the minister attend the summit?\n"
                        + "Lin " + surname + ": The minister will attend the summit and meet his counterparts.\n"
                        + "AFP: What will China propose there?\n"
                        + "Lin " + surname + ": China will propose a new round of talks on the peninsula.\n"
                        + "Q: And the envoy?\nA: The envoy will travel next week.");
        transcript.put("url", url);
        transcript.put("outlet", "Ministry of Foreign Affairs of China");
        transcript.put("publishedAt", "2024-07-15");
        JsonPath report = given().contentType(ContentType.JSON)
                .body(transcript)
                .queryParam("commit", true)
                .post("/api/v1/ingest/transcripts")
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/events/"))
                .extract()
                .jsonPath();
        assertEquals(true, report.getBoolean("eventCreated"));
        assertEquals(true, report.getBoolean("sourceCreated"));
        // "A:" is the official the title names.
        assertEquals(List.of("created", "created", "created"), report.getList("statements.outcome"));
        assertEquals(List.of(official, official, official), report.getList("statements.officialId"));
        assertEquals(List.of(), report.getList("skipped"));
        String event = report.getString("eventId");
        given().get("/api/v1/events/" + event)
                .then()
                .statusCode(200)
                .body("kind", org.hamcrest.Matchers.equalTo("briefing"))
                .body("heldOn", org.hamcrest.Matchers.equalTo("2024-07-15"))
                .body("participantIds", contains(official))
                .body("sourceIds", contains(report.getString("sourceId")));
        JsonPath listed = given().get("/api/v1/events/" + event + "/statements")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(
                List.of(
                        "The minister will attend the summit and meet his counterparts.",
                        "China will propose a new round of talks on the peninsula.",
                        "The envoy will travel next week."),
                listed.getList("items.text"));
        assertEquals(List.of(1, 2, 3), listed.getList("items.eventOrder"));
        assertEquals("What will China propose there?", listed.getString("items[1].inReplyTo.question"));
        assertEquals("AFP", listed.getString("items[1].inReplyTo.asker"));
        assertEquals("Lin " + surname, listed.getString("items[1].attribution"));
        assertEquals("press_conference", listed.getString("items[1].medium"));

        JsonPath again = given().contentType(ContentType.JSON)
                .body(transcript)
                .queryParam("commit", true)
                .post("/api/v1/ingest/transcripts")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertEquals(event, again.getString("eventId"));
        assertEquals(false, again.getBoolean("eventCreated"));
        assertEquals(false, again.getBoolean("sourceCreated"));
        assertEquals(List.of("unchanged", "unchanged", "unchanged"), again.getList("statements.outcome"));
        given().get("/api/v1/events/" + event + "/statements")
                .then()
                .statusCode(200)
                .body("items", hasSize(3));
    }

    @Test
    void whatBothSidesSaidIsStoredAsOneStatementSignedByEach() {
        String secretary = Fixtures.surname();
        String minister = Fixtures.surname();
        String us = Fixtures.create("officials", Map.of("name", "Anton " + secretary, "country", "US"));
        String au = Fixtures.create("officials", Map.of("name", "Penny " + minister, "country", "AU"));
        Map<String, Object> transcript = transcript(
                "Secretary " + secretary + "’s Call with Australian Foreign Minister " + minister,
                "Secretary of State Anton " + secretary + " spoke with Australian Foreign Minister Penny " + minister
                        + " today. The two sides emphasized the importance of aid reaching those in need.");
        transcript.put("url", "https://www.state.gov/readout-" + Fixtures.unique());
        transcript.put("outlet", "U.S. Department of State");
        transcript.put("publishedAt", "2024-01-10");
        JsonPath report = given().contentType(ContentType.JSON)
                .body(transcript)
                .queryParam("commit", true)
                .post("/api/v1/ingest/transcripts")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String statement = report.getString("statements[0].statementId");
        given().get("/api/v1/statements/" + statement)
                .then()
                .statusCode(200)
                .body("officialId", org.hamcrest.Matchers.equalTo(us))
                .body("signatoryIds", contains(au))
                .body("quoteType", org.hamcrest.Matchers.equalTo("paraphrase"));
        given().queryParam("officialId", au)
                .get("/api/v1/statements")
                .then()
                .statusCode(200)
                .body("items.id", contains(statement));
        given().get("/api/v1/events/" + report.getString("eventId"))
                .then()
                .statusCode(200)
                .body("kind", org.hamcrest.Matchers.equalTo("call"));
    }

    @Test
    void aCommitSkipsStatementsWhoseSpeakerIsNotKnown() {
        Map<String, Object> transcript = transcript(null, "Q: Is the border open?\nA: The border is open to trade.");
        transcript.put("url", "https://example.org/" + Fixtures.unique());
        transcript.put("outlet", "Example Ministry");
        transcript.put("publishedAt", "2024-07");
        JsonPath report = given().contentType(ContentType.JSON)
                .body(transcript)
                .queryParam("commit", true)
                .post("/api/v1/ingest/transcripts")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertEquals(List.of(), report.getList("statements"));
        assertEquals(0, report.getInt("skipped[0].candidate"));
        assertEquals(
                "speaker is not known: give an officialId or a proposed official",
                report.getString("skipped[0].reason"));
    }

    @Test
    void aCommitNeedsTheSourceAndWritesNothingWithoutIt() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "Q: Why?\nA: Because the talks failed."))
                .queryParam("commit", true)
                .post("/api/v1/ingest/transcripts")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("url", "outlet", "publishedAt"));
    }
}
