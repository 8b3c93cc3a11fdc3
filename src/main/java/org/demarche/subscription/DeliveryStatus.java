package org.demarche.subscription;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** To be sent: not tried yet, under way, or waiting for its next try (also while its subscription is disabled). */
    pending,
    /** The receiver answered 2xx. */
    delivered
}
