-- The statement mapping no longer has PostgreSQL's text search vector; its empty H2 column goes too.
alter table statement drop column if exists search_vector;
