-- Hand-written, as a schemacode user would between the version that adds website_event.visit_id as
-- nullable and the one that makes it required. (Umami's own migration groups the events of a session
-- into visits by hour; any non-null value serves the replay.)
UPDATE website_event SET visit_id = gen_random_uuid() WHERE visit_id IS NULL;
