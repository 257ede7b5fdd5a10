package io.offsite.devices.jt808;

import io.offsite.core.InvalidValueException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One additional information item (附加信息项) of a location, kept raw: e.g. id 0x01 mileage (DWORD, 1/10 km),
 * 0x30 signal strength, 0x31 satellite count. Compared by content.
 *
 * @param id    item id, 0..255
 * @param value the item's bytes, at most 255 (copied in and out)
 */
public record AdditionalItem(int id, byte[] value) {
    public AdditionalItem {
        Objects.requireNonNull(value, "value");
        Jt808Messages.requireRange("id", id, 0, 255);
        if (value.length > 255) {
            throw new InvalidValueException("additional item 0x" + Integer.toHexString(id) + " has " + value.length
                    + " bytes, more than 255");
        }
        value = value.clone();
    }

    /** A copy of the item's bytes. */
    @Override
    public byte[] value() {
        return value.clone();
    }

    /** Length of the value in bytes. */
    public int length() {
        return value.length;
    }

    /** Byte {@code i} of the value, without copying. */
    public int byteAt(int i) {
        return value[i] & 0xFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdditionalItem other && other.id == id && Arrays.equals(other.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * id + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "AdditionalItem[id=0x" + Integer.toHexString(id) + ", value=" + HexFormat.of().formatHex(value) + "]";
    }
}
