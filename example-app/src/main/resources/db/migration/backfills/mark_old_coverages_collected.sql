-- Coverages created before collection was tracked (V0005) were all collected by hand.
-- Run once, on purpose: java -jar schemacode-cli.jar backfill mark_old_coverages_collected
UPDATE funding_coverage
   SET collection_status = 'COLLECTED',
       collected_at = created_at
 WHERE collection_status = 'PENDING'
   AND created_at < now() - interval '30 days';
