package org.demarche.official;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.demarche.common.NameWords;
import org.demarche.record.TrackedEntity;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

/** A person who speaks for a state or body, or a body that speaks as one. */
@Entity
@Audited
@Table(name = "official")
public class Official extends TrackedEntity {

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OfficialKind kind;

    @ElementCollection
    @CollectionTable(name = "official_alias", joinColumns = @JoinColumn(name = "official_id"))
    @OrderColumn(name = "ord")
    @Column(name = "alias_name", nullable = false)
    public List<String> aliases = new ArrayList<>();

    @Column(nullable = false)
    public String country;

    public String title;

    public String organization;

    @Column(name = "wikidata_id")
    public String wikidataId;

    @ElementCollection
    @CollectionTable(name = "official_office", joinColumns = @JoinColumn(name = "official_id"))
    @OrderColumn(name = "ord")
    public List<Office> offices = new ArrayList<>();

    /** The words of the name and aliases, folded for lookup ({@link NameWords#key}); kept by the service. */
    @NotAudited
    @Column(name = "name_key")
    public String nameKey;

    public static Optional<Official> byWikidataId(String wikidataId) {
        return find("wikidataId", wikidataId).firstResultOptional();
    }

    public static Optional<Official> byNameAndCountry(String name, String country) {
        return find("name = ?1 and country = ?2", name, country).firstResultOptional();
    }
}
