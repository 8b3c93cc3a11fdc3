-- PostgreSQL's own text search is retired: OpenSearch searches the PostgreSQL set-up (docs/search.md).
drop function if exists demarche_match(tsvector, varchar);
drop function if exists demarche_rank(tsvector, varchar);
drop function if exists demarche_tsquery(varchar);
drop function if exists demarche_clause(jsonb);
drop index if exists statement_search_vector_idx;
alter table statement drop column if exists search_vector;
drop text search configuration if exists demarche;
drop text search configuration if exists demarche_words;
