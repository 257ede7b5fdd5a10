package io.offsite.devices.jt808;

import io.offsite.core.InvalidValueException;
import java.util.List;
import java.util.Objects;

/**
 * 0x0704 batch upload of locations (定位数据批量上传): several location bodies, either normal or stored while the
 * terminal had no network (盲区补报) and sent late.
 *
 * @param header    header with message id 0x0704
 * @param type      normal or blind-area
 * @param locations 1..65535 locations in the order sent
 */
public record BatchLocationUpload(Jt808Header header, Type type, List<Location> locations) implements Jt808Message {
    /** The data type byte of a batch upload (位置数据类型). */
    public enum Type {
        /** 0: normal batch report (正常位置批量汇报). */
        NORMAL,
        /** 1: blind-area make-up report (盲区补报), locations recorded while offline. */
        BLIND_AREA
    }

    public BatchLocationUpload {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(type, "type");
        locations = List.copyOf(locations);
        Jt808Messages.requireId(header, BATCH_LOCATION_UPLOAD, "BatchLocationUpload");
        if (locations.isEmpty() || locations.size() > 0xFFFF) {
            throw new InvalidValueException("a batch upload carries 1..65535 locations, was " + locations.size());
        }
    }
}
