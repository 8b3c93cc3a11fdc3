package org.demarche.position;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.demarche.common.PartialDate;
import org.demarche.official.Official;
import org.demarche.record.TrackedEntity;
import org.demarche.topic.Topic;
import org.hibernate.envers.Audited;

/**
 * An official's stance on a topic over a period. A new position on the same official and topic closes
 * the current one rather than overwriting it: the history is the product.
 */
@Entity
@Audited
@Table(name = "official_position")
public class Position extends TrackedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "official_id", nullable = false)
    public Official official;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "topic_id", nullable = false)
    public Topic topic;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Stance stance;

    public String label;

    @ElementCollection
    @CollectionTable(name = "position_condition", joinColumns = @JoinColumn(name = "position_id"))
    @OrderColumn(name = "ord")
    @Column(name = "condition_text", nullable = false)
    public List<String> conditions = new ArrayList<>();

    @Column(name = "valid_from", nullable = false)
    public String validFrom;

    @Column(name = "valid_from_start", nullable = false)
    public LocalDate validFromStart;

    /** Null while the position is current. */
    @Column(name = "valid_to")
    public String validTo;

    @Column(name = "valid_to_start")
    public LocalDate validToStart;

    @ElementCollection
    @CollectionTable(name = "position_evidence", joinColumns = @JoinColumn(name = "position_id"))
    @OrderColumn(name = "ord")
    public List<Evidence> evidence = new ArrayList<>();

    public void setValidFrom(PartialDate date) {
        validFrom = date.text();
        validFromStart = date.start();
    }

    public void setValidTo(PartialDate date) {
        validTo = date == null ? null : date.text();
        validToStart = date == null ? null : date.start();
    }

    /** The current positions of an official on a topic (one, unless history was written by hand). */
    public static List<Position> currentOn(UUID officialId, UUID topicId) {
        return list("official.id = ?1 and topic.id = ?2 and validTo is null", officialId, topicId);
    }

    /** Ends this position where a newer one begins. */
    public void closeAt(PartialDate successorStart) {
        setValidTo(successorStart);
    }
}
