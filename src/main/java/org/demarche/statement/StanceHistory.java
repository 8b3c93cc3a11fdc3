package org.demarche.statement;

import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

/**
 * Where officials stood on topics over time, for counting statements by stance. Positions cite statements as
 * evidence, so the position feature sits above this one and implements this interface for it.
 */
public interface StanceHistory {

    /** The positions of these officials, read once, to answer for many statements. */
    Stances of(Collection<UUID> officialIds);

    /** Positions read for a set of officials. */
    @FunctionalInterface
    interface Stances {

        /**
         * The stance of the official's position on the topic that held on the day (it started on or before it and
         * had not ended; of two, the one that started later), or null when none held.
         */
        String on(UUID officialId, UUID topicId, LocalDate day);
    }
}
