package org.demarche.ingest.transcript;

/** What kind of primary source a transcript is. Constants are named as they travel. */
public enum TranscriptKind {
    /** A ministry's regular briefing: a spokesperson answers journalists. */
    briefing,
    /** An official's press conference, or "remarks and answers to media questions". */
    press_conference,
    /** An official interviewed by a journalist or presenter. */
    interview,
    /** A record of a meeting in the third person ("The representative of France said …"). */
    meeting_record,
    /** A statement issued by several governments or bodies together. */
    joint_statement,
    /** An account of a call or meeting by one of its sides ("The Secretary emphasized …"). */
    readout,
    /** One official's speech or statement. */
    speech
}
