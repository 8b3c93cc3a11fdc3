package org.demarche.event;

import jakarta.persistence.Column;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.demarche.common.PartialDate;
import org.demarche.official.Official;
import org.demarche.record.TrackedEntity;
import org.demarche.source.Source;
import org.hibernate.envers.Audited;

/**
 * An occasion statements were made at: a press briefing, an interview, a meeting, a call. Primary sources
 * (a transcript, a readout, a meeting record) report one event, and the statements made there belong to it.
 */
@Entity
@Audited
@Table(name = "event")
public class Event extends TrackedEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EventKind kind;

    @Column(nullable = false)
    public String title;

    /** Partial date as given; {@link #heldOnStart} and {@link #heldOnEnd} are the period it stands for. */
    @Column(name = "held_on", nullable = false)
    public String heldOn;

    @Column(name = "held_on_start", nullable = false)
    public LocalDate heldOnStart;

    @Column(name = "held_on_end", nullable = false)
    public LocalDate heldOnEnd;

    public String venue;

    /** Who held the event, typically an official of kind organisation (a ministry); null when not recorded. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "host_id")
    public Official host;

    /** Those who took part, in the order given. */
    @ManyToMany
    @JoinTable(
            name = "event_participant",
            joinColumns = @JoinColumn(name = "event_id"),
            inverseJoinColumns = @JoinColumn(name = "official_id"))
    @OrderColumn(name = "ord")
    public List<Official> participants = new ArrayList<>();

    @ManyToMany
    @JoinTable(
            name = "event_source",
            joinColumns = @JoinColumn(name = "event_id"),
            inverseJoinColumns = @JoinColumn(name = "source_id"))
    public Set<Source> sources = new LinkedHashSet<>();

    public void setHeldOn(PartialDate date) {
        heldOn = date.text();
        heldOnStart = date.start();
        heldOnEnd = date.end();
    }
}
