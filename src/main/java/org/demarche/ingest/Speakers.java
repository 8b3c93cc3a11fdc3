package org.demarche.ingest;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import org.demarche.official.Official;
import org.demarche.official.OfficialKind;
import org.demarche.official.OfficialRequest;

/**
 * Tells who a speaker found in an article is: a stored official whose name or alias is the speaker's
 * name, else the one official whose name or alias ends in the speaker's surname (of the speaker's country
 * when several do), else an official to propose, with the title and country the article gives.
 */
@ApplicationScoped
public class Speakers {

    /** Who a speaker named outside an article is, by the same rules: a transcript's "Mao Ning:" or a signatory. */
    public CandidateSpeaker identify(String name, String title, String country, boolean organization) {
        return identify(new Person(name, title, country, organization));
    }

    /** Who the person is; the answer's mention is left for the caller, who may ask once for many mentions. */
    CandidateSpeaker identify(Person person) {
        if (person.organization) {
            return new CandidateSpeaker(null, person.name, null, null, true, null);
        }
        String name = person.name.toLowerCase(Locale.ROOT);
        List<Official> byName = officials("select o from Official o where lower(o.name) = ?1", name);
        if (!byName.isEmpty()) {
            return known(person, byName.get(0), "name");
        }
        List<Official> byAlias =
                officials("select distinct o from Official o join o.aliases a where lower(a) = ?1", name);
        if (!byAlias.isEmpty()) {
            return known(person, byAlias.get(0), "alias");
        }
        String surname = name.substring(name.lastIndexOf(' ') + 1);
        List<Official> bySurname = officials(
                "select distinct o from Official o left join o.aliases a where lower(o.name)"
                        + " like ?1 or lower(a) like ?1 or lower(o.name) = ?2",
                "% " + surname.replaceAll("[%_\\\\]", ""),
                surname);
        if (bySurname.size() > 1 && person.country != null) {
            bySurname = bySurname.stream()
                    .filter(o -> person.country.equals(o.country))
                    .toList();
        }
        if (bySurname.size() == 1) {
            return known(person, bySurname.get(0), "surname");
        }
        OfficialRequest proposed = new OfficialRequest(
                person.name, OfficialKind.person, List.of(), person.country, person.title, null, null, List.of());
        return new CandidateSpeaker(null, person.name, null, null, false, proposed);
    }

    private static CandidateSpeaker known(Person person, Official official, String matchedBy) {
        return new CandidateSpeaker(null, person.name, official.id, matchedBy, false, null);
    }

    private static List<Official> officials(String jpql, Object... parameters) {
        var query = Panache.getEntityManager().createQuery(jpql, Official.class).setMaxResults(10);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }
}
