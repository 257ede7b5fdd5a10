/**
 * Construction-waste trucks (建筑垃圾运输车, 渣土车) against their transport permits: {@link
 * io.offsite.geofence.truck.TruckPermit} (route corridors, approved sites, time windows), fed with GPS positions
 * ({@link io.offsite.geofence.truck.TruckPosition}, decoded from JT/T 808) and site-gate camera events
 * ({@link io.offsite.geofence.truck.SiteGateEvent}) into a {@link io.offsite.geofence.truck.TruckMonitor}, which
 * reports {@link io.offsite.geofence.truck.TruckFinding}s with a hashed track extract the host stores as evidence.
 */
package io.offsite.geofence.truck;
