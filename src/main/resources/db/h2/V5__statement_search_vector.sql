-- H2 searches with its Lucene index, not in SQL. The column exists, always empty, only so the
-- statement mapping (a lazy searchVector, PostgreSQL's text search vector) is the same on both databases.
alter table statement add column search_vector varchar(1);
