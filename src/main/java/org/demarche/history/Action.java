package org.demarche.history;

import org.hibernate.envers.RevisionType;

/** What a revision did to the record. Constants are named as they travel. */
public enum Action {
    created,
    updated,
    deleted;

    static Action of(RevisionType type) {
        return switch (type) {
            case ADD -> created;
            case MOD -> updated;
            case DEL -> deleted;
        };
    }
}
