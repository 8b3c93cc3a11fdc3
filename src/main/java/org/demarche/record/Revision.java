package org.demarche.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/** One committed change set: when, and which API key made it (null for the system, such as sample data). */
@Entity
@Table(name = "revision")
@RevisionEntity(NewRevision.class)
public class Revision {

    /** The attribute of a request's security identity holding the id of the API key, which the revision records. */
    public static final String KEY_ID = "demarche.keyId";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @RevisionNumber
    public long id;

    /** Milliseconds since the epoch. */
    @RevisionTimestamp
    @Column(name = "changed_at", nullable = false)
    public long changedAt;

    @Column(name = "key_id")
    public UUID keyId;

    @Column(name = "key_name")
    public String keyName;
}
