package org.demarche.common;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Finds the records that still refer to one, so a blocked delete can name them. */
public final class References {

    private static final int IDS_SHOWN = 20;

    private References() {}

    /**
     * The records of wire type {@code type} found by {@code fromWhere}, a JPQL {@code from ... where ...}
     * clause over {@code alias} with a parameter {@code :target}; empty when there are none.
     */
    public static Optional<Problem.Reference> find(String type, String alias, String fromWhere, Object target) {
        EntityManager em = Panache.getEntityManager();
        long count = em.createQuery("select count(distinct " + alias + ".id) " + fromWhere, Long.class)
                .setParameter("target", target)
                .getSingleResult();
        if (count == 0) {
            return Optional.empty();
        }
        List<String> ids = em
                .createQuery("select distinct " + alias + ".id " + fromWhere, UUID.class)
                .setParameter("target", target)
                .setMaxResults(IDS_SHOWN)
                .getResultList()
                .stream()
                .map(UUID::toString)
                .sorted()
                .toList();
        return Optional.of(new Problem.Reference(type, count, ids));
    }
}
