package io.offsite.devices.jt808;

import java.util.Objects;

/**
 * 0x0200 location report (位置信息汇报): one {@link Location} of the terminal.
 *
 * @param header   header with message id 0x0200
 * @param location the reported location
 */
public record LocationReport(Jt808Header header, Location location) implements Jt808Message {
    public LocationReport {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(location, "location");
        Jt808Messages.requireId(header, LOCATION_REPORT, "LocationReport");
    }
}
