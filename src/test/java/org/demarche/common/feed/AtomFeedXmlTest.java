package org.demarche.common.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Any text a record holds makes a well-formed feed: markup is escaped, what XML 1.0 cannot hold is replaced. */
class AtomFeedXmlTest {

    @Test
    void markupControlsAndLoneSurrogatesStillMakeWellFormedXml() throws Exception {
        String words = "<b>\"Tom & Jerry\"</b>\u0001\u000b\ud800 end \uD83D\uDE00";
        AtomFeed feed = new AtomFeed(
                URI.create("http://x/api/v1/statements/feed"),
                URI.create("http://x/api/v1/statements/feed"),
                "Title " + words,
                null,
                List.of(new AtomFeed.Entry(
                        "urn:uuid:1",
                        words,
                        Instant.EPOCH,
                        Instant.parse("2024-11-05T10:00:00Z"),
                        "A & B",
                        URI.create("http://x/api/v1/statements/1"),
                        List.of("https://example.org/a?b=1&c=<2>"),
                        List.of(new AtomFeed.Category("t", "T & \"U\"")),
                        words)));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document parsed = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(feed.xml().getBytes(StandardCharsets.UTF_8)));
        String content = parsed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "content")
                .item(0)
                .getTextContent();
        assertEquals("<b>\"Tom & Jerry\"</b>\ufffd\ufffd\ufffd end \uD83D\uDE00", content);
        assertEquals(
                "2024-11-05T10:00:00Z",
                parsed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "updated")
                        .item(0)
                        .getTextContent());
        assertTrue(feed.xml().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    }
}
