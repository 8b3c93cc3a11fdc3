-- A statement is found by its official, text and date (an import names statements this way). The text
-- itself is too long to index, so the database keeps its MD5 (of the UTF-8 bytes, in lower-case hex)
-- beside it, indexed; Statement.textHash computes the same in Java for the lookup.
alter table statement add column body_hash varchar(32) generated always as (lower(rawtohex(hash('MD5', body))));
create index statement_body_hash_idx on statement (body_hash);
