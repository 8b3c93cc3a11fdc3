package org.demarche.position;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.UUID;

/** A statement cited for a position; always a statement of the position's own official. */
@Embeddable
public class Evidence {

    @Column(name = "statement_id", nullable = false)
    public UUID statementId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EvidenceRelation relation;
}
