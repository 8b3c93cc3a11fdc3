-- PostgreSQL only (H2 searches with Lucene): full-text search on statement text.
-- The 'demarche' configuration is English with accents folded, as the Lucene analyzer does it.
create extension if not exists unaccent;
drop text search configuration if exists demarche cascade;
create text search configuration demarche (copy = english);
alter text search configuration demarche
    alter mapping for hword, hword_part, word with unaccent, english_stem;

-- The analysed body, kept up to date by PostgreSQL itself, so matching and ranking never re-parse text.
alter table statement add column search_vector tsvector
    generated always as (to_tsvector('demarche'::regconfig, body)) stored;
create index statement_search_vector_idx on statement using gin (search_vector);

-- Inlined by the planner into search_vector @@ to_tsquery(...), which the GIN index serves;
-- Hibernate calls them as function('demarche_match', s.searchVector, query).
create or replace function demarche_match(vector tsvector, query varchar) returns boolean
    language sql immutable parallel safe
    as $$ select vector @@ to_tsquery('demarche'::regconfig, query) $$;

create or replace function demarche_rank(vector tsvector, query varchar) returns real
    language sql immutable parallel safe
    as $$ select ts_rank_cd(vector, to_tsquery('demarche'::regconfig, query)) $$;
