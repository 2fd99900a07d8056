-- timeline: the statement the planner sends (tests/read-sql.test.ts)
-- $1 = "space"
SELECT json_build_object('theme',
  (SELECT json_build_object('name', r1."name", 'timeline',
      (SELECT coalesce(json_agg(json_build_object('period', r2."period", 'count', r2."count")
            ORDER BY r2."_o"), '[]')
        FROM
        (SELECT t.*, t.period AS _o
          FROM
          (SELECT b."themeId", b.period, b.count, CASE WHEN length(b.period) = 4 THEN 'YEAR' ELSE 'MONTH' END AS precision, b.period || CASE WHEN length(b.period) = 4 THEN '-01-01' ELSE '-01' END AS start
            FROM
            (SELECT "themeId", split_part(period, '-', 1) AS period, sum(count)::int AS count
              FROM "ThemeTimelineBucket"
              WHERE "themeId" = r1.id GROUP BY 1, 2) b) t) r2))
    FROM "Theme" r1
    WHERE r1.slug = $1))::text AS data
