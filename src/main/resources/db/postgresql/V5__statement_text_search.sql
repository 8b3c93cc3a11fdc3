-- PostgreSQL only (H2 searches with Lucene): full-text search on statement text.
-- The 'demarche' configuration is English with accents folded, as the Lucene analyzer does it.
create extension if not exists unaccent;
drop text search configuration if exists demarche cascade;
create text search configuration demarche (copy = english);
alter text search configuration demarche
    alter mapping for hword, hword_part, word with unaccent, english_stem;

-- Inlined by the planner into to_tsvector(...) @@ to_tsquery(...), so the expression index below
-- serves it; Hibernate calls it as function('demarche_match', text, query).
create or replace function demarche_match(body varchar, query varchar) returns boolean
    language sql immutable parallel safe
    as $$ select to_tsvector('demarche'::regconfig, body) @@ to_tsquery('demarche'::regconfig, query) $$;

create or replace function demarche_rank(body varchar, query varchar) returns real
    language sql immutable parallel safe
    as $$ select ts_rank_cd(to_tsvector('demarche'::regconfig, body), to_tsquery('demarche'::regconfig, query)) $$;

create index statement_text_search_idx on statement using gin (to_tsvector('demarche'::regconfig, body));
