package org.demarche.position;

/** Whether a statement backs a position or cuts against it. Constants are named as they travel. */
public enum EvidenceRelation {
    supports,
    contradicts
}
