package org.demarche.source;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.envers.Audited;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.demarche.common.TrackedEntity;

/** Where a statement was reported: an article, a transcript, a post. */
@Entity
@Audited
@Table(name = "source")
public class Source extends TrackedEntity {

    @Column(nullable = false)
    public String url;

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

    public static Optional<Source> byUrl(String url) {
        return find("url", url).firstResultOptional();
    }
}
