package org.demarche.record;

import java.util.UUID;

/**
 * Fired inside the transaction of every create, update and delete through {@link RecordService};
 * observers that must only see committed data listen with {@code during = AFTER_SUCCESS}.
 */
public record RecordChanged(Class<? extends TrackedEntity> type, UUID id) {}
