/**
 * Drone patrols (无人机巡查) and illegal-building checks (违法建设) for "one enterprise, one file" (一企一档):
 * {@link io.offsite.core.patrol.PatrolPlanner} cuts enterprises or grid cells into battery-limited sorties over a
 * planning period, {@link io.offsite.core.patrol.PatrolPlan.Sortie#records} turns a flown sortie into archive patrol
 * records, and {@link io.offsite.core.patrol.FootprintCheck} compares an observed building footprint with its permit
 * and yields an {@link io.offsite.core.patrol.IllegalBuildingFinding} for the archive.
 */
package io.offsite.core.patrol;
