-- One position per official, topic and start day (issue 17): a second one would leave a zero-length period.
-- Positions stored before the rule are not merged: each after the oldest of its group gets a rank (1, 2...)
-- in start_rank and is listed in duplicate_record (GET /api/v1/admin/duplicates). New positions have rank 0,
-- so the unique key refuses a second one while keeping the old ones apart.
alter table official_position add column start_rank integer default 0 not null;

update official_position p set start_rank = (select count(*) from official_position q
    where q.official_id = p.official_id and q.topic_id = p.topic_id and q.valid_from_start = p.valid_from_start
      and (q.created_at < p.created_at or (q.created_at = p.created_at and q.id < p.id)));

insert into duplicate_record (resource, record_id, duplicate_of, reason, found_by)
select 'position', p.id, o.id, 'same official, topic and start day ' || cast(p.valid_from_start as varchar(10)), 'V9'
  from official_position p join official_position o
    on o.official_id = p.official_id and o.topic_id = p.topic_id and o.valid_from_start = p.valid_from_start
   and o.start_rank = 0
 where p.start_rank > 0;

alter table official_position add constraint position_official_topic_start_key
    unique (official_id, topic_id, valid_from_start, start_rank);
