package org.demarche.statement;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.demarche.common.PartialDate;
import org.demarche.event.Event;
import org.demarche.official.Official;
import org.demarche.record.TrackedEntity;
import org.demarche.source.Source;
import org.demarche.topic.Topic;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.jpa.HibernateHints;

/** One thing an official said, quoted or reported, with where it was reported. */
@Entity
@Audited
@Table(name = "statement")
public class Statement extends TrackedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "official_id", nullable = false)
    public Official official;

    /** The other officials it also speaks for (a joint statement), in order; never {@link #official}. */
    @ManyToMany
    @JoinTable(
            name = "statement_signatory",
            joinColumns = @JoinColumn(name = "statement_id"),
            inverseJoinColumns = @JoinColumn(name = "official_id"))
    @OrderColumn(name = "ord")
    public List<Official> signatories = new ArrayList<>();

    /** The words as reported; never rewritten. */
    @Column(name = "body", nullable = false)
    public String text;

    /**
     * MD5 of the text, which the database keeps (see {@link #textHash(String)}) and indexes, so that a
     * statement is found by its text with an index seek.
     */
    @Column(name = "body_hash", insertable = false, updatable = false)
    @NotAudited
    String textHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "quote_type", nullable = false)
    public QuoteType quoteType;

    public String language;

    /** Partial date as given; {@link #statedOnStart} and {@link #statedOnEnd} are the period it stands for. */
    @Column(name = "stated_on", nullable = false)
    public String statedOn;

    @Column(name = "stated_on_start", nullable = false)
    public LocalDate statedOnStart;

    @Column(name = "stated_on_end", nullable = false)
    public LocalDate statedOnEnd;

    public String venue;

    @Enumerated(EnumType.STRING)
    public Medium medium;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Verification verification;

    public String notes;

    @ManyToMany
    @JoinTable(
            name = "statement_topic",
            joinColumns = @JoinColumn(name = "statement_id"),
            inverseJoinColumns = @JoinColumn(name = "topic_id"))
    public Set<Topic> topics = new LinkedHashSet<>();

    @ManyToMany
    @JoinTable(
            name = "statement_source",
            joinColumns = @JoinColumn(name = "statement_id"),
            inverseJoinColumns = @JoinColumn(name = "source_id"))
    public Set<Source> sources = new LinkedHashSet<>();

    /** The event it was said at, such as a press briefing; null when not recorded. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "event_id")
    public Event event;

    /** Its place in the event (1 for the first); null when unordered. Unique within the event. */
    @Column(name = "event_order")
    public Integer eventOrder;

    /** The speaker as the record prints it ("MR MILLER", "the representative of France"). */
    public String attribution;

    /** The role the speaker spoke in ("Foreign Ministry Spokesperson"). */
    @Column(name = "speaker_role")
    public String role;

    /** The question it answers; null when it answers none. */
    @Embedded
    public Question inReplyTo;

    /** Country codes or official ids of those addressed or talked about. */
    @ElementCollection
    @CollectionTable(name = "statement_mention", joinColumns = @JoinColumn(name = "statement_id"))
    @OrderColumn(name = "ord")
    @Column(name = "mention", nullable = false)
    public List<String> mentions = new ArrayList<>();

    /**
     * The statements with these ids that exist, in the order of the ids, with their officials: a page the
     * search index found. Read-only, so the transaction keeps no copy of them to check for changes.
     */
    public static List<Statement> inOrder(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Statement> found = new HashMap<>();
        Statement.<Statement>find("from Statement s join fetch s.official where s.id in ?1", ids)
                .withHint(HibernateHints.HINT_READ_ONLY, true)
                .list()
                .forEach(s -> found.put(s.id, s));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** The statement of this official with these words and date, found through the index on its text's hash. */
    public static Optional<Statement> byNaturalKey(UUID officialId, String text, String statedOn) {
        return find(
                        "textHash = ?1 and official.id = ?2 and text = ?3 and statedOn = ?4",
                        textHash(text),
                        officialId,
                        text,
                        statedOn)
                .firstResultOptional();
    }

    /** What the database stores as a text's hash: MD5 of its UTF-8 bytes in lower-case hex. */
    public static String textHash(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has MD5", e);
        }
    }

    /** Whether it speaks for this official: as its official or as one of its signatories. */
    public boolean speaksFor(UUID officialId) {
        return official.id.equals(officialId) || signatories.stream().anyMatch(o -> o.id.equals(officialId));
    }

    public void setStatedOn(PartialDate date) {
        statedOn = date.text();
        statedOnStart = date.start();
        statedOnEnd = date.end();
    }
}
