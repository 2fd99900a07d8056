-- theme-events-quotes: the statement the planner sends (tests/read-sql.test.ts)
-- $1 = "basic-research"
SELECT json_build_object('theme',
  (SELECT json_build_object('name', r1."name", 'events',
      (SELECT json_build_object('totalCount',
          (SELECT count(*)::int
            FROM "Event" t JOIN "EventTheme" l ON l."eventId" = t.id
            WHERE l."themeId" = r1.id), 'nodes', coalesce(json_agg(json_build_object('title', r2."title", 'date', json_build_object('iso', CASE r2."datePrecision" WHEN 'YEAR' THEN to_char(r2."dateStart", 'YYYY') WHEN 'MONTH' THEN to_char(r2."dateStart", 'YYYY-MM') ELSE to_char(r2."dateStart", 'YYYY-MM-DD') END, 'precision', r2."datePrecision"), 'quotes',
                (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('text', r3."text", 'kind', r3."kind", 'speaker',
                          (SELECT json_build_object('name', r4."name")
                            FROM "Person" r4
                            WHERE r4.id = r3."speakerId"))
                        ORDER BY r3."_k0" ASC, r3."_k1" ASC, r3."_k2" ASC), '[]'))
                  FROM
                  (SELECT t.*, t."documentId" AS "_k0", t.start AS "_k1", t.id AS "_k2"
                    FROM "Quote" t
                    WHERE t."eventId" = r2.id
                    ORDER BY t."documentId" ASC, t.start ASC, t.id ASC LIMIT 5) r3))
              ORDER BY r2."_k0" DESC, r2."_k1" DESC), '[]'))
        FROM
        (SELECT t."id", t."slug", t."title", t."summary", t."dateStart", t."dateEnd", t."datePrecision", t."kind", t."place", l."dateStart" AS "_k0", l."eventId" AS "_k1"
          FROM "Event" t JOIN "EventTheme" l ON l."eventId" = t.id
          WHERE l."themeId" = r1.id
          ORDER BY l."dateStart" DESC, l."eventId" DESC LIMIT 10) r2))
    FROM "Theme" r1
    WHERE r1.slug = $1))::text AS data
