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
import org.demarche.common.NameWords;
import org.demarche.record.TrackedEntity;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

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

    /** The words of the name and slug, folded for lookup ({@link NameWords#key}); kept by the service. */
    @NotAudited
    @Column(name = "name_key")
    public String nameKey;

    public static Optional<Topic> bySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
