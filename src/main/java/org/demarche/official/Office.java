package org.demarche.official;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A post an official held or holds; a null end date means still in office. */
@Embeddable
public class Office {

    @Column(nullable = false)
    public String title;

    public String organization;

    public String country;

    @Column(name = "start_date")
    public String startDate;

    @Column(name = "end_date")
    public String endDate;
}
