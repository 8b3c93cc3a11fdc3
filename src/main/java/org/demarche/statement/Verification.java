package org.demarche.statement;

/** How far a statement's wording and attribution have been checked. Constants are named as they travel. */
public enum Verification {
    unverified,
    verified,
    disputed,
    retracted
}
