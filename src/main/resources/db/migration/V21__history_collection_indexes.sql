-- Reading a record as of a revision (its history, the change feed, webhook planning) reads each of its
-- collections' audit rows by the owner's id, and for each row the newest revision up to the one asked for
-- (owner, element, rev <= ?). These tables' keys start with rev, so every such read went through the
-- whole table: a statement's topics and sources took most of the webhook planner's time, and more with
-- each statement written. Each table gets an index that starts with the owner.
create index official_alias_aud_owner on official_alias_aud (official_id, rev);
create index official_office_aud_owner on official_office_aud (official_id, rev);
create index topic_code_aud_owner on topic_code_aud (topic_id, rev);
create index source_author_aud_owner on source_author_aud (source_id, rev);
create index statement_topic_aud_owner on statement_topic_aud (statement_id, topic_id, rev);
create index statement_source_aud_owner on statement_source_aud (statement_id, source_id, rev);
create index statement_mention_aud_owner on statement_mention_aud (statement_id, rev);
create index statement_signatory_aud_owner on statement_signatory_aud (statement_id, rev);
create index position_condition_aud_owner on position_condition_aud (position_id, rev);
create index position_evidence_aud_owner on position_evidence_aud (position_id, rev);
create index event_participant_aud_owner on event_participant_aud (event_id, rev);
create index event_source_aud_owner on event_source_aud (event_id, source_id, rev);
