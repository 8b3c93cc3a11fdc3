package org.demarche.position;

/** An official's stance on a topic. Constants are named as they travel. */
public enum Stance {
    supports,
    opposes,
    conditional,
    neutral,
    ambiguous
}
