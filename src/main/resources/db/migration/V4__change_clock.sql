-- One row that every writing transaction locks just before its history revision is numbered and
-- holds until it commits, so revisions become visible in number order and the change feed can page
-- by revision number without skipping a late commit.
create table change_clock (
    id              integer primary key
);
insert into change_clock (id) values (1);
