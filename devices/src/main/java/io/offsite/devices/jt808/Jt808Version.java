package io.offsite.devices.jt808;

/**
 * The edition of JT/T 808 (道路运输车辆卫星定位系统终端通讯协议) a frame is written in, told apart by bit 14 of the
 * body properties (the 2019 version flag).
 */
public enum Jt808Version {
    /** JT/T 808-2013 (and 2011 terminals that send the same header): 6-byte BCD terminal phone, no version byte. */
    V2013(12),
    /** JT/T 808-2019: version flag set, protocol version byte and a 10-byte BCD terminal phone. */
    V2019(20);

    private final int phoneDigits;

    Jt808Version(int phoneDigits) {
        this.phoneDigits = phoneDigits;
    }

    /** Number of BCD digits of the terminal phone number in this edition's header: 12 or 20. */
    public int phoneDigits() {
        return phoneDigits;
    }
}
