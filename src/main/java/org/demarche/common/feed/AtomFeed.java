package org.demarche.common.feed;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A page of records as an Atom feed (RFC 4287), for feed readers: the feed's id is its URL without a cursor, so
 * every page of one feed has the same id, and the next page is a {@code rel="next"} link (RFC 5005). The feed's
 * {@code updated} is the newest entry's (the epoch for an empty feed, so its body and ETag stay the same).
 */
public record AtomFeed(URI id, URI self, String title, URI next, List<Entry> entries) {

    public static final String MEDIA_TYPE = "application/atom+xml";
    public static final MediaType TYPE = MediaType.valueOf(MEDIA_TYPE);
    /** A carriage return, as a character reference: written raw, a parser would turn CR LF into LF. */
    private static final String CARRIAGE_RETURN = "#13";

    private static final String NAMESPACE = "http://www.w3.org/2005/Atom";
    private static final String GENERATOR = "Demarche";

    /**
     * One record: {@code id} a URN such as {@code urn:uuid:…}, {@code alternate} its JSON in the API, {@code via}
     * the pages it was reported in (as given), {@code content} its text.
     */
    public record Entry(
            String id,
            String title,
            Instant published,
            Instant updated,
            String author,
            URI alternate,
            List<String> via,
            List<Category> categories,
            String content) {}

    /** A topic: {@code term} its slug, {@code label} its name. */
    public record Category(String term, String label) {}

    /**
     * The page of a feed that the request asked for: its id is the request's URL without a cursor, the next
     * page's link the same URL with the next cursor.
     */
    public static AtomFeed page(UriInfo uri, String title, String nextCursor, List<Entry> entries) {
        URI withoutCursor =
                uri.getRequestUriBuilder().replaceQueryParam("cursor").build();
        return new AtomFeed(
                withoutCursor.getRawQuery() == null
                                || withoutCursor.getRawQuery().isEmpty()
                        ? uri.getRequestUriBuilder().replaceQuery(null).build()
                        : withoutCursor,
                uri.getRequestUri(),
                title,
                nextCursor == null
                        ? null
                        : uri.getRequestUriBuilder()
                                .replaceQueryParam("cursor", nextCursor)
                                .build(),
                entries);
    }

    /** The feed as an XML document in UTF-8. */
    public String xml() {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NAMESPACE);
            element(xml, "id", id.toString());
            element(xml, "title", title);
            element(
                    xml,
                    "updated",
                    entries.stream()
                            .map(Entry::updated)
                            .max(Comparator.naturalOrder())
                            .orElse(Instant.EPOCH)
                            .toString());
            xml.writeStartElement("author");
            element(xml, "name", GENERATOR);
            xml.writeEndElement();
            element(xml, "generator", GENERATOR);
            link(xml, "self", self, MEDIA_TYPE);
            if (next != null) {
                link(xml, "next", next, MEDIA_TYPE);
            }
            for (Entry entry : entries) {
                entry(xml, entry);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing XML to a string cannot fail", e);
        }
        return text.toString();
    }

    private static void entry(XMLStreamWriter xml, Entry entry) throws XMLStreamException {
        xml.writeStartElement("entry");
        element(xml, "id", entry.id());
        element(xml, "title", entry.title());
        element(xml, "published", entry.published().toString());
        element(xml, "updated", entry.updated().toString());
        xml.writeStartElement("author");
        element(xml, "name", entry.author());
        xml.writeEndElement();
        link(xml, "alternate", entry.alternate(), MediaType.APPLICATION_JSON);
        for (String via : entry.via()) {
            link(xml, "via", via, null);
        }
        for (Category category : entry.categories()) {
            xml.writeEmptyElement("category");
            xml.writeAttribute("term", xmlText(category.term()));
            xml.writeAttribute("label", xmlText(category.label()));
        }
        xml.writeStartElement("content");
        xml.writeAttribute("type", "text");
        characters(xml, entry.content());
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        characters(xml, value);
        xml.writeEndElement();
    }

    private static void characters(XMLStreamWriter xml, String text) throws XMLStreamException {
        String[] lines = xmlText(text).split("\r", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                xml.writeEntityRef(CARRIAGE_RETURN);
            }
            xml.writeCharacters(lines[i]);
        }
    }

    /** The text with each character XML 1.0 cannot hold (controls, lone surrogates) replaced by U+FFFD. */
    static String xmlText(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> clean.appendCodePoint(allowed(c) ? c : 0xFFFD));
        return clean.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9
                || c == 0xA
                || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || c >= 0x10000;
    }

    private static void link(XMLStreamWriter xml, String rel, Object href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", xmlText(href.toString()));
        if (type != null) {
            xml.writeAttribute("type", type);
        }
    }
}
