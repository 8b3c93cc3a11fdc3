-- Prefixes match words as written (issue 17): 'the*' finds "the" and "theatre", and 'in*' inside an AND
-- is never dropped as a stop word. The 'demarche_words' configuration folds accents and case and keeps
-- every word, unstemmed. The search vector holds both: the analysed terms (weight D, as before) and the
-- words as written (weight A); queries say which they mean, words and phrases ':D', prefixes ':*A'.
create text search configuration demarche_words (copy = simple);
alter text search configuration demarche_words
    alter mapping for hword, hword_part, word with unaccent, simple;

alter table statement drop column search_vector;
alter table statement add column search_vector tsvector
    generated always as (to_tsvector('demarche'::regconfig, body)
        || setweight(to_tsvector('demarche_words'::regconfig, body), 'A')) stored;
create index statement_search_vector_idx on statement using gin (search_vector);

-- A query as TsQueries writes it, JSON: {"all": [[clause, ...], ...], "not": [clause, ...]}, every group
-- of "all" required (its clauses are alternatives), every clause of "not" excluded; a clause is
-- {"words": tsquery text} for the 'demarche' configuration or {"prefix": tsquery text} for 'demarche_words'.
-- Each clause is analysed by its own configuration, which one to_tsquery over the whole text could not do.
create or replace function demarche_tsquery(query varchar) returns tsquery
    language plpgsql immutable parallel safe
    as $$
declare
    spec jsonb := query::jsonb;
    result tsquery := ''::tsquery;
    alternatives tsquery;
    grp jsonb;
    clause jsonb;
begin
    for grp in select * from jsonb_array_elements(spec -> 'all') loop
        alternatives := ''::tsquery;
        for clause in select * from jsonb_array_elements(grp) loop
            alternatives := alternatives || demarche_clause(clause);
        end loop;
        result := result && alternatives;
    end loop;
    if numnode(result) = 0 then
        return result; -- only stop words: nothing matches, whatever is excluded
    end if;
    for clause in select * from jsonb_array_elements(spec -> 'not') loop
        result := result && !! demarche_clause(clause);
    end loop;
    return result;
end
$$;

create or replace function demarche_clause(clause jsonb) returns tsquery
    language sql immutable parallel safe
    as $$ select case when clause ? 'prefix' then to_tsquery('demarche_words'::regconfig, clause ->> 'prefix')
                      else to_tsquery('demarche'::regconfig, clause ->> 'words') end $$;

create or replace function demarche_match(vector tsvector, query varchar) returns boolean
    language sql immutable parallel safe
    as $$ select vector @@ demarche_tsquery(query) $$;

create or replace function demarche_rank(vector tsvector, query varchar) returns real
    language sql immutable parallel safe
    as $$ select ts_rank_cd(vector, demarche_tsquery(query)) $$;
