-- Theme.timeline reads a theme's buckets in period order from this index alone (an index-only scan,
-- no sort). With only the primary key, PostgreSQL chose a bitmap scan and a sort once the table
-- grew (bench scale 10: 0.86 ms against 0.12 ms per timeline). The cost: a changed count now
-- writes this index too (no HOT update), once per ingest that re-dates or links events.

-- CreateIndex
CREATE INDEX "ThemeTimelineBucket_themeId_period_count_idx" ON "ThemeTimelineBucket"("themeId", "period", "count");
