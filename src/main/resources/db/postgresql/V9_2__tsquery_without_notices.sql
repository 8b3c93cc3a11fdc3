-- demarche_tsquery as in V9_1, but starting from null rather than the empty tsquery '', whose every
-- use made PostgreSQL send the client a notice ("text-search query doesn't contain lexemes").
-- A query of stop words only is null: it matches nothing.
create or replace function demarche_tsquery(query varchar) returns tsquery
    language plpgsql immutable parallel safe
    as $$
declare
    spec jsonb := query::jsonb;
    result tsquery;
    alternatives tsquery;
    one tsquery;
    grp jsonb;
    clause jsonb;
begin
    for grp in select * from jsonb_array_elements(spec -> 'all') loop
        alternatives := null;
        for clause in select * from jsonb_array_elements(grp) loop
            one := demarche_clause(clause);
            if numnode(one) > 0 then
                alternatives := case when alternatives is null then one else alternatives || one end;
            end if;
        end loop;
        if alternatives is not null then
            result := case when result is null then alternatives else result && alternatives end;
        end if;
    end loop;
    if result is null then
        return null;
    end if;
    for clause in select * from jsonb_array_elements(spec -> 'not') loop
        one := demarche_clause(clause);
        if numnode(one) > 0 then
            result := result && !! one;
        end if;
    end loop;
    return result;
end
$$;
