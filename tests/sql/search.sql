-- search: the statement the planner sends (tests/read-sql.test.ts)
-- $1 = "space station"
-- $2 = "space station"
WITH q AS
(SELECT w.q, tsvector_to_array(to_tsvector('english', $1)) AS lexemes, CASE WHEN numnode(w.q) = 1 AND w.q::text ~ '''$' THEN
  (SELECT l.lexeme
    FROM unnest(w.q::text::tsvector) l) END AS lexeme
  FROM
  (SELECT websearch_to_tsquery('english', $2) AS q) w) SELECT json_build_object('search',
  (SELECT json_build_object('totalCount',
      (SELECT count(*)::int
        FROM
        (SELECT e.type, e.id, ts_rank(e.vector, q.q) AS rank
          FROM "SearchEntry" e, q
          WHERE e.vector @@ q.q AND e.type IN ('Event', 'Quote', 'Person', 'Organization', 'Theme', 'Document')) t
        WHERE TRUE), 'nodes', coalesce(json_agg(json_build_object('rank', r1."rank", 'snippet', r1."snippet", 'item', CASE r1.type WHEN 'Event' THEN
            (SELECT json_build_object('__typename', 'Event', 'title', r2."title", 'date', json_build_object('iso', CASE r2."datePrecision" WHEN 'YEAR' THEN to_char(r2."dateStart", 'YYYY') WHEN 'MONTH' THEN to_char(r2."dateStart", 'YYYY-MM') ELSE to_char(r2."dateStart", 'YYYY-MM-DD') END))
              FROM "Event" r2
              WHERE r2.id = r1.id) WHEN 'Quote' THEN
            (SELECT json_build_object('__typename', 'Quote', 'text', r3."text", 'speaker',
                (SELECT json_build_object('name', r4."name")
                  FROM "Person" r4
                  WHERE r4.id = r3."speakerId"))
              FROM "Quote" r3
              WHERE r3.id = r1.id) WHEN 'Person' THEN
            (SELECT json_build_object('__typename', 'Person')
              FROM "Person" r5
              WHERE r5.id = r1.id) WHEN 'Organization' THEN
            (SELECT json_build_object('__typename', 'Organization')
              FROM "Organization" r6
              WHERE r6.id = r1.id) WHEN 'Theme' THEN
            (SELECT json_build_object('__typename', 'Theme', 'name', r7."name")
              FROM "Theme" r7
              WHERE r7.id = r1.id) WHEN 'Document' THEN
            (SELECT json_build_object('__typename', 'Document', 'title', r8."title")
              FROM "Document" r8
              WHERE r8.id = r1.id) END)
          ORDER BY r1."_k0" DESC, r1."_k1" DESC, r1."_k2" DESC), '[]'))
    FROM
    (SELECT t.type, t.id, t.rank::float8 AS rank,
      (SELECT CASE WHEN strpos(w.h, '<mark>') > 0 THEN w.h ELSE ts_headline('english', left(b.body, 8000), q.q, 'MaxFragments=1, MaxWords=24, MinWords=8, StartSel=<mark>, StopSel=</mark>') END
        FROM "SearchEntry" b, q, LATERAL
        (SELECT ts_headline('english', coalesce(
              (SELECT substr(string_agg(p.text, ''
                    ORDER BY p.start), greatest(min(f.at), 1) - min(p.start) + 1, 600)
                FROM
                (SELECT
                  (SELECT min(st.first)
                    FROM unnest(q.lexemes) l JOIN "SearchTerm" st ON st.type = t.type AND st.id = t.id AND st.lexeme = l) - 120 AS at) f, "SearchPassage" p
                WHERE p.type = b.type AND p.id = b.id AND p.start > f.at - 500 AND p.start <= f.at + 500), left(b.body, 8000)), q.q, 'MaxFragments=1, MaxWords=24, MinWords=8, StartSel=<mark>, StopSel=</mark>') AS h OFFSET 0) w
        WHERE b.type = t.type AND b.id = t.id) AS snippet, t.rank AS "_k0", t.type AS "_k1", t.id AS "_k2"
      FROM
      (SELECT e.type, e.id, ts_rank(e.vector, q.q) AS rank
        FROM "SearchEntry" e, q
        WHERE e.vector @@ q.q AND e.type IN ('Event', 'Quote', 'Person', 'Organization', 'Theme', 'Document')) t
      WHERE TRUE
      ORDER BY t.rank DESC, t.type DESC, t.id DESC LIMIT 10) r1))::text AS data
