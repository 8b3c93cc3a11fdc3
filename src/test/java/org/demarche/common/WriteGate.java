package org.demarche.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.demarche.record.RecordChanged;

/**
 * Holds the next record write inside its transaction, before it commits, until the test lets it go: a
 * write made as slow as one under overload, at a moment the test chooses. Does nothing unless a test
 * {@link #close() closes} it.
 */
@ApplicationScoped
public class WriteGate {

    private static volatile CountDownLatch reached;
    private static volatile CountDownLatch opened;

    /** The next write to reach the gate waits there until {@link #open()}. */
    public static void close() {
        reached = new CountDownLatch(1);
        opened = new CountDownLatch(1);
    }

    /** Waits until a write is held at the gate; false if none came within the time. */
    public static boolean awaitHeld(long seconds) throws InterruptedException {
        return reached.await(seconds, TimeUnit.SECONDS);
    }

    /** Lets the held write (if any) go on, and later ones pass. */
    public static void open() {
        CountDownLatch gate = opened;
        reached = null;
        opened = null;
        if (gate != null) {
            gate.countDown();
        }
    }

    void hold(@Observes RecordChanged change) throws InterruptedException {
        CountDownLatch arrived = reached;
        CountDownLatch gate = opened;
        if (arrived == null || gate == null || arrived.getCount() == 0) {
            return;
        }
        arrived.countDown();
        // Never forever, should a test forget to open it.
        gate.await(60, TimeUnit.SECONDS);
    }
}
