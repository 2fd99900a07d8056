-- bench-deep: the statement the planner sends (tests/read-sql.test.ts)
-- $1 = "space"
SELECT json_build_object('theme',
  (SELECT json_build_object('name', r1."name", 'events',
      (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('slug', r2."slug", 'title', r2."title", 'date', json_build_object('iso', CASE r2."datePrecision" WHEN 'YEAR' THEN to_char(r2."dateStart", 'YYYY') WHEN 'MONTH' THEN to_char(r2."dateStart", 'YYYY-MM') ELSE to_char(r2."dateStart", 'YYYY-MM-DD') END, 'precision', r2."datePrecision"), 'people',
                (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('slug', r3."slug", 'name', r3."name")
                        ORDER BY r3."_k0" ASC, r3."_k1" ASC), '[]'))
                  FROM
                  (SELECT t."id", t."slug", t."name", t."aliases", t."roles", t.name AS "_k0", t.id AS "_k1"
                    FROM "Person" t JOIN "EventPerson" l ON l."personId" = t.id
                    WHERE l."eventId" = r2.id
                    ORDER BY t.name ASC, t.id ASC LIMIT 20) r3), 'organizations',
                (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('slug', r4."slug", 'name', r4."name")
                        ORDER BY r4."_k0" ASC, r4."_k1" ASC), '[]'))
                  FROM
                  (SELECT t."id", t."slug", t."name", t."aliases", t.name AS "_k0", t.id AS "_k1"
                    FROM "Organization" t JOIN "EventOrganization" l ON l."organizationId" = t.id
                    WHERE l."eventId" = r2.id
                    ORDER BY t.name ASC, t.id ASC LIMIT 20) r4), 'quotes',
                (SELECT json_build_object('nodes', coalesce(json_agg(json_build_object('text', r5."text", 'kind', r5."kind", 'speaker',
                          (SELECT json_build_object('slug', r6."slug", 'name', r6."name")
                            FROM "Person" r6
                            WHERE r6.id = r5."speakerId"))
                        ORDER BY r5."_k0" ASC, r5."_k1" ASC, r5."_k2" ASC), '[]'))
                  FROM
                  (SELECT t.*, t."documentId" AS "_k0", t.start AS "_k1", t.id AS "_k2"
                    FROM "Quote" t
                    WHERE t."eventId" = r2.id
                    ORDER BY t."documentId" ASC, t.start ASC, t.id ASC LIMIT 5) r5))
              ORDER BY r2."_k0" DESC, r2."_k1" DESC), '[]'))
        FROM
        (SELECT t."id", t."slug", t."title", t."summary", t."dateStart", t."dateEnd", t."datePrecision", t."kind", t."place", l."dateStart" AS "_k0", l."eventId" AS "_k1"
          FROM "Event" t JOIN "EventTheme" l ON l."eventId" = t.id
          WHERE l."themeId" = r1.id
          ORDER BY l."dateStart" DESC, l."eventId" DESC LIMIT 20) r2))
    FROM "Theme" r1
    WHERE r1.slug = $1))::text AS data
