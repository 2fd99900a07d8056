-- bench-latest-quotes: the statement the planner sends (tests/read-sql.test.ts)
SELECT json_build_object('quotes',
  (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('text', r1."text", 'kind', r1."kind", 'date', json_build_object('iso', CASE r1."datePrecision" WHEN 'YEAR' THEN to_char(r1."dateStart", 'YYYY') WHEN 'MONTH' THEN to_char(r1."dateStart", 'YYYY-MM') ELSE to_char(r1."dateStart", 'YYYY-MM-DD') END), 'speaker',
            (SELECT json_build_object('slug', r2."slug", 'name', r2."name")
              FROM "Person" r2
              WHERE r2.id = r1."speakerId"))
          ORDER BY r1."_k0" DESC, r1."_k1" DESC), '[]'))
    FROM
    (SELECT t.*, t."dateStart" AS "_k0", t.id AS "_k1"
      FROM "Quote" t
      WHERE TRUE
      ORDER BY t."dateStart" DESC, t.id DESC LIMIT 50) r1))::text AS data
