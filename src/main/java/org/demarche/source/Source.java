package org.demarche.source;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.demarche.record.TrackedEntity;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

/** Where a statement was reported: an article, a transcript, a post. */
@Entity
@Audited
@Table(name = "source")
public class Source extends TrackedEntity {

    /** The URL as given. */
    @Column(nullable = false)
    public String url;

    /**
     * The source's identity, unique: its URL in canonical form ({@link CanonicalUrl}). Null only for a source
     * that migration V8 found to duplicate an older one, which GET /api/v1/admin/duplicates reports.
     */
    @NotAudited
    @Column(name = "canonical_url")
    public String canonicalUrl;

    @Column(nullable = false)
    public String outlet;

    public String title;

    @ElementCollection
    @CollectionTable(name = "source_author", joinColumns = @JoinColumn(name = "source_id"))
    @OrderColumn(name = "ord")
    @Column(name = "author", nullable = false)
    public List<String> authors = new ArrayList<>();

    /** Partial date of publication. */
    @Column(name = "published_at")
    public String publishedAt;

    public String language;

    /** What the outlet relied on, such as "Russian media". */
    public String citing;

    @Column(name = "archive_url")
    public String archiveUrl;

    @Column(name = "retrieved_at")
    public Instant retrievedAt;

    /** The source with this URL in any spelling of it. */
    public static Optional<Source> byUrl(String url) {
        return find("canonicalUrl", CanonicalUrl.of(url)).firstResultOptional();
    }
}
