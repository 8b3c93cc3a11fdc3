package org.demarche.timeline;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.demarche.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Statement lists, searches and timelines as Atom feeds: well-formed, with what RFC 4287 requires of a feed and of
 * each entry, paged with rel="next" links under one feed id, and revalidated with ETags like JSON answers.
 */
@QuarkusTest
class AtomFeedTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private String tag;
    private String official;
    private String topic;

    @BeforeEach
    void records() {
        tag = Fixtures.unique();
        official = Fixtures.official("Feed official " + tag, "FR");
        topic = Fixtures.topic("feed-" + tag, null);
        String source = Fixtures.source("Feed outlet " + tag);
        Fixtures.statement(official, "2024-11-05", List.of(topic), List.of(source));
        Fixtures.statement(official, "2024-12", List.of(topic), List.of(source));
        Fixtures.statement(official, "2023", List.of(), List.of());
        Fixtures.create(
                "positions",
                Map.of("officialId", official, "topicId", topic, "stance", "opposes", "validFrom", "2024-10"));
    }

    private static Document atom(Response response) throws Exception {
        response.then().statusCode(200).contentType("application/atom+xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.asByteArray()));
        assertValidFeed(feed);
        return feed;
    }

    /** What RFC 4287 requires: one id, title and updated per feed and entry, an author for each entry, text content. */
    private static void assertValidFeed(Document feed) {
        Element root = feed.getDocumentElement();
        assertEquals(ATOM, root.getNamespaceURI());
        assertEquals("feed", root.getLocalName());
        for (String name : List.of("id", "title", "updated")) {
            assertEquals(1, children(root, name).size(), "feed " + name);
        }
        Instant.parse(text(root, "updated"));
        assertFalse(children(root, "author").isEmpty(), "feed author");
        assertTrue(links(root, "self").size() == 1, "one self link");
        for (Element entry : children(root, "entry")) {
            for (String name : List.of("id", "title", "updated", "published", "content")) {
                assertEquals(1, children(entry, name).size(), "entry " + name);
            }
            Instant.parse(text(entry, "updated"));
            assertTrue(text(entry, "id").startsWith("urn:uuid:"));
            assertEquals(1, children(entry, "author").size());
            assertFalse(text(children(entry, "author").get(0), "name").isBlank());
            assertEquals("text", children(entry, "content").get(0).getAttribute("type"));
            assertEquals(1, links(entry, "alternate").size());
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element
                    && ATOM.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        return children(parent, name).get(0).getTextContent();
    }

    private static List<String> links(Element parent, String rel) {
        return children(parent, "link").stream()
                .filter(link -> rel.equals(link.getAttribute("rel")))
                .map(link -> link.getAttribute("href"))
                .toList();
    }

    private static List<String> titles(Document feed) {
        return children(feed.getDocumentElement(), "entry").stream()
                .map(entry -> text(entry, "title"))
                .toList();
    }

    @Test
    void aSearchAskedForAsAtomIsAFeedOfItsStatements() throws Exception {
        Document feed = atom(given().accept("application/atom+xml")
                .queryParam("officialId", official)
                .queryParam("topic", "feed-" + tag)
                .get("/api/v1/statements"));
        Element root = feed.getDocumentElement();
        List<Element> entries = children(root, "entry");
        assertEquals(2, entries.size());
        Element first = entries.get(0);
        assertEquals("Feed official " + tag, text(children(first, "author").get(0), "name"));
        assertTrue(text(first, "title").startsWith("Feed official " + tag + ": "));
        assertEquals("feed-" + tag, children(first, "category").get(0).getAttribute("term"));
        assertEquals(1, links(first, "via").size());
        assertTrue(links(first, "alternate").get(0).contains("/api/v1/statements/"));
        assertTrue(text(root, "title").contains("topic=feed-" + tag), text(root, "title"));
    }

    @Test
    void theFeedPathAnswersAtomWithoutAnAcceptHeaderAndPagesUnderOneId() throws Exception {
        Document first = atom(given().queryParam("officialId", official)
                .queryParam("limit", 2)
                .get("/api/v1/statements/feed"));
        Element root = first.getDocumentElement();
        assertEquals(2, children(root, "entry").size());
        List<String> next = links(root, "next");
        assertEquals(1, next.size());
        Document second = atom(given().urlEncodingEnabled(false).get(next.get(0)));
        assertEquals(1, children(second.getDocumentElement(), "entry").size());
        assertNull(
                links(second.getDocumentElement(), "next").stream().findFirst().orElse(null));
        assertEquals(text(root, "id"), text(second.getDocumentElement(), "id"));
        assertFalse(text(root, "id").contains("cursor"));
        // Recorded or changed last comes first.
        String newest = text(children(root, "entry").get(0), "updated");
        String oldest = text(children(second.getDocumentElement(), "entry").get(0), "updated");
        assertTrue(Instant.parse(newest).isAfter(Instant.parse(oldest)));
    }

    @Test
    void anOfficialsTimelineFeedHasItsStatementsAndPositionsLatestFirst() throws Exception {
        Document feed = atom(given().get("/api/v1/officials/" + official + "/timeline/feed"));
        List<String> titles = titles(feed);
        assertEquals(4, titles.size());
        assertEquals("Feed official " + tag + " on feed-" + tag + ": opposes, from 2024-10", titles.get(0));
        assertEquals("Timeline of Feed official " + tag, text(feed.getDocumentElement(), "title"));
        Document onTopic = atom(given().queryParam("topic", "feed-" + tag)
                .queryParam("limit", 2)
                .get("/api/v1/officials/" + official + "/timeline/feed"));
        assertEquals(2, titles(onTopic).size());
        // The timeline itself, asked for as Atom, keeps its date order and paging.
        Document page = atom(given().accept("application/atom+xml")
                .queryParam("limit", 2)
                .get("/api/v1/officials/" + official + "/timeline"));
        assertEquals(2, titles(page).size());
        assertNotNull(links(page.getDocumentElement(), "next").get(0));
        Document ofOfficial =
                atom(given().accept("application/atom+xml").get("/api/v1/officials/" + official + "/statements"));
        assertEquals(3, titles(ofOfficial).size());
        assertEquals("Statements of Feed official " + tag, text(ofOfficial.getDocumentElement(), "title"));
    }

    @Test
    void aFeedHasAnETagAndAnswers304WhileUnchanged() {
        String path = "/api/v1/officials/" + official + "/timeline/feed";
        String etag = given().get(path).then().statusCode(200).extract().header("ETag");
        assertNotNull(etag);
        given().header("If-None-Match", etag).get(path).then().statusCode(304);
        Fixtures.statement(official, "2025-01", List.of(), List.of());
        given().header("If-None-Match", etag).get(path).then().statusCode(200);
    }

    @Test
    void feedPathsAnswerAtomWhateverAReaderAccepts() throws Exception {
        for (String accept : List.of("application/xml", "text/xml", "application/rss+xml", "application/json", "*/*")) {
            atom(given().accept(accept).queryParam("officialId", official).get("/api/v1/statements/feed"));
            atom(given().accept(accept).get("/api/v1/officials/" + official + "/timeline/feed"));
        }
    }

    @Test
    void wordsWithCarriageReturnsParseBackAsReported() throws Exception {
        String words = "First line\r\nsecond line " + tag;
        Fixtures.create(
                "statements",
                Map.of("officialId", official, "text", words, "quoteType", "paraphrase", "statedOn", "2024-11"));
        Document feed = atom(given().queryParam("officialId", official).get("/api/v1/statements/feed"));
        Element newest = children(feed.getDocumentElement(), "entry").get(0);
        assertEquals(words + " (2024-11)", text(newest, "content"));
    }

    @Test
    void mistakesAreProblemsNotFeeds() {
        given().get("/api/v1/officials/00000000-0000-0000-0000-000000000000/timeline/feed")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("from", "2024")
                .get("/api/v1/officials/" + official + "/timeline/feed")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("sort", "nonsense")
                .get("/api/v1/statements/feed")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
