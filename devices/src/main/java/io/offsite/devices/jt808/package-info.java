/**
 * JT/T 808 (2013 and 2019) for GPS terminals of road-transport vehicles, such as Huangyan's construction-waste
 * trucks: {@link io.offsite.devices.jt808.Jt808Codec} decodes and encodes frames into the
 * {@link io.offsite.devices.jt808.Jt808Message} records, {@link io.offsite.devices.jt808.Jt808FrameReader} cuts a
 * TCP stream into frames, {@link io.offsite.devices.jt808.Jt808Reassembler} joins sub-packages, and
 * {@link io.offsite.devices.jt808.Jt808Session} is the per-connection protocol state a server feeds bytes to.
 * Bad input is a {@link io.offsite.devices.DeviceMessageException} with its reason.
 */
package io.offsite.devices.jt808;
