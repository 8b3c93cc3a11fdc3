package org.demarche.subscription;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Test;

/** Which planning failures are tried again (they may pass) and which skip the change (they will not). */
class DeliveryPlannerFailuresTest {

    private static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("could not plan", new RuntimeException(cause));
    }

    @Test
    void databaseFailuresThatMayPassAreTriedAgain() {
        assertTrue(DeliveryPlanner.mayPass(wrapped(new SQLTimeoutException("lock timeout", "HYT00"))));
        assertTrue(DeliveryPlanner.mayPass(wrapped(new SQLNonTransientConnectionException("gone", "08006"))));
        assertTrue(DeliveryPlanner.mayPass(wrapped(new SQLException("could not serialize access", "40001"))));
        assertTrue(DeliveryPlanner.mayPass(wrapped(new SQLException("deadlock detected", "40P01"))));
        assertTrue(DeliveryPlanner.mayPass(wrapped(new SQLException("lock not available", "55P03"))));
        assertTrue(DeliveryPlanner.mayPass(wrapped(new SQLException("canceling statement", "57014"))));
        assertTrue(DeliveryPlanner.mayPass(wrapped(new SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    void failuresOfTheDataOrTheCodeSkipTheChange() {
        assertFalse(DeliveryPlanner.mayPass(new NullPointerException()));
        assertFalse(DeliveryPlanner.mayPass(
                new IllegalArgumentException("cannot write", new JsonMappingException(null, "no serializer"))));
        assertFalse(DeliveryPlanner.mayPass(new UncheckedIOException(new java.io.IOException("broken"))));
        assertFalse(DeliveryPlanner.mayPass(wrapped(new SQLException("invalid input syntax", "22P02"))));
        assertFalse(DeliveryPlanner.mayPass(wrapped(new SQLIntegrityConstraintViolationException("dup", "23505"))));
        assertFalse(DeliveryPlanner.mayPass(wrapped(new SQLException("General error", "HY000"))));
    }
}
