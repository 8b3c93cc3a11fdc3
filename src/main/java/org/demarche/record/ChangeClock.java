package org.demarche.record;

import java.sql.PreparedStatement;
import org.hibernate.Session;

/**
 * The one row of {@code change_clock}. A transaction that takes it holds it until it ends, so takers
 * run one after another, on one instance or on several sharing the database: every history revision
 * takes it (see {@link NewRevision}), and so does seeding an empty database at start, so instances
 * that start together seed it once.
 */
public final class ChangeClock {

    private static final String TAKE = "select id from change_clock where id = 1 for update";

    private ChangeClock() {}

    /** Takes the clock for the rest of the session's transaction, waiting while another holds it. */
    public static void take(Session session) {
        session.doWork(connection -> {
            try (PreparedStatement take = connection.prepareStatement(TAKE)) {
                take.executeQuery().close();
            }
        });
    }
}
