package org.demarche.topic;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.demarche.record.TrackedEntity;
import org.hibernate.envers.Audited;

/** A subject positions are taken on; topics nest ({@code ceasefire} under {@code ukraine-negotiations}). */
@Entity
@Audited
@Table(name = "topic")
public class Topic extends TrackedEntity {

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public String name;

    public String description;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Topic parent;

    /** External classification codes by scheme, such as {@code {"cameo": "125"}}. */
    @ElementCollection
    @CollectionTable(name = "topic_code", joinColumns = @JoinColumn(name = "topic_id"))
    @MapKeyColumn(name = "scheme")
    @Column(name = "code", nullable = false)
    public Map<String, String> codes = new TreeMap<>();

    public static Optional<Topic> bySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
